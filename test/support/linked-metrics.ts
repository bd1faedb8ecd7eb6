import type { JsonReport } from '../../src/core/types';
import type { ExpectedPage } from './fixture-pages';
import { comparableClaim } from './page-metrics';

/** How a scan's linked claims compare with what a person reading the page wrote down (docs/fixture-format.md). */
export interface LinkedScore {
  claims: { right: number; expected: number; detected: number; missed: string[]; extra: string[] };
  /** Links of the expected claims that were found, on the matched claim. */
  links: { right: number; expected: number; wrong: string[] };
  /** Distinct linked pages: expected vs detected. */
  sources: { right: number; expected: number; detected: number };
}

/** A link's identity: absolute, fragment dropped, as the URL standard writes it. */
export function linkIdentity(url: string): string {
  try {
    const u = new URL(url);
    u.hash = '';
    return u.href;
  } catch {
    return url;
  }
}

export function scoreLinked(report: JsonReport, expected: ExpectedPage): LinkedScore {
  const want = expected.linked?.claims ?? [];
  const got = report.claims.filter((c) => c.links?.length);
  const pool = new Map<string, (typeof got)[number][]>();
  for (const c of got) {
    const key = comparableClaim(c.text);
    pool.set(key, [...(pool.get(key) ?? []), c]);
  }
  let right = 0;
  let linksRight = 0;
  let linksExpected = 0;
  const missed: string[] = [];
  const wrong: string[] = [];
  for (const c of want) {
    linksExpected += c.links.length;
    const found = pool.get(comparableClaim(c.text))?.shift();
    if (!found) {
      missed.push(c.text);
      continue;
    }
    right++;
    const hrefs = new Set((found.links ?? []).map((l) => linkIdentity(l.href)));
    for (const l of c.links) {
      if (hrefs.has(linkIdentity(l))) linksRight++;
      else wrong.push(`${c.text.slice(0, 60)}… → ${l}`);
    }
  }
  const extra = [...pool.values()].flat().map((c) => c.text);

  const wantSources = new Set(want.flatMap((c) => c.links.map(linkIdentity)));
  const gotSources = new Set(
    report.sources.filter((s) => s.kind === 'linked' && s.url).map((s) => linkIdentity(s.url ?? '')),
  );
  let sourcesRight = 0;
  for (const s of wantSources) if (gotSources.has(s)) sourcesRight++;
  return {
    claims: { right, expected: want.length, detected: got.length, missed, extra },
    links: { right: linksRight, expected: linksExpected, wrong },
    sources: { right: sourcesRight, expected: wantSources.size, detected: gotSources.size },
  };
}
