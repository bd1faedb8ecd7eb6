import type { DocumentOrder } from '../dom/document-order';
import { isText, nextInOrder, tagOf } from '../dom/node-kinds';
import type { MarkerCandidate } from '../markers/candidates';
import { namedIds } from '../markers/named-notes';
import type { TargetIndex } from '../markers/target-index';
import { sortByKey } from '../sort';
import { entryForTarget, type ReferenceEntry } from './entries';
import { findReferenceSections, looseNumberedEntries } from './sections';

/** A marker kept, with the entries its keys resolved to (null where a key resolved to nothing). */
export interface ResolvedMarker {
  candidate: MarkerCandidate;
  entries: (ReferenceEntry | null)[];
}

export interface Resolution {
  markers: ResolvedMarker[];
  /** Every entry in the order the page lists them, cited or not (only lists that something cites). */
  entries: ReferenceEntry[];
  /** Links found to lead back from a note to its marker: left out of the note's own sentences. */
  backlinks: Element[];
  /** Citation-needed flags (for findings) and editorial asides (to leave out of claims). */
  flags: MarkerCandidate[];
}

function isInside(entry: ReferenceEntry, node: Node): boolean {
  return entry.parts.some((e) => e === node || e.contains(node));
}

/** Whether `candidate` is the label an entry opens with ("[1] Publisher — …"), not a marker in its text. */
function isEntryLabel(entry: ReferenceEntry, candidate: MarkerCandidate): boolean {
  const first = entry.parts[0];
  const stop = candidate.span?.start.node ?? candidate.anchor;
  if (!first) return false;
  let before = '';
  for (let node: Node | null = first.firstChild; node && node !== stop; node = nextInOrder(node, first)) {
    if (node.contains(stop)) continue;
    if (isText(node)) before += node.data;
    if (before.trim()) return false;
  }
  const offset = candidate.span && candidate.span.start.node === stop ? candidate.span.start.offset : 0;
  return !(before + (isText(stop) ? stop.data.slice(0, offset) : '')).trim();
}

/**
 * A note's link back to its marker, whatever its markup says: it targets an earlier link whose own target holds it
 * (`<p id=fn1><a href="#fn1-marker">1</a>` answering `<a id=fn1-marker href="#fn1">`).
 */
function isBacklinkByTarget(c: MarkerCandidate, targets: TargetIndex, order: DocumentOrder): boolean {
  const target = c.targetElement;
  if (c.shape !== 'footnote-link' || !target) return false;
  // Marker and note often link each other alike (Substack, named anchors): the one that comes first is the marker.
  if (order.of(target) > order.of(c.anchor)) return false;
  // Only a marker-sized target (the link itself or its sup/span wrapper) can be a marker; a note's block is not.
  const tag = tagOf(target);
  const links =
    tag === 'a'
      ? [target]
      : tag === 'sup' || tag === 'span'
        ? Array.from(target.querySelectorAll('a[href*="#"]'))
        : [];
  const up = target.closest('a[href*="#"]');
  if (up) links.push(up);
  return links.some((link) => {
    const href = link.getAttribute('href') ?? '';
    // The marker may name its note without a link (Wikidot's `onclick="…('footnote-1')"`), and the note it back.
    const names = [href.slice(href.indexOf('#') + 1), ...namedIds(link)];
    return names.some((name) => {
      const back = name ? targets.find(name) : null;
      return !!back && back !== target && (back === c.anchor || back.contains(c.anchor));
    });
  });
}

class EntryRegistry {
  private readonly byElement = new Map<Node, ReferenceEntry>();
  readonly cited = new Set<ReferenceEntry>();

  /** One entry object per element, so a list found twice (by link and by heading) is one list. */
  intern(entry: ReferenceEntry): ReferenceEntry {
    const first = entry.parts[0];
    if (!first) return entry;
    const known = this.byElement.get(first);
    if (known) return known;
    this.byElement.set(first, entry);
    return entry;
  }

  all(): ReferenceEntry[] {
    return [...this.byElement.values()];
  }
}

/** Candidates handled between two yields. */
const CANDIDATES_PER_YIELD = 256;

/**
 * The entries whose parts hold a node, found from the node's ancestors: one lookup per level instead of one test
 * per entry, so thousands of markers against thousands of entries stay linear.
 */
class EntriesByPart {
  private readonly byPart = new Map<Node, ReferenceEntry[]>();

  constructor(entries: readonly ReferenceEntry[]) {
    for (const e of entries) {
      for (const part of e.parts) {
        const list = this.byPart.get(part);
        if (!list) this.byPart.set(part, [e]);
        else if (!list.includes(e)) list.push(e);
      }
    }
  }

  /** Whether some entry holding `node` (a part is the node or contains it) passes `test`. */
  someHolding(node: Node, test: (entry: ReferenceEntry) => boolean): boolean {
    if (!this.byPart.size) return false;
    for (let n: Node | null = node; n; n = n.parentNode) {
      const list = this.byPart.get(n);
      if (list?.some(test)) return true;
    }
    return false;
  }
}

/**
 * Decides which candidates are markers and which entries they cite: links by their target; plain numbers,
 * letters and names by a reference list's entry of that label, the nearest one after the marker. A generator that
 * yields now and then, so that a page of thousands of markers and entries is resolved in slices; every step is
 * linear in the markers and entries (entries are indexed by label and by the nodes they hold).
 */
export function* resolveMarkers(
  root: Element,
  candidates: MarkerCandidate[],
  order: DocumentOrder,
  targets: TargetIndex,
): Generator<void, Resolution> {
  const follows = (a: Node, b: Node) => order.of(a) > order.of(b);
  const registry = new EntryRegistry();
  const flags = candidates.filter((c) => c.flag);
  const real = candidates.filter((c) => !c.flag);
  const resolved: ResolvedMarker[] = [];
  const plain: MarkerCandidate[] = [];
  const backlinks: Element[] = [];

  let n = 0;
  for (const c of real) {
    if (++n % CANDIDATES_PER_YIELD === 0) yield;
    if (isBacklinkByTarget(c, targets, order)) {
      if (c.element) backlinks.push(c.element);
      continue;
    }
    if (c.shape === 'inline-note' && c.noteElement) {
      resolved.push({
        candidate: c,
        entries: [
          registry.intern({
            parts: [c.noteElement],
            shownLabel: c.label,
            list: null,
            ...(c.noteText ? { noteText: c.noteText } : {}),
          }),
        ],
      });
    } else if (c.externalReference) {
      resolved.push({
        candidate: c,
        entries: [registry.intern({ parts: [c.externalReference], shownLabel: c.label, list: null })],
      });
    } else if (c.shape === 'footnote-link') {
      resolved.push({
        candidate: c,
        entries: c.targetElement ? [registry.intern(entryForTarget(c.targetElement))] : [null],
      });
    } else {
      plain.push(c);
    }
  }

  // Plain markers need numbered entries: lists under a reference heading or in reference markup, else loose ones.
  const sections = plain.length || resolved.length ? yield* findReferenceSections(root) : [];
  yield;
  const sectionEntries = sections.flatMap((s) => s.entries).map((e) => registry.intern(e));
  let labelled = sectionEntries.filter((e) => e.shownLabel !== null);
  const shownLabels = new Set(labelled.map((e) => e.shownLabel ?? ''));
  if (plain.length && !plain.some((c) => c.keys.some((key) => shownLabels.has(key)))) {
    const first = plain[0];
    if (first) labelled = looseNumberedEntries(root, first.anchor).map((e) => registry.intern(e));
  }
  const byLabel = new Map<string, ReferenceEntry[]>();
  for (const e of labelled) {
    const key = (e.shownLabel ?? '').toLowerCase();
    const list = byLabel.get(key);
    if (list) list.push(e);
    else byLabel.set(key, [e]);
  }

  const holding = new EntriesByPart(labelled);
  yield;

  const kept: ResolvedMarker[] = [];
  const unbacked: MarkerCandidate[] = [];
  n = 0;
  for (const c of plain) {
    if (++n % CANDIDATES_PER_YIELD === 0) yield;
    const anchor = c.span?.start.node ?? c.anchor;
    const entries = c.keys.map((key) => {
      const options = (byLabel.get(key.toLowerCase()) ?? []).filter((e) => !isInside(e, anchor));
      const byList = options.find((e) => follows(e.parts[0] as Node, anchor)) ?? options[options.length - 1];
      if (byList) return byList;
      // A named reference ("[HTTP, section 7.2]") whose name is an anchor of the page: RFCs name them "ref-NAME".
      const named = c.labelKind === 'named' ? (targets.find(key) ?? targets.find(`ref-${key}`)) : null;
      return named ? registry.intern(entryForTarget(named)) : null;
    });
    // The label an entry opens with is the entry's own number, not a citation.
    if (
      entries.some((e) => e && isEntryLabel(e, c)) ||
      holding.someHolding(anchor, (e) => isEntryLabel(e, c))
    ) {
      continue;
    }
    if (entries.some((e) => e)) kept.push({ candidate: c, entries });
    else unbacked.push(c);
  }
  // Unbacked bracket numbers count only where the page's backed markers show that very style (then they dangle).
  const backedBrackets = kept.filter(
    (m) => m.candidate.shape === 'bracket-text' && m.candidate.labelKind === 'numbers',
  );
  if (backedBrackets.length >= 3) {
    let highest = Number.NEGATIVE_INFINITY;
    for (const m of backedBrackets)
      for (const key of m.candidate.keys) highest = Math.max(highest, Number(key));
    for (const c of unbacked) {
      if (
        c.shape === 'bracket-text' &&
        c.labelKind === 'numbers' &&
        c.keys.every((k) => Number(k) <= highest + 5)
      ) {
        kept.push({ candidate: c, entries: c.keys.map(() => null) });
      }
    }
  }

  // Markers inside a link-cited entry that merely label it (`<p><a name=Footnote_1>1</a> …`) were dropped as backlinks;
  // what remains is in document order once merged.
  yield;
  const walkIndex = new Map<MarkerCandidate, number>();
  for (let i = 0; i < candidates.length; i++) {
    if (i % CANDIDATES_PER_YIELD === CANDIDATES_PER_YIELD - 1) yield;
    walkIndex.set(candidates[i] as MarkerCandidate, i);
  }
  const markers = [...resolved, ...kept];
  yield* sortByKey(markers, (m) => walkIndex.get(m.candidate) ?? 0);
  for (const m of markers) for (const e of m.entries) if (e) registry.cited.add(e);
  yield;

  // Entries nothing cites are reported only from lists that something cites.
  const citedLists = new Set([...registry.cited].map((e) => e.list).filter((l): l is Element => !!l));
  const inSections = new Set(sectionEntries);
  const entries = registry
    .all()
    .filter((e) => registry.cited.has(e) || (e.list && citedLists.has(e.list) && inSections.has(e)))
    .sort((a, b) => order.compare(a.parts[0] as Node, b.parts[0] as Node));
  return { markers, entries, flags, backlinks };
}
