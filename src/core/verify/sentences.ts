/**
 * Sentence splitting with `Intl.Segmenter` (UAX #29, in every browser and Node), mended where the standard rules
 * break after a period that ends an abbreviation or an initial: "Dr. J. Doe of the U.S. Army" is one sentence.
 */
const ABBREVIATIONS = new Set(
  `mr mrs ms dr prof sr jr st mt ft inc ltd co corp bros gen gov sen rep rev hon lt col capt sgt cmdr adm vs etc
e.g i.e cf al approx dept est fig no nos vol vols ed eds pp jan feb mar apr jun jul aug sep sept oct nov dec
u.s u.k u.n e.u d.c`.split(/\s+/),
);

function endsWithAbbreviation(segment: string): boolean {
  const m = /(?:^|[\s("'“])([\p{L}.]+)\.\s*$/u.exec(segment);
  if (!m?.[1]) return false;
  const word = m[1];
  // A single capital is an initial ("J. Doe"), a dotted run an initialism ("U.S.").
  if (/^\p{Lu}$/u.test(word)) return true;
  return ABBREVIATIONS.has(word.toLowerCase());
}

let segmenter: Intl.Segmenter | undefined;

/** Splits one paragraph into sentences, whitespace folded, empty ones dropped. */
export function splitSentences(paragraph: string): string[] {
  segmenter ??= new Intl.Segmenter('en', { granularity: 'sentence' });
  const out: string[] = [];
  let pending = '';
  for (const { segment } of segmenter.segment(paragraph)) {
    const joined = pending + segment;
    const next = joined.replace(/\s+/g, ' ');
    // Keep gluing while the piece ends in an abbreviation; a sentence starting in lower case also continues one.
    if (endsWithAbbreviation(next)) {
      pending = joined;
      continue;
    }
    pending = '';
    const text = next.trim();
    if (!text) continue;
    const last = out.length - 1;
    if (last >= 0 && /^[\p{Ll}\d]/u.test(text) && !/[!?]["”’)]?$/.test(out[last] ?? ''))
      out[last] = `${out[last]} ${text}`;
    else out.push(text);
  }
  const rest = pending.replace(/\s+/g, ' ').trim();
  if (rest) out.push(rest);
  return out;
}
