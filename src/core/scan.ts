import type { PageReport } from './types';

export interface ScanOptions {
  /** The page's address, to make links absolute and to report; defaults to the document's URL when it is http(s). */
  url?: string | null;
}

/** Scans a whole document at once. (Stub: being written in issue 2.) */
export function scanDocument(doc: Document, options: ScanOptions = {}): PageReport {
  return { url: options.url ?? null, title: doc.title, claims: [], sources: [], findings: [] };
}

export interface SliceOptions extends ScanOptions {
  /** Longest stretch of work, in ms, before handing the thread back. */
  sliceMs?: number;
  /** How to hand the thread back between slices (a macrotask in the page, nothing in tests). */
  yieldToHost?: () => Promise<void>;
}

/** Scans in slices so a huge page is never blocked for long. (Stub: being written in issue 2.) */
export async function scanDocumentInSlices(doc: Document, options: SliceOptions = {}): Promise<PageReport> {
  return scanDocument(doc, options);
}
