import { isBackReference } from '../dom/backlinks';
import { foldWhitespace, isElement } from '../dom/node-kinds';
import type { ReferenceEntry } from './entries';

/**
 * Issue 10, shape 7: an explanatory footnote ("That's not to say the model is wrong.") is a note, not a source. It is
 * told apart by what it lacks: a link, and every mark of a bibliographic reference (a year, a quoted or italic title,
 * a DOI/ISBN, pages, a publisher, "ibid.", an author written "Surname, Name"). A note with a link is a source.
 */

/** Marks of a citation in an entry's text. */
const BIBLIOGRAPHIC = [
  /\b(?:1[5-9]\d\d|20\d\d)[a-z]?\b/, // a year
  /\(n\.\s?d\.\)|\bn\.d\./i, // no date
  /[“"«„「『][^”"»“」』]{3,}[”"»“」』]/, // a quoted title
  /\b(?:doi|isbn|issn|pmid|pmc|arxiv|oclc|jstor)\b|\b10\.\d{4,9}\//i, // identifiers
  /\b(?:pp?\.|vol\.|no\.|ch\.|chap\.|ed\.|eds\.|trans\.|et al\.|ibid|op\.\s?cit|loc\.\s?cit|cf\.)(?=\s|$|\d)/i,
  /\b(?:press|verlag|publish(?:er|ing|ed)|university|journal|proceedings|review|magazine|gazette|times|news|report|interview|letter|correspondence|communication|archive|collection|papers|thesis|dissertation)\b/i,
  /^\p{Lu}[\p{L}'’-]+,\s+\p{Lu}/u, // "Surname, Name"
  /https?:\/\/|www\./i,
  /出版|年|書店|新聞|論文|학회|출판/,
];

/** Fewer words than this are a label, a name or a short-form reference, not a sentence of explanation. */
const MIN_NOTE_WORDS = 5;

/** Whether an entry without a link is an explanatory note rather than a reference to a work. */
export function isExplanatoryNote(entry: ReferenceEntry, text: string, url: string | null): boolean {
  if (url) return false;
  const folded = foldWhitespace(text);
  if (folded.split(' ').length < MIN_NOTE_WORDS) return false;
  if (BIBLIOGRAPHIC.some((mark) => mark.test(folded))) return false;
  // Names and titles are written in capitals ("Jean Baudrillard, Simulacra and Simulation"); sentences are not.
  const words = folded.split(' ').filter((w) => /\p{L}/u.test(w));
  const capitalised = words.filter((w) => /^[“"'(]?\p{Lu}/u.test(w)).length;
  if (words.length && capitalised / words.length >= 0.6) return false;
  // A title set in italics or a <cite> is a work's title; a word stressed in italics is not.
  for (const part of entry.parts) {
    if (!isElement(part)) continue;
    for (const el of Array.from(part.querySelectorAll('cite, i, em'))) {
      const words = foldWhitespace(el.textContent ?? '')
        .split(' ')
        .filter(Boolean).length;
      if (el.localName === 'cite' || words >= 2) return false;
    }
    // A short-form note that points at a full citation elsewhere on the page (not the note's link back to its marker).
    const pointers = Array.from(part.querySelectorAll('a[href^="#"]:not([href="#"])'));
    if (pointers.some((a) => !isBackReference(a) && !a.closest('[class*="backlink"], [class*="backref"]')))
      return false;
  }
  return true;
}
