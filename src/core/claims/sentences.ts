/**
 * Sentence boundaries with `Intl.Segmenter`, mended where its rules (UAX #29) break after an abbreviation
 * ("Dr. Smith", "e.g. this", "z. B.") or an initial ("J. R. R. Tolkien").
 */

const ABBREVIATION =
  /(?:^|[\s(“"'])(?:Mr|Mrs|Ms|Mx|Dr|Prof|Ven|Fr|Sr|Br|Sr|Jr|St|Mt|Ft|Gen|Gov|Sen|Rep|Rev|Capt|Col|Lt|Sgt|Maj|Adm|Hon|Pres|Inc|Ltd|Co|Corp|Bros|vs|al|approx|ca|cf|viz|No|Nos|no|vol|Vol|vols|pp|p|ed|eds|Ed|Fig|fig|Figs|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|e\.g|i\.e|a\.m|p\.m|Ph\.D|Nr|Abb|S|Bd|Hrsg|sog|vgl|bzw|ggf|z\.\s?B|d\.\s?h|u\.\s?a|o\.\s?ä|Dipl|Mio|Mrd|bzgl|inkl|zzgl|Art|Abs|Ziff|Kap|Tab|Anm|op|cit|ibid|Ibid|etc\.\s?al|M|Mme|Mlle|Sra|Sr|Sto|Sta|Dott|Sig|ca|resp)\.\s*$/;
const INITIAL = /(?:^|[\s(])[A-Z]\.\s*$/;
/** After these, the next piece is a continuation even if it starts with a capital. */
function endsInAbbreviation(piece: string): boolean {
  return ABBREVIATION.test(piece) || INITIAL.test(piece);
}

export interface SentenceBounds {
  start: number;
  end: number;
}

const segmenters = new Map<string, Intl.Segmenter>();

function segmenterFor(lang: string): Intl.Segmenter {
  let s = segmenters.get(lang);
  if (!s) {
    try {
      s = new Intl.Segmenter(lang, { granularity: 'sentence' });
    } catch {
      s = new Intl.Segmenter('en', { granularity: 'sentence' });
    }
    segmenters.set(lang, s);
  }
  return s;
}

/** Sentences of `text` as [start, end) offsets covering it whole, trailing spaces with the sentence before. */
export function sentenceBounds(text: string, lang: string): SentenceBounds[] {
  const out: SentenceBounds[] = [];
  for (const seg of segmenterFor(lang).segment(text)) {
    const start = seg.index;
    const end = seg.index + seg.segment.length;
    const prev = out[out.length - 1];
    if (
      prev &&
      endsInAbbreviation(text.slice(prev.start, prev.end)) &&
      !/\n\s*$/.test(text.slice(prev.start, prev.end))
    ) {
      prev.end = end;
    } else {
      out.push({ start, end });
    }
  }
  return out;
}
