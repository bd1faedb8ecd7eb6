import type { Claim, Finding, Source } from './types';
import { comparableUrl } from './url';

/** The share of claims one source may carry before the page is said to rest on it. */
export const CONCENTRATION_SHARE = 0.4;
/** Fewer claims than this say nothing about concentration. */
const CONCENTRATION_MIN_CLAIMS = 3;

export interface FindingInputs {
  claims: Claim[];
  sources: Source[];
  /** Markers whose reference is missing, with the claim they belong to. */
  dangling: { label: string; claimId: string | null }[];
  /** Citation markers whose reference list is not on the page at all (loaded later or never), with their claim. */
  notOnPage?: { label: string; claimId: string | null }[];
  unsafeLinks: { sourceId: string; href: string }[];
  citationNeeded: string[];
}

function labels(sources: Source[]): string {
  return sources.map((s) => `[${s.label}]`).join(', ');
}

function quote(text: string): string {
  return text.length > 120 ? `“${text.slice(0, 117).trimEnd()}…”` : `“${text}”`;
}

/** What a careful reader would flag about the page's citations, in plain words. */
export function findingsFor(input: FindingInputs): Finding[] {
  const steps = findingsInSteps(input);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Sources handled between two yields. */
const SOURCES_PER_YIELD = 256;

/** `findingsFor` as a generator that yields now and then: thousands of sources are compared in slices. */
export function* findingsInSteps(input: FindingInputs): Generator<void, Finding[]> {
  const { claims, sources } = input;
  const findings: Finding[] = [];

  if (input.dangling.length) {
    const shown = [...new Set(input.dangling.map((d) => `[${d.label}]`))];
    findings.push({
      kind: 'dangling-marker',
      message: `${shown.length === 1 ? 'Marker' : 'Markers'} ${shown.join(', ')} point${shown.length === 1 ? 's' : ''} to no reference on this page.`,
      claimIds: [...new Set(input.dangling.map((d) => d.claimId).filter((id): id is string => !!id))],
      sourceIds: [],
    });
  }

  if (input.notOnPage?.length) {
    const shown = [...new Set(input.notOnPage.map((d) => `[${d.label}]`))];
    findings.push({
      kind: 'reference-not-on-page',
      message: `The reference list that ${shown.length === 1 ? 'marker' : 'markers'} ${shown.join(', ')} ${shown.length === 1 ? 'points' : 'point'} to is not on this page (it may load later): ${shown.length === 1 ? 'its source is' : 'their sources are'} not known yet.`,
      claimIds: [...new Set(input.notOnPage.map((d) => d.claimId).filter((id): id is string => !!id))],
      sourceIds: [],
    });
  }

  const uncited = sources.filter((s) => s.claimIds.length === 0);
  if (uncited.length) {
    findings.push({
      kind: 'uncited-source',
      message: `${uncited.length === 1 ? 'Reference' : `${uncited.length} references`} ${labels(uncited)} ${uncited.length === 1 ? 'is' : 'are'} listed but never cited in the text.`,
      claimIds: [],
      sourceIds: uncited.map((s) => s.id),
    });
  }

  if (claims.length >= CONCENTRATION_MIN_CLAIMS) {
    for (const s of sources) {
      // An explanatory note is no source for a claim to rest on.
      if (s.kind === 'note') continue;
      const share = s.claimIds.length / claims.length;
      if (share >= CONCENTRATION_SHARE) {
        findings.push({
          kind: 'source-concentration',
          message: `${Math.round(share * 100)}% of the claims (${s.claimIds.length} of ${claims.length}) rest on one source: [${s.label}] ${s.title}.`,
          claimIds: [...s.claimIds],
          sourceIds: [s.id],
        });
      }
    }
  }

  yield;
  const byUrl = new Map<string, Source[]>();
  let n = 0;
  for (const s of sources) {
    if (++n % SOURCES_PER_YIELD === 0) yield;
    if (!s.url) continue;
    const key = comparableUrl(s.url);
    const list = byUrl.get(key);
    if (list) list.push(s);
    else byUrl.set(key, [s]);
  }
  for (const same of byUrl.values()) {
    if (same.length < 2) continue;
    findings.push({
      kind: 'duplicate-source',
      message: `${labels(same)} are the same link (${same[0]?.url}): one source counted as ${same.length}.`,
      claimIds: [...new Set(same.flatMap((s) => s.claimIds))],
      sourceIds: same.map((s) => s.id),
    });
  }

  yield;
  // An explanatory note has nothing to check online: it is no missing link.
  const linkless = sources.filter((s) => !s.url && s.claimIds.length > 0 && s.kind !== 'note');
  if (linkless.length) {
    findings.push({
      kind: 'source-without-link',
      message: `${linkless.length === 1 ? 'Reference' : `${linkless.length} references`} ${labels(linkless)} ${linkless.length === 1 ? 'has' : 'have'} no link, so ${linkless.length === 1 ? 'it' : 'they'} cannot be checked online.`,
      claimIds: [...new Set(linkless.flatMap((s) => s.claimIds))],
      sourceIds: linkless.map((s) => s.id),
    });
  }

  const byId = new Map(sources.map((s) => [s.id, s]));
  for (const { sourceId, href } of input.unsafeLinks) {
    const source = byId.get(sourceId);
    const scheme = /^\s*([a-z][a-z0-9+.-]*):/i.exec(href)?.[1]?.toLowerCase() ?? 'unknown';
    findings.push({
      kind: 'unsafe-link',
      message: `Reference [${source?.label ?? '?'}] carries a ${scheme}: link, which is not a web address; it is shown as text and never opened.`,
      claimIds: source ? [...source.claimIds] : [],
      sourceIds: [sourceId],
    });
  }

  for (const sentence of input.citationNeeded) {
    findings.push({
      kind: 'citation-needed',
      message: `The page itself marks this as needing a citation: ${quote(sentence)}`,
      claimIds: [],
      sourceIds: [],
    });
  }
  return findings;
}
