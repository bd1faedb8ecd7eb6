/**
 * "Open at this passage": the source's address with a text fragment (`#:~:text=start,end`), so a browser that
 * supports them opens the page scrolled to the evidence and marks it.
 */

/** Text fragment terms are percent-encoded, and `-`, `&` and `,` (the directive's own syntax) must be too. */
function encodeTerm(text: string): string {
  return encodeURIComponent(text).replace(/-/g, '%2D');
}

const WORDS_AT_EACH_END = 4;

/** Null for anything but an http(s) address, so a click can never run `javascript:` or open a `data:` page. */
export function textFragmentUrl(url: string | null, passage: string): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  parsed.hash = '';
  const words = passage.replace(/\s+/g, ' ').trim().split(' ').filter(Boolean);
  if (words.length === 0) return parsed.href;
  // A long passage is named by its first and last words: shorter, and robust to what lies between.
  const directive =
    words.length <= WORDS_AT_EACH_END * 2 + 2
      ? encodeTerm(words.join(' '))
      : `${encodeTerm(words.slice(0, WORDS_AT_EACH_END).join(' '))},${encodeTerm(words.slice(-WORDS_AT_EACH_END).join(' '))}`;
  return `${parsed.href}#:~:text=${directive}`;
}
