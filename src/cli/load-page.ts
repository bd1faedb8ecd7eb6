import { readFile } from 'node:fs/promises';
import { parseHTML } from 'linkedom';
import { decodeHtml } from '../core/fetch/encoding';
import { readCapped } from '../core/fetch/read-body';
import { repairTree } from './repair-tree';

/** A failure the command line reports in one line, without a stack trace. */
export class UserError extends Error {}

export interface LoadedPage {
  document: Document;
  /** The page's address when it was fetched; null for a file (the page's own `<base>`/canonical is used then). */
  url: string | null;
}

export const MAX_PAGE_BYTES = 20 * 1024 * 1024;
const FETCH_TIMEOUT_MS = 20_000;

/**
 * Parses HTML text with linkedom, the JavaScript DOM the core runs on in Node, and gives the tree the top a
 * browser would (src/cli/repair-tree.ts).
 */
export function parseHtml(html: string): Document {
  return repairTree(parseHTML(html).document as unknown as Document);
}

/** The text a reader would see in the body: none means the page cannot be scanned. */
function hasText(document: Document): boolean {
  return Boolean(document.body?.textContent?.trim());
}

function looksLikeHtml(text: string): boolean {
  return /<(?:!doctype\s+html|html|head|body|p|div|article|section|main|h[1-6])[\s>]/i.test(
    text.slice(0, 65536),
  );
}

async function fetchPage(url: string): Promise<LoadedPage> {
  let response: Response;
  try {
    response = await fetch(url, {
      redirect: 'follow',
      signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
      credentials: 'omit',
    });
  } catch (error) {
    const reason =
      error instanceof Error && error.name === 'TimeoutError' ? 'timed out' : 'could not be reached';
    throw new UserError(`${url} ${reason}`);
  }
  if (!response.ok) throw new UserError(`${url} answered ${response.status} ${response.statusText}`.trim());
  const type = response.headers.get('content-type') ?? '';
  if (type && !/html|xml/i.test(type))
    throw new UserError(`${url} is not an HTML page (${type.split(';')[0]})`);
  // Read as a stream and cut off at the cap: a declared length is not trusted, and an endless chunked body stops.
  const body = await readCapped(response, MAX_PAGE_BYTES);
  if (body.kind === 'too-large') throw new UserError(`${url} is too large (over ${MAX_PAGE_BYTES} bytes)`);
  const html = decodeHtml(body.bytes, type || null);
  if (!looksLikeHtml(html)) throw new UserError(`${url} did not return an HTML page`);
  const document = parseHtml(html);
  if (!hasText(document)) throw new UserError(`${url} has no text`);
  return { document, url: response.url || url };
}

/** Reads a page from a file or an http(s) URL; anything else is a clear one-line error. */
export async function loadPage(target: string): Promise<LoadedPage> {
  if (/^https?:\/\//i.test(target)) return fetchPage(target);
  if (/^[a-z][a-z0-9+.-]*:/i.test(target) && !/^[a-z]:[\\/]/i.test(target)) {
    throw new UserError(`${target}: only files and http(s) URLs can be scanned`);
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(
      code === 'ENOENT'
        ? `${target}: no such file`
        : code === 'EISDIR'
          ? `${target} is a folder`
          : `${target}: cannot be read`,
    );
  }
  // A file has no HTTP header: its bytes (a byte order mark, a <meta> charset) say how it is encoded.
  const html = decodeHtml(bytes, null);
  if (!html.trim()) throw new UserError(`${target} is empty`);
  if (html.includes('\u0000') || !looksLikeHtml(html)) throw new UserError(`${target} is not an HTML file`);
  const document = parseHtml(html);
  if (!hasText(document)) throw new UserError(`${target} has no text`);
  return { document, url: null };
}
