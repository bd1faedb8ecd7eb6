import { extensionApi } from '../shared/browser-differences';

/**
 * Imports one of the content script's later parts (src/content/lazy-files.ts) by its address in the extension.
 * By address, not `import('./card')`: each part is a module of its own (vite.config.ts). One place for every such
 * import of the main part, so that the bundle holds one import by address, not one per part.
 */
export function importContentPart<T>(file: string): Promise<T> {
  return import(/* @vite-ignore */ extensionApi().runtime.getURL(file));
}
