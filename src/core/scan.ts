import { buildClaims, type PlacedMarker } from './claims/build-claims';
import { DocumentOrder } from './dom/document-order';
import { findingsInSteps } from './findings';
import { findLinkedClaims, type ScanPause, SITES_WANTED } from './links/linked-claims';
import { withLinkedClaims } from './links/merge';
import type { SiteOfUrl } from './links/site';
import type { MarkerCandidate } from './markers/candidates';
import { CandidateWalker } from './markers/find-candidates';
import { TargetIndex } from './markers/target-index';
import { HintWalk } from './page-hints';
import { declaredUrl, linkBase, pageLanguage, pageTitle, pageUrl } from './page-info';
import { bundledWorks } from './references/bundles';
import type { ReferenceEntry } from './references/entries';
import { isExplanatoryNote } from './references/note-kind';
import { parseEntry } from './references/parse-entry';
import { resolveMarkers } from './references/resolve';
import { sortByKey } from './sort';
import type { CitationMarker, Claim, PageReport, Source } from './types';
import { siteOf } from './url';

export interface ScanOptions {
  /**
   * The page's address, to make links absolute and to report. Undefined: the document's own URL when it is http(s),
   * else what the page declares (`<base>`, canonical, og:url). Null: none.
   */
  url?: string | null;
  /** Look for linked claims (sentences of the article that link to another site). Default true. */
  links?: boolean;
  /** Count links to the page's own site as linked sources. Default false. */
  countOwnSiteLinks?: boolean;
  /**
   * The registrable domain of a URL, for linked claims (src/core/links/site.ts): shells pass
   * `siteByPublicSuffix` (src/core/links/public-suffix.ts). Needed unless `links` is false, or (in slices)
   * `loadSiteOf` is given.
   */
  siteOf?: SiteOfUrl;
}

export interface SliceOptions extends ScanOptions {
  /** Longest stretch of work, in ms, before handing the thread back. */
  sliceMs?: number;
  /** How to hand the thread back between slices (a macrotask in the page; nothing in tests). */
  yieldToHost?: () => Promise<void>;
  /**
   * Loads the site function when no `siteOf` is given: called at most once per scan, and only when a link in the
   * prose may lead to another host (the content script loads the public suffix list then, not on every page).
   */
  loadSiteOf?: () => Promise<SiteOfUrl>;
}

function emptyReport(doc: Document, url: string | null): PageReport {
  return { url, title: pageTitle(doc), claims: [], sources: [], findings: [] };
}

/** Nodes visited per slice check: small enough that one check-in costs far less than a slice. */
const NODES_PER_CHECK = 400;
/** Markers, entries or claims handled between two check-ins. */
const ITEMS_PER_YIELD = 2048;

/**
 * The whole scan as a generator: it yields between chunks of work so a caller can spread it over slices.
 * Everything is read from the DOM; nothing is written to it. Marker claims first, then linked claims.
 */
function* scanSteps(
  doc: Document,
  options: ScanOptions,
): Generator<ScanPause, PageReport, SiteOfUrl | undefined> {
  const report = yield* markerScanSteps(doc, options);
  if (options.links === false || !doc.body) return report;
  // The whole document, not only `body`: a parser that meets a broken page (a <div> before <body>) can leave the
  // article outside the element `doc.body` names (linkedom does); browsers never put prose in `head`.
  const linked = yield* findLinkedClaims(
    doc.documentElement ?? doc.body,
    report.url,
    linkBase(doc, report.url),
    pageLanguage(doc),
    {
      countOwnSiteLinks: options.countOwnSiteLinks ?? false,
      declaredUrl: declaredUrl(doc),
      ...(options.siteOf ? { siteOf: options.siteOf } : {}),
    },
  );
  return withLinkedClaims(report, linked);
}

/** Citation markers, their reference lists and their sentences. */
function* markerScanSteps(doc: Document, options: ScanOptions): Generator<void, PageReport> {
  const url = pageUrl(doc, options.url);
  const root = doc.body;
  if (!root) return emptyReport(doc, url);
  // The cheap test first, in slices too: most pages without citations stop here.
  const hints = new HintWalk(root, { links: false });
  for (let maybe = hints.step(NODES_PER_CHECK * 4); maybe !== true; maybe = hints.step(NODES_PER_CHECK * 4)) {
    if (maybe === false) return emptyReport(doc, url);
    yield;
  }
  const targets = new TargetIndex(root);
  while (!targets.step(NODES_PER_CHECK)) yield;
  const walker = new CandidateWalker(root, targets);
  while (!walker.step(NODES_PER_CHECK)) yield;
  if (!walker.candidates.length) return emptyReport(doc, url);
  yield;

  const order = new DocumentOrder(root);
  while (!order.step(NODES_PER_CHECK * 4)) yield;
  const resolution = yield* resolveMarkers(root, walker.candidates, order, targets);
  yield;
  const base = linkBase(doc, url);
  const sources: Source[] = [];
  const sourceOf = new Map<ReferenceEntry, Source>();
  /** The further works of a note that cites several, each a source of its own. */
  const worksOf = new Map<ReferenceEntry, Source[]>();
  const unsafeLinks: { sourceId: string; href: string }[] = [];
  // A source is labelled as its first marker shows it ("a" for a Wikipedia note whose list numbers it 1).
  const citedAs = new Map<ReferenceEntry, string>();
  let n = 0;
  for (const { candidate, entries } of resolution.markers) {
    if (++n % ITEMS_PER_YIELD === 0) yield;
    entries.forEach((entry, k) => {
      if (entry && !citedAs.has(entry)) {
        citedAs.set(
          entry,
          candidate.keys.length === entries.length ? (candidate.keys[k] ?? candidate.label) : candidate.label,
        );
      }
    });
  }
  for (const entry of resolution.entries) {
    yield;
    const parsed = parseEntry(entry, base, targets);
    const source: Source = {
      id: `s${sources.length + 1}`,
      kind: isExplanatoryNote(entry, parsed.text, parsed.url) ? 'note' : 'reference',
      label: citedAs.get(entry) ?? entry.shownLabel ?? '',
      title: parsed.title,
      publisher: parsed.publisher,
      url: parsed.url,
      text: parsed.text,
      claimIds: [],
    };
    sources.push(source);
    sourceOf.set(entry, source);
    for (const href of parsed.unsafeLinks) unsafeLinks.push({ sourceId: source.id, href });
    const more: Source[] = [];
    for (const work of bundledWorks(entry, base, parsed.url)) {
      const part: Source = {
        id: `s${sources.length + 1}`,
        kind: 'reference',
        label: source.label,
        title: work.title,
        publisher: siteOf(work.url),
        url: work.url,
        text: parsed.text,
        claimIds: [],
        partOf: source.id,
      };
      sources.push(part);
      more.push(part);
    }
    if (more.length) worksOf.set(entry, more);
  }
  yield;

  const placed: PlacedMarker[] = [];
  const dangling: { label: string; marker: CitationMarker }[] = [];
  for (let i = 0; i < resolution.markers.length; i++) {
    if (i % ITEMS_PER_YIELD === ITEMS_PER_YIELD - 1) yield;
    const { candidate, entries } = resolution.markers[i] as (typeof resolution.markers)[number];
    const marker = publicMarker(candidate, i);
    const ids: string[] = [];
    entries.forEach((entry, k) => {
      const source = entry ? sourceOf.get(entry) : undefined;
      if (source) {
        ids.push(source.id);
        for (const work of (entry && worksOf.get(entry)) ?? []) ids.push(work.id);
        // A source whose list gives it no label takes the label its markers use.
        if (!source.label)
          source.label =
            candidate.keys.length === entries.length ? (candidate.keys[k] ?? '') : candidate.label;
      } else {
        dangling.push({ label: candidate.keys[k] ?? candidate.label, marker });
        if (candidate.shape === 'footnote-link' && candidate.target && !candidate.externalReference)
          marker.unresolved = true;
      }
    });
    placed.push({ marker, sourceIds: ids, anchor: candidate.span?.start.node ?? candidate.anchor });
  }
  for (const flag of resolution.flags) {
    placed.push({
      marker: publicMarker(flag, -1),
      sourceIds: [],
      anchor: flag.span?.start.node ?? flag.anchor,
      flag: flag.flag ?? 'mask',
    });
  }
  const byId = new Map(sources.map((s) => [s.id, s]));
  sources.forEach((s, i) => {
    if (s.partOf) s.label = byId.get(s.partOf)?.label ?? s.label;
    if (!s.label) s.label = String(i + 1);
  });
  yield;
  // The flags are placed with the markers so that their sentences are found the same way, in document order.
  yield* sortByKey(placed, (p) => order.of(p.anchor));
  yield;

  const excluded = new Set<Element>();
  n = 0;
  for (const c of walker.candidates) {
    if (++n % ITEMS_PER_YIELD === 0) yield;
    if (c.noteElement && c.noteElement !== c.element) excluded.add(c.noteElement);
  }
  for (const backlink of resolution.backlinks) excluded.add(backlink);
  const { claims, flagged } = yield* buildClaims(placed, excluded, pageLanguage(doc), order);
  yield;
  numberClaims(claims, sources);
  yield;

  const claimOfMarker = new Map<CitationMarker, Claim>();
  for (const claim of claims) for (const m of claim.markers) claimOfMarker.set(m, claim);
  yield;
  // A page whose link markers all point to notes it lacks has no reference list here (yet): one finding says so.
  const listAbsent =
    dangling.length > 0 &&
    resolution.markers.every(
      ({ candidate, entries }) =>
        candidate.shape !== 'footnote-link' || (!!candidate.declared && entries.every((e) => !e)),
    ) &&
    dangling.every((d) => d.marker.unresolved);
  const missing = dangling.map((d) => ({ label: d.label, claimId: claimOfMarker.get(d.marker)?.id ?? null }));
  const findings = yield* findingsInSteps({
    claims,
    sources,
    dangling: listAbsent ? [] : missing,
    notOnPage: listAbsent ? missing : [],
    unsafeLinks,
    citationNeeded: flagged.map((f) => f.text),
  });
  return { url, title: pageTitle(doc), claims, sources, findings };
}

function publicMarker(c: MarkerCandidate, index: number): CitationMarker {
  return {
    id: index >= 0 ? `m${index + 1}` : 'flag',
    label: c.label,
    keys: c.keys,
    shape: c.shape,
    target: c.target,
    span: c.span,
  };
}

function numberClaims(claims: Claim[], sources: Source[]): void {
  const byId = new Map(sources.map((s) => [s.id, s]));
  claims.forEach((claim, i) => {
    claim.id = `c${i + 1}`;
    for (const id of claim.sourceIds) byId.get(id)?.claimIds.push(claim.id);
  });
}

/** Scans a whole document at once. */
export function scanDocument(doc: Document, options: ScanOptions = {}): PageReport {
  needsSiteOf(options, false);
  const steps = scanSteps(doc, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Scans in slices of at most `sliceMs` of work, handing the thread back in between, so a huge page never stalls. */
export async function scanDocumentInSlices(doc: Document, options: SliceOptions = {}): Promise<PageReport> {
  needsSiteOf(options, !!options.loadSiteOf);
  const sliceMs = options.sliceMs ?? 30;
  const yieldToHost = options.yieldToHost ?? (() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
  const steps = scanSteps(doc, options);
  let sliceStart = performance.now();
  let answer: SiteOfUrl | undefined;
  for (;;) {
    const step = steps.next(answer);
    answer = undefined;
    if (step.done) return step.value;
    if (step.value === SITES_WANTED && options.loadSiteOf) {
      answer = await options.loadSiteOf();
      sliceStart = performance.now();
    } else if (performance.now() - sliceStart >= sliceMs) {
      await yieldToHost();
      sliceStart = performance.now();
    }
  }
}

/** A scan that looks for linked claims needs a way to name a URL's site: said at once, not on the first link. */
function needsSiteOf(options: ScanOptions, canLoad: boolean): void {
  if (options.links !== false && !options.siteOf && !canLoad)
    throw new Error('scan: linked claims need options.siteOf (siteByPublicSuffix) or links: false');
}
