import type { Claim, PageReport, Source, TextPoint, TextSpan } from '../types';
import type { LinkedClaims } from './linked-claims';
import { newsFindingsFor } from './news-findings';

/** Position of a node relative to another, as `compareDocumentPosition` says it (DOCUMENT_POSITION_FOLLOWING = 4). */
const FOLLOWING = 4;

/**
 * The report with the linked claims in it: a sentence that has both a marker and a link is one claim with both
 * sources; the other linked claims take their place in document order. Claims are numbered again (c1, c2, … in
 * document order) and the findings follow; reference sources keep their ids, linked sources come after them.
 */
export function withLinkedClaims(report: PageReport, linked: LinkedClaims): PageReport {
  if (!linked.claims.length) return report;
  const sourceId = new Map<string, string>();
  const sources: Source[] = report.sources.map((s) => ({ ...s, claimIds: [] }));
  for (const s of linked.sources) {
    const id = `s${sources.length + 1}`;
    sourceId.set(s.id, id);
    sources.push({ ...s, id, claimIds: [] });
  }

  const alone: Claim[] = [];
  for (const claim of linked.claims) {
    const ids = claim.sourceIds.map((id) => sourceId.get(id) ?? id);
    const links = (claim.links ?? []).map((l) => ({
      ...l,
      sourceId: sourceId.get(l.sourceId) ?? l.sourceId,
    }));
    const same = report.claims.find((c) => overlaps(c.spans, claim.spans));
    if (same) {
      for (const id of ids) if (!same.sourceIds.includes(id)) same.sourceIds.push(id);
      same.links = [...(same.links ?? []), ...links];
    } else alone.push({ ...claim, sourceIds: ids, links });
  }

  const claims = inDocumentOrder(report.claims, alone);
  const renamed = new Map<string, string>();
  const byId = new Map(sources.map((s) => [s.id, s]));
  claims.forEach((claim, i) => {
    const id = `c${i + 1}`;
    if (claim.id) renamed.set(claim.id, id);
    claim.id = id;
    for (const s of claim.sourceIds) byId.get(s)?.claimIds.push(id);
  });
  const findings = report.findings.map((f) => ({
    ...f,
    claimIds: f.claimIds.map((id) => renamed.get(id) ?? id),
  }));
  findings.push(
    ...newsFindingsFor({ claims, sources, sentences: linked.sentences, ownSites: linked.ownSites }),
  );
  return { ...report, claims, sources, findings };
}

/** Whether two sentences share characters of a text node. */
function overlaps(a: TextSpan[], b: TextSpan[]): boolean {
  for (const x of a)
    for (const y of b)
      if (x.start.node === y.start.node && x.start.offset < y.end.offset && y.start.offset < x.end.offset)
        return true;
  return false;
}

/** Both lists are in document order; a marker claim with no text of its own keeps its place among the markers. */
function inDocumentOrder(markerClaims: Claim[], linkedClaims: Claim[]): Claim[] {
  const out: Claim[] = [];
  let j = 0;
  for (const claim of markerClaims) {
    const at = claim.spans[0]?.start;
    if (at) {
      while (j < linkedClaims.length && before(linkedClaims[j] as Claim, at))
        out.push(linkedClaims[j++] as Claim);
    }
    out.push(claim);
  }
  while (j < linkedClaims.length) out.push(linkedClaims[j++] as Claim);
  return out;
}

function before(claim: Claim, point: TextPoint): boolean {
  const own = claim.spans[0]?.start;
  if (!own) return false;
  if (own.node === point.node) return own.offset < point.offset;
  return (own.node.compareDocumentPosition(point.node) & FOLLOWING) !== 0;
}
