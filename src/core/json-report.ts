import { findingMessage } from './finding-message';
import type { Claim, JsonClaim, JsonFinding, JsonReport, PageReport } from './types';

/**
 * The serialisable form of a report, the exact shape `citelens scan --json` prints; with `params`, each finding
 * also carries its parameters, so that the extension words it in the reader's language.
 */
export function toJsonReport(report: PageReport, options: { params?: boolean } = {}): JsonReport {
  return {
    url: report.url,
    title: report.title,
    claims: report.claims.map(toJsonClaim),
    sources: report.sources.map((s) => ({
      id: s.id,
      kind: s.kind,
      label: s.label,
      title: s.title,
      publisher: s.publisher,
      url: s.url,
      claims: s.claimIds,
      ...(s.partOf ? { partOf: s.partOf } : {}),
    })),
    findings: report.findings.map(
      (f) =>
        ({
          kind: f.kind,
          message: findingMessage(f),
          ...(options.params ? { params: f.params } : {}),
          claims: f.claimIds,
          sources: f.sourceIds,
        }) as JsonFinding,
    ),
  };
}

/** One claim in the report's serialisable form (a page of many claims can map them in slices). */
export function toJsonClaim(c: Claim): JsonClaim {
  return {
    id: c.id,
    text: c.text,
    markers: c.markers.map((m) => m.label),
    sources: c.sourceIds,
    ...(c.links?.length
      ? { links: c.links.map((l) => ({ source: l.sourceId, text: l.text, href: l.href })) }
      : {}),
  };
}
