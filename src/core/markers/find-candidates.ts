import { isBackReference } from '../dom/backlinks';
import { isElement, isText, nextInOrder, tagOf } from '../dom/node-kinds';
import { isSkippedSubtree } from '../dom/skip';
import type { MarkerCandidate } from './candidates';
import {
  citationNeededFlag,
  inlineNoteMarker,
  isCitationNeededElement,
  isEditorialAside,
  linkMarker,
  superscriptMarker,
} from './element-markers';
import { goesNowhere, holdsOwnLink, namedNoteMarker } from './named-notes';
import type { TargetIndex } from './target-index';
import { crossNodeMarker, eachTextMarker } from './text-markers';

/**
 * A `pre` that holds a document rather than code: RFCs and Internet-Drafts rendered as text, citing
 * `[<a href="#ref-X">X</a>]`. Code listings do not bracket same-page links.
 */
export function isProsePre(pre: Element): boolean {
  if (pre.querySelector('code')) return false;
  const links = Array.from(pre.querySelectorAll('a[href^="#"]')).slice(0, 200);
  return links.some(
    (a) =>
      /\[\s*$/.test(a.previousSibling?.textContent ?? '') && /^\s*\]/.test(a.nextSibling?.textContent ?? ''),
  );
}

/**
 * Walks the page once, in document order, and collects every marker candidate. No layout is read, and the walk
 * can stop after `budget` nodes and resume, so a huge page is scanned in slices.
 */
export class CandidateWalker {
  readonly candidates: MarkerCandidate[] = [];
  private next: Node | null;
  private readonly skipped = new Set<Element>();
  private sidenoteCount = 0;
  /** The plain-text document (`pre`) being walked, where only link markers count (its brackets are layout). */
  private prosePre: Element | null = null;
  /** The markers of a text node not yet all read when the last step's budget ran out. */
  private pending: Iterator<MarkerCandidate, void> | null = null;

  constructor(
    private readonly root: Element,
    private readonly targets: TargetIndex,
  ) {
    this.next = root.firstChild;
  }

  get done(): boolean {
    return this.next === null && this.pending === null;
  }

  /** Visits up to `budget` nodes or markers; returns true when the walk is complete. */
  step(budget: number): boolean {
    let visited = 0;
    if (this.pending) {
      visited = this.drain(this.pending, budget);
      if (visited >= budget) return false;
    }
    let node = this.next;
    for (; node && visited < budget; visited++) {
      let skipChildren = false;
      if (isElement(node)) {
        skipChildren = this.visitElement(node);
      } else if (isText(node) && node.data.length > 2) {
        if (!this.prosePre?.contains(node)) {
          // A node of many markers counts each against the budget, and resumes in the next step.
          visited += this.drain(eachTextMarker(node), budget - visited);
        } else if (node.data.includes('[')) {
          // In a plain-text document only a located reference spanning a link counts ("[HTTP, <a>section 7.2</a>]").
          const located = crossNodeMarker(node);
          if (located) this.candidates.push(located);
        }
      }
      node = nextInOrder(node, this.root, skipChildren);
      if (this.pending) break;
    }
    this.next = node;
    return node === null && this.pending === null;
  }

  /** Takes up to `budget` markers from `markers`; keeps the rest pending. Returns how many it took. */
  private drain(markers: Iterator<MarkerCandidate, void>, budget: number): number {
    let taken = 0;
    this.pending = null;
    for (;;) {
      if (taken >= budget) {
        this.pending = markers;
        return taken;
      }
      const next = markers.next();
      if (next.done) return taken;
      this.candidates.push(next.value);
      taken++;
    }
  }

  /** A marker that names or holds its note (named-notes.ts); true when one was found. */
  private pushNamed(el: Element): boolean {
    const marker = namedNoteMarker(el, this.targets);
    if (!marker) return false;
    this.candidates.push(marker);
    if (marker.noteElement && marker.noteElement !== el) this.skipped.add(marker.noteElement);
    return true;
  }

  /** Returns true when the element's children must not be visited. */
  private visitElement(el: Element): boolean {
    const tag = tagOf(el);
    if (tag === 'pre' && isProsePre(el)) {
      this.prosePre = el;
      return false;
    }
    if (this.skipped.has(el)) return true;
    // A button or a <details> that opens a note is a marker though its subtree is no prose.
    if ((tag === 'button' || tag === 'details') && this.pushNamed(el)) return true;
    if (isSkippedSubtree(el)) return true;
    if (tag === 'a') {
      if (isBackReference(el)) return true;
      const marker = el.hasAttribute('href') ? linkMarker(el, this.targets) : null;
      if (marker) {
        this.candidates.push(marker);
        // The marker's wrapper (sup) may hold nothing else; skip it whole only through the link itself.
        return true;
      }
      return goesNowhere(el) && this.pushNamed(el);
    }
    if (tag === 'sup' || tag === 'span') {
      if (isCitationNeededElement(el)) {
        this.candidates.push(citationNeededFlag(el));
        return true;
      }
      if (isEditorialAside(el)) {
        this.candidates.push({ ...citationNeededFlag(el), flag: 'mask' });
        return true;
      }
    }
    if ((tag === 'sup' || tag === 'span' || tag === 'abbr') && !holdsOwnLink(el)) {
      if (this.pushNamed(el)) return true;
    }
    if (tag === 'sup') {
      const marker = superscriptMarker(el);
      if (marker) {
        this.candidates.push(marker);
        return true;
      }
      return false;
    }
    if (tag === 'label' || tag === 'span') {
      const marker = inlineNoteMarker(el, () => ++this.sidenoteCount);
      if (marker) {
        this.candidates.push(marker);
        if (marker.noteElement && marker.noteElement !== el) this.skipped.add(marker.noteElement);
        return true;
      }
    }
    return false;
  }
}
