/**
 * The data model every CiteLens context shares. Plain data over DOM standard types:
 * no extension APIs, so it runs in the content script, the background, Node and tests.
 */

/** A position inside a text node. */
export interface TextPoint {
  node: Text;
  offset: number;
}

/**
 * A piece of page text between two points. Kept as plain points rather than a `Range` so the core
 * works in DOM implementations without ranges (linkedom); the content script turns it into a `Range`.
 */
export interface TextSpan {
  start: TextPoint;
  end: TextPoint;
}

export type MarkerShape =
  | 'bracket-text' // [1], [2][3], [1–3], [1, 4], [a], [note 1] as plain text
  | 'superscript' // <sup>1</sup>, <sup>1,2</sup>
  | 'unicode-superscript' // ¹²³
  | 'footnote-link' // any <a> to a note: Wikipedia cite notes, markdown-it, Pandoc, GFM, kramdown, Substack, …
  | 'inline-note'; // a note that sits in the text itself: sidenotes, hidden footnote spans

export interface CitationMarker {
  id: string;
  /** The marker as the reader sees it, without brackets: "1", "1–3", "note 1", "a". */
  label: string;
  /** The reference keys it points to, ranges expanded: ["1","2","3"]; for links, the note's label or id. */
  keys: string[];
  shape: MarkerShape;
  /** The `#fragment` the marker links to, when it is a link. */
  target: string | null;
  /**
   * The marker's own text, so highlights and claim text can leave it out. Null for a marker that shows no text
   * of its own (a sidenote number drawn by a CSS counter).
   */
  span: TextSpan | null;
  /**
   * A link marker whose note is not on the page (yet): `fillLateReferences` (references/late.ts) resolves it when
   * the page gains it. Absent once resolved.
   */
  unresolved?: true;
}

export interface Claim {
  id: string;
  /** The sentence, whitespace folded, markers left out. */
  text: string;
  markers: CitationMarker[];
  /** Ids of the sources its markers resolve to, in marker order, no repeats. */
  sourceIds: string[];
  /** The sentence's text as spans, one per text node it crosses, markers included. */
  spans: TextSpan[];
  /** The links in the sentence that cite another page (linked claims), in order; absent or empty for marker claims. */
  links?: ClaimLink[];
}

/** A link in a claim's sentence that cites another page. */
export interface ClaimLink {
  sourceId: string;
  /** Absolute, as linked: a fragment kept. */
  href: string;
  /** The link's words, whitespace folded: often the best description of what is cited ("a 2019 survey by Pew"). */
  text: string;
}

/**
 * `reference`: an entry of a reference list that markers point to; `linked`: a page the prose links to; `note`: an
 * explanatory footnote (no link, nothing of a bibliographic reference): shown as a note, not counted as a source.
 */
export type SourceKind = 'reference' | 'linked' | 'note';

export interface Source {
  id: string;
  kind: SourceKind;
  /** The entry's label as shown ("1", "a", "Smith 2020"); for a linked source, its site (`nature.com`). */
  label: string;
  title: string;
  publisher: string | null;
  /** The entry's primary http(s) link, absolute; null when it has none. A linked source's link, without its fragment. */
  url: string | null;
  /** The entry's full text, whitespace folded; a linked source's link text where first linked. */
  text: string;
  claimIds: string[];
  /**
   * For one of several works a single note cites ("See A; B; C", a Wikipedia bundled citation): the id of the note's
   * own source (its first work). Each work is a source of the claims that cite the note.
   */
  partOf?: string;
}

export type FindingKind =
  | 'dangling-marker'
  // Markers that are unmistakably citations (`cite_note`, `doc-noteref`, footnote links) on a page whose reference
  // list is not there (loaded later, collapsed): claims without sources yet.
  | 'reference-not-on-page'
  | 'uncited-source'
  | 'source-concentration'
  | 'duplicate-source'
  | 'source-without-link'
  | 'unsafe-link'
  | 'citation-needed'
  // News pages (linked claims): how much of the article links out, one site carrying much of it, the outlet's own
  // pages counted as sources, a claim resting only on a social-media post.
  | 'linked-share'
  | 'site-concentration'
  | 'own-site-links'
  | 'social-post-only';

/**
 * What each kind of finding says, as data: the words are the reader's language's (the extension's `_locales`, or
 * the English of `findingMessage` for the command line and exports). Labels are as shown, without brackets.
 */
export interface FindingParams {
  /** Markers whose reference is missing. */
  'dangling-marker': { markers: string[] };
  /** Citation markers whose reference list is not on the page (it may load later). */
  'reference-not-on-page': { markers: string[] };
  /** References listed but never cited. */
  'uncited-source': { labels: string[] };
  /** One source carries `claims` of the page's `total` claims (`percent` rounded). */
  'source-concentration': { percent: number; claims: number; total: number; label: string; title: string };
  /** References that are the same link. */
  'duplicate-source': { labels: string[]; url: string };
  /** Cited references without a link. */
  'source-without-link': { labels: string[] };
  /** A reference whose link is not a web address (`scheme` without its colon). */
  'unsafe-link': { label: string; scheme: string };
  /** A sentence the page marks as needing a citation. */
  'citation-needed': { sentence: string };
  /** `linked` of the article's `sentences` sentences link to a source. */
  'linked-share': { linked: number; sentences: number; percent: number };
  /** One site carries `claims` of the `total` linked claims. */
  'site-concentration': { percent: number; claims: number; total: number; site: string };
  /** `claims` linked claims link to the outlet's own `site`. */
  'own-site-links': { claims: number; site: string };
  /** A claim whose only source is a post on `site`. */
  'social-post-only': { site: string; sentence: string };
}

/** A finding's kind and what it says, as one discriminated union. */
export type FindingDetail = { [K in FindingKind]: { kind: K; params: FindingParams[K] } }[FindingKind];

export type Finding = FindingDetail & {
  claimIds: string[];
  sourceIds: string[];
};

export interface PageReport {
  url: string | null;
  title: string;
  claims: Claim[];
  sources: Source[];
  findings: Finding[];
}

/** The serialisable form of a report: what `citelens scan --json` prints and what crosses message boundaries. */
export interface JsonClaim {
  id: string;
  text: string;
  markers: string[];
  sources: string[];
  /** Linked claims: each link's source, words and target. */
  links?: { source: string; text: string; href: string }[];
}
export interface JsonSource {
  id: string;
  /** Always written by `toJsonReport`; optional so reports written before it still read. */
  kind?: SourceKind;
  label: string;
  title: string;
  publisher: string | null;
  url: string | null;
  claims: string[];
  /** One of several works a note cites: the id of the note's own source. */
  partOf?: string;
}
/**
 * A finding as it crosses message boundaries: its English `message` (what `citelens scan --json` prints), and in
 * the extension its `params`, from which the reader's language words it.
 */
export type JsonFinding = {
  [K in FindingKind]: {
    kind: K;
    message: string;
    params?: FindingParams[K];
    claims: string[];
    sources: string[];
  };
}[FindingKind];
export interface JsonReport {
  url: string | null;
  title: string;
  claims: JsonClaim[];
  sources: JsonSource[];
  findings: JsonFinding[];
}
