/**
 * `browser.i18n.getMessage` as the browsers do it, over the real `_locales` files: `$1`…`$9` are the
 * substitutions, `$$` a dollar sign, and an unknown key gives "". `use(lang)` picks the file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const LOCALES_DIR = join(import.meta.dirname, '../../../public/_locales');

export type Messages = Record<string, { message: string; description?: string }>;

export function readLocale(lang: string): Messages {
  return JSON.parse(readFileSync(join(LOCALES_DIR, lang, 'messages.json'), 'utf8')) as Messages;
}

export const LANGUAGES = readdirSync(LOCALES_DIR);

let current: Messages = readLocale('en');

export function use(lang: string): void {
  current = readLocale(lang);
}

export function getMessage(key: string, substitutions?: string | string[]): string {
  const entry = current[key];
  if (!entry) return '';
  const subs =
    substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  return entry.message.replace(/\$(\$|[1-9])/g, (_, d: string) =>
    d === '$' ? '$' : (subs[Number(d) - 1] ?? ''),
  );
}
