import { quotedSentence } from '../finding-message';
import type { Claim, Finding, Source } from '../types';

/** The share of the linked claims one site may carry before the page is said to lean on it. */
export const SITE_CONCENTRATION_SHARE = 0.4;
/** A site must carry at least this many linked claims to be said to carry the page (2 of 5 is chance). */
const SITE_CONCENTRATION_MIN_CLAIMS = 3;

export interface NewsFindingInputs {
  claims: Claim[];
  sources: Source[];
  /** Sentences of the article's prose, linked or not (0 when the article was not read). */
  sentences: number;
  /** The page's own site(s): links to them are sources only when the reader counts own-site links. */
  ownSites: readonly string[];
}

function percent(part: number, whole: number): number {
  return Math.round((part / whole) * 100);
}

/**
 * Social networks and the shape of a single post's address on each: a post says what one account said, which a
 * reader may want to weigh differently from a report, a study or an official page. A category of platforms by the
 * shape of their post URLs, not a list of outlets. An account's home page is not a source at all (citation-links).
 */
const SOCIAL_POSTS: { sites: readonly string[]; post: RegExp }[] = [
  { sites: ['twitter.com', 'x.com'], post: /^\/[^/]+\/status(?:es)?\/\d+/ },
  { sites: ['facebook.com', 'fb.com'], post: /\/(?:posts|videos|photos|permalink\.php|story\.php|reel)\b/ },
  { sites: ['instagram.com'], post: /^\/(?:[^/]+\/)?(?:p|reel|tv)\/[^/]+/ },
  { sites: ['tiktok.com'], post: /^\/@[^/]+\/video\/\d+/ },
  { sites: ['threads.net', 'threads.com'], post: /^\/@[^/]+\/post\/[^/]+/ },
  { sites: ['bsky.app'], post: /^\/profile\/[^/]+\/post\/[^/]+/ },
  { sites: ['mastodon.social'], post: /^\/@[^/]+\/\d+/ },
  { sites: ['linkedin.com'], post: /^\/(?:posts|feed\/update)\// },
  { sites: ['reddit.com'], post: /^\/r\/[^/]+\/comments\// },
  { sites: ['t.me'], post: /^\/[^/]+\/\d+/ },
  { sites: ['vk.com'], post: /^\/wall-?\d+_\d+/ },
  { sites: ['weibo.com'], post: /^\/\d+\/[A-Za-z0-9]+/ },
];

/** Whether a linked source is one post on a social network. */
export function isSocialPost(source: Source): boolean {
  if (source.kind !== 'linked' || !source.url) return false;
  let path: string;
  try {
    path = new URL(source.url).pathname;
  } catch {
    return false;
  }
  return SOCIAL_POSTS.some((p) => p.sites.includes(source.label) && p.post.test(path));
}

/** What a careful reader would note about a news page's linked sources, as data (`findingMessage` words it). */
export function newsFindingsFor(input: NewsFindingInputs): Finding[] {
  const linkedSources = input.sources.filter((s) => s.kind === 'linked');
  if (!linkedSources.length) return [];
  const byId = new Map(input.sources.map((s) => [s.id, s]));
  const linkedIds = new Set(linkedSources.map((s) => s.id));
  const linkedClaims = input.claims.filter((c) => c.sourceIds.some((id) => linkedIds.has(id)));
  if (!linkedClaims.length) return [];
  const findings: Finding[] = [];

  if (input.sentences > 0) {
    const n = Math.min(linkedClaims.length, input.sentences);
    findings.push({
      kind: 'linked-share',
      params: { linked: n, sentences: input.sentences, percent: percent(n, input.sentences) },
      claimIds: linkedClaims.map((c) => c.id),
      sourceIds: [],
    });
  }

  {
    const claimsOfSite = new Map<string, Set<string>>();
    for (const claim of linkedClaims) {
      for (const id of claim.sourceIds) {
        const source = byId.get(id);
        if (source?.kind !== 'linked') continue;
        const set = claimsOfSite.get(source.label) ?? new Set<string>();
        set.add(claim.id);
        claimsOfSite.set(source.label, set);
      }
    }
    for (const [site, ids] of claimsOfSite) {
      if (
        ids.size < SITE_CONCENTRATION_MIN_CLAIMS ||
        ids.size / linkedClaims.length < SITE_CONCENTRATION_SHARE
      )
        continue;
      findings.push({
        kind: 'site-concentration',
        params: {
          percent: percent(ids.size, linkedClaims.length),
          claims: ids.size,
          total: linkedClaims.length,
          site,
        },
        claimIds: [...ids],
        sourceIds: linkedSources.filter((s) => s.label === site).map((s) => s.id),
      });
    }
  }

  const own = linkedSources.filter((s) => input.ownSites.includes(s.label));
  if (own.length) {
    const ids = [...new Set(own.flatMap((s) => s.claimIds))];
    findings.push({
      kind: 'own-site-links',
      params: { claims: ids.length, site: own[0]?.label ?? '' },
      claimIds: ids,
      sourceIds: own.map((s) => s.id),
    });
  }

  for (const claim of linkedClaims) {
    const sources = claim.sourceIds.map((id) => byId.get(id)).filter((s): s is Source => !!s);
    if (!sources.length || !sources.every(isSocialPost)) continue;
    findings.push({
      kind: 'social-post-only',
      params: { site: sources[0]?.label ?? '', sentence: quotedSentence(claim.text) },
      claimIds: [claim.id],
      sourceIds: sources.map((s) => s.id),
    });
  }
  return findings;
}
