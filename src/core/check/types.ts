/**
 * What a check of a page's sources produces: every source's link status and every (claim, source) judgement.
 * Plain data: it crosses message boundaries in the extension and is what `citelens check --json` prints.
 */
import type { LinkStatus, LinkStatusKind } from '../fetch/types';
import type { JsonClaim, JsonSource } from '../types';
import type { SupportJudgement } from '../verify/judge';

/**
 * A link status, or: `no-link` (the entry has no web link), `not-checked` (the reader did not allow CiteLens to
 * read that site, or the page cites more sources than one check reads).
 */
export type SourceStatusKind = LinkStatusKind | 'no-link' | 'not-checked';

export interface CheckedSource {
  id: string;
  label: string;
  title: string;
  url: string | null;
  status: SourceStatusKind;
  /** Why, for a status that needs a reason ("HTTP 404", "soft 404", "pdf", "over 5 MB"); where a redirect led. */
  detail: string | null;
  /** The address the page was read from (after redirects); null when nothing was read. */
  finalUrl: string | null;
  /**
   * What the page read says of itself: its title and its site's name (`og:site_name`), when a page was read. A
   * linked source's title is only the link's words until then.
   */
  page?: { title: string; siteName: string | null };
}

export interface CheckedJudgement extends SupportJudgement {
  /** The source's id. */
  source: string;
}

export interface CheckedClaim {
  id: string;
  text: string;
  judgements: CheckedJudgement[];
}

export interface CheckResult {
  url: string | null;
  title: string;
  sources: CheckedSource[];
  claims: CheckedClaim[];
}

/** The part of a scan report a check reads (a `JsonReport` is one). */
export interface CheckInput {
  url: string | null;
  title: string;
  claims: Pick<JsonClaim, 'id' | 'text' | 'sources'>[];
  sources: Pick<JsonSource, 'id' | 'label' | 'title' | 'url'>[];
}

/**
 * Reads one cited URL: its status, and its HTML when there is a page. `mayRead` is the check's own (the reader's
 * consent), for a loader that follows redirects itself to ask of every hop.
 */
export type SourceLoader = (
  url: string,
  signal?: AbortSignal,
  mayRead?: (url: string) => boolean,
) => Promise<LinkStatus>;

export interface CheckProgress {
  /** Distinct addresses read (or found in the cache) so far, and how many there are to read. */
  done: number;
  total: number;
}
