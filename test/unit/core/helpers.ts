import { parseHtml } from '../../../src/cli/load-page';
import { scanDocument, toJsonReport } from '../../../src/core/index';
import { siteByPublicSuffix } from '../../../src/core/links/public-suffix';
import type { Claim, FindingKind, JsonReport, PageReport } from '../../../src/core/types';

export interface Scanned {
  report: PageReport;
  json: JsonReport;
  doc: Document;
}

/** Wraps a body fragment in a minimal page (unless it is a whole page already) and scans it. */
export function page(body: string, head = ''): string {
  if (/^\s*<!doctype|^\s*<html/i.test(body)) return body;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test page</title>${head}</head><body>${body}</body></html>`;
}

export function scan(body: string, options: { url?: string | null; head?: string } = {}): Scanned {
  const doc = parseHtml(page(body, options.head));
  const report = scanDocument(doc, {
    siteOf: siteByPublicSuffix,
    ...(options.url === undefined ? {} : { url: options.url }),
  });
  return { report, json: toJsonReport(report), doc };
}

/** Claim texts in order. */
export function claimTexts(r: Scanned): string[] {
  return r.json.claims.map((c) => c.text);
}

/** Each claim's marker labels, in order. */
export function markerLabels(r: Scanned): string[][] {
  return r.json.claims.map((c) => c.markers);
}

/** Each claim's sources as their labels. */
export function claimSourceLabels(r: Scanned): string[][] {
  const byId = new Map(r.json.sources.map((s) => [s.id, s.label]));
  return r.json.claims.map((c) => c.sources.map((id) => byId.get(id) ?? `?${id}`));
}

export function sourceLabels(r: Scanned): string[] {
  return r.json.sources.map((s) => s.label);
}

export function sourceUrls(r: Scanned): (string | null)[] {
  return r.json.sources.map((s) => s.url);
}

export function sourceByLabel(r: Scanned, label: string) {
  return r.json.sources.find((s) => s.label === label);
}

export function findingKinds(r: Scanned): FindingKind[] {
  return r.json.findings.map((f) => f.kind);
}

export function findingsOf(r: Scanned, kind: FindingKind) {
  return r.json.findings.filter((f) => f.kind === kind);
}

/** The page text a claim's spans cover, in order, whitespace folded. */
export function spanText(claim: Claim): string {
  return claim.spans
    .map((s) => {
      if (s.start.node === s.end.node) return s.start.node.data.slice(s.start.offset, s.end.offset);
      return s.start.node.data.slice(s.start.offset) + s.end.node.data.slice(0, s.end.offset);
    })
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}
