import { findingsFor } from '../findings';
import { TargetIndex } from '../markers/target-index';
import { linkBase } from '../page-info';
import type { Finding, FindingKind, PageReport, Source } from '../types';
import { siteOf } from '../url';
import { bundledWorks } from './bundles';
import { entryForTarget, type ReferenceEntry } from './entries';
import { isExplanatoryNote } from './note-kind';
import { parseEntry } from './parse-entry';

/** Findings `fillLateReferences` recomputes from the report's claims and sources; the others stay as they were. */
const RECOMPUTED: ReadonlySet<FindingKind> = new Set([
  'dangling-marker',
  'reference-not-on-page',
  'uncited-source',
  'source-concentration',
  'duplicate-source',
  'source-without-link',
]);

/**
 * Issue 10, shape 6: the reference list arrived after the scan (Wikipedia's mobile pages load it lazily, other sites
 * on a click). Resolves the markers the scan left unresolved (`CitationMarker.unresolved`) against the page as it
 * is now, adding their sources to the report in place, without a rescan of the page: only the missing notes are
 * looked up and read. Returns how many markers it resolved (0: nothing changed, the report is untouched).
 */
export function fillLateReferences(report: PageReport, doc: Document): number {
  const root = doc.body;
  if (!root) return 0;
  const pending = report.claims.some((c) => c.markers.some((m) => m.unresolved && m.target));
  if (!pending) return 0;
  const targets = new TargetIndex(root);
  const base = linkBase(doc, report.url);
  const byEntry = new Map<Node, Source>();
  let resolved = 0;
  for (const claim of report.claims) {
    for (const marker of claim.markers) {
      if (!marker.unresolved || !marker.target) continue;
      const target = targets.find(marker.target);
      if (!target) continue;
      const entry: ReferenceEntry = entryForTarget(target);
      const key = entry.parts[0] ?? target;
      let source = byEntry.get(key);
      if (!source) {
        const parsed = parseEntry(entry, base, targets);
        source = {
          id: `s${report.sources.length + 1}`,
          kind: isExplanatoryNote(entry, parsed.text, parsed.url) ? 'note' : 'reference',
          label: marker.label,
          title: parsed.title,
          publisher: parsed.publisher,
          url: parsed.url,
          text: parsed.text,
          claimIds: [],
        };
        report.sources.push(source);
        byEntry.set(key, source);
        const main = source;
        for (const work of bundledWorks(entry, base, parsed.url)) {
          report.sources.push({
            id: `s${report.sources.length + 1}`,
            kind: 'reference',
            label: main.label,
            title: work.title,
            publisher: siteOf(work.url),
            url: work.url,
            text: parsed.text,
            claimIds: [],
            partOf: main.id,
          });
        }
      }
      const works = report.sources.filter((s) => s === source || s.partOf === source?.id);
      for (const s of works) {
        if (!claim.sourceIds.includes(s.id)) claim.sourceIds.push(s.id);
        if (!s.claimIds.includes(claim.id)) s.claimIds.push(claim.id);
      }
      delete marker.unresolved;
      resolved++;
    }
  }
  if (!resolved) return 0;
  const still = report.claims.flatMap((c) =>
    c.markers.filter((m) => m.unresolved).map((m) => ({ label: m.label, claimId: c.id })),
  );
  const fresh = findingsFor({
    claims: report.claims.filter((c) => c.markers.length > 0),
    sources: report.sources.filter((s) => s.kind !== 'linked'),
    dangling: still,
    unsafeLinks: [],
    citationNeeded: [],
  });
  const kept: Finding[] = report.findings.filter((f) => !RECOMPUTED.has(f.kind));
  report.findings = [...fresh.filter((f) => RECOMPUTED.has(f.kind)), ...kept];
  return resolved;
}
