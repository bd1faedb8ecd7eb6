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
import type { TargetIndex } from './target-index';
import { crossNodeMarker, textMarkers } from './text-markers';

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

  constructor(
    private readonly root: Element,
    private readonly targets: TargetIndex,
  ) {
    this.next = root.firstChild;
  }

  get done(): boolean {
    return this.next === null;
  }

  /** Visits up to `budget` nodes; returns true when the walk is complete. */
  step(budget: number): boolean {
    let node = this.next;
    for (let visited = 0; node && visited < budget; visited++) {
      let skipChildren = false;
      if (isElement(node)) {
        skipChildren = this.visitElement(node);
      } else if (isText(node) && node.data.length > 2) {
        if (!this.prosePre?.contains(node)) for (const c of textMarkers(node)) this.candidates.push(c);
        else if (node.data.includes('[')) {
          // In a plain-text document only a located reference spanning a link counts ("[HTTP, <a>section 7.2</a>]").
          const located = crossNodeMarker(node);
          if (located) this.candidates.push(located);
        }
      }
      node = nextInOrder(node, this.root, skipChildren);
    }
    this.next = node;
    return node === null;
  }

  /** Returns true when the element's children must not be visited. */
  private visitElement(el: Element): boolean {
    const tag = tagOf(el);
    if (tag === 'pre' && isProsePre(el)) {
      this.prosePre = el;
      return false;
    }
    if (this.skipped.has(el) || isSkippedSubtree(el)) return true;
    if (tag === 'a' && el.hasAttribute('href')) {
      if (isBackReference(el)) return true;
      const marker = linkMarker(el, this.targets);
      if (marker) {
        this.candidates.push(marker);
        // The marker's wrapper (sup) may hold nothing else; skip it whole only through the link itself.
        return true;
      }
      return false;
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
