import { quotedSentence } from './finding-message';
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

const labels = (sources: Source[]) => sources.map((s) => s.label);

/** What a careful reader would flag about the page's citations, as data (`findingMessage` words it). */
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
    findings.push({
      kind: 'dangling-marker',
      params: { markers: [...new Set(input.dangling.map((d) => d.label))] },
      claimIds: [...new Set(input.dangling.map((d) => d.claimId).filter((id): id is string => !!id))],
      sourceIds: [],
    });
  }

  if (input.notOnPage?.length) {
    findings.push({
      kind: 'reference-not-on-page',
      params: { markers: [...new Set(input.notOnPage.map((d) => d.label))] },
      claimIds: [...new Set(input.notOnPage.map((d) => d.claimId).filter((id): id is string => !!id))],
      sourceIds: [],
    });
  }

  const uncited = sources.filter((s) => s.claimIds.length === 0);
  if (uncited.length) {
    findings.push({
      kind: 'uncited-source',
      params: { labels: labels(uncited) },
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
          params: {
            percent: Math.round(share * 100),
            claims: s.claimIds.length,
            total: claims.length,
            label: s.label,
            title: s.title,
          },
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
      params: { labels: labels(same), url: same[0]?.url ?? '' },
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
      params: { labels: labels(linkless) },
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
      params: { label: source?.label ?? '?', scheme },
      claimIds: source ? [...source.claimIds] : [],
      sourceIds: [sourceId],
    });
  }

  for (const sentence of input.citationNeeded) {
    findings.push({
      kind: 'citation-needed',
      params: { sentence: quotedSentence(sentence) },
      claimIds: [],
      sourceIds: [],
    });
  }
  return findings;
}
