import type { MarkerShape, TextSpan } from '../types';
import type { LabelKind } from './labels';

/**
 * A citation-marker candidate as the page walk finds it. Whether it is kept depends on what backs it:
 * a link target, a numbered reference entry, or an inline note.
 */
export interface MarkerCandidate {
  shape: MarkerShape;
  label: string;
  keys: string[];
  labelKind: LabelKind;
  /** The element that is the marker (link, sup, label, span), or null for a marker inside a text node. */
  element: Element | null;
  /** The fragment a link marker points to. */
  target: string | null;
  /** The element that fragment names, when the page has it. */
  targetElement: Element | null;
  /** For inline notes (sidenotes, hidden spans): the element holding the note's text. */
  noteElement: Element | null;
  /** A note written in an attribute of the marker (`title`, a tooltip's `data-*`), not in an element of its own. */
  noteText?: string;
  /** True when the markup itself says "footnote reference" (class, role, data attribute), so a missing target is a finding. */
  declared: boolean;
  /** The marker's text, brackets around it included. */
  span: TextSpan | null;
  /** For a citation of a bibliography on another page: the link, which stands for the reference. */
  externalReference?: Element;
  /** A node at the marker's place, for finding its block and ordering. */
  anchor: Node;
  /**
   * Not a marker but something placed like one: a flag the page raises itself ('citation-needed', which yields a
   * finding) or an editorial aside that belongs to a marker ('mask': Wikipedia's page locator ":p. 7", "[update]"),
   * left out of the claim's text.
   */
  flag?: 'citation-needed' | 'mask';
}
