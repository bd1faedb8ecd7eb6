/**
 * Sentence boundaries with `Intl.Segmenter`, mended where its rules (UAX #29) break after an abbreviation
 * ("Dr. Smith", "e.g. this", "z. B.") or an initial ("J. R. R. Tolkien").
 */

const ABBREVIATION =
  /(?:^|[\s(“"'])(?:Mr|Mrs|Ms|Mx|Dr|Prof|Ven|Fr|Sr|Br|Sr|Jr|St|Mt|Ft|Gen|Gov|Sen|Rep|Rev|Capt|Col|Lt|Sgt|Maj|Adm|Hon|Pres|Inc|Ltd|Co|Corp|Bros|vs|al|approx|ca|cf|viz|No|Nos|no|vol|Vol|vols|pp|p|ed|eds|Ed|Fig|fig|Figs|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|e\.g|i\.e|a\.m|p\.m|Ph\.D|U\.S|U\.K|U\.N|E\.U|Nr|Abb|S|Bd|Hrsg|sog|vgl|bzw|ggf|z\.\s?B|d\.\s?h|u\.\s?a|o\.\s?ä|Dipl|Mio|Mrd|bzgl|inkl|zzgl|Art|Abs|Ziff|Kap|Tab|Anm|op|cit|ibid|Ibid|etc\.\s?al|M|Mme|Mlle|Sra|Sr|Sto|Sta|Dott|Sig|ca|resp)\.\s*$/;
const INITIAL = /(?:^|[\s(])[A-Z]\.\s*$/;
/** Words that open sentences far more often than they follow an initial ("matrix B. This is…", not "W. This"). */
const SENTENCE_OPENER =
  /^\s*["“(]?(?:The|This|That|These|Those|It|Its|In|On|At|A|An|He|She|They|We|I|There|However|But|And|As|For|If|When|While|Thus|Hence|Then|So|Such|Each|All|Some|Many|Most|One|No|Our|His|Her|Their|After|Before|Since|Also|Although|Because|Both|From|To|With|By|Here|What|Which|Who|Where|Why|How|Der|Die|Das|Es|Er|Sie|Le|La|Les|Il|El|Los)\b/;

/** A day written as an ordinal before its month ("am 17. April", "le 3. mai" is rare, German writes it so). */
const ORDINAL_DAY = /(?:^|\s)\d{1,2}\.\s*$/;
const MONTH =
  /^\s*(?:Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|Jan|Feb|Mär|Apr|Jun|Jul|Aug|Sep|Sept|Okt|Nov|Dez)\b/;

/** After these, the next piece is a continuation even if it starts with a capital. */
function endsInAbbreviation(piece: string, next: string): boolean {
  if (ABBREVIATION.test(piece)) return true;
  if (ORDINAL_DAY.test(piece) && MONTH.test(next)) return true;
  return INITIAL.test(piece) && !SENTENCE_OPENER.test(next);
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

/** Opening and closing quotes that can hold a quoted passage of several sentences. */
function quoteBalance(piece: string): number {
  if (piece.includes('„')) return count(piece, /„/g) - count(piece, /“/g);
  const curly = count(piece, /“/g) - count(piece, /”/g);
  if (curly !== 0) return curly;
  return count(piece, /"/g) % 2;
}

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

/** A quotation opened in `piece` and not after a comma: "X said: "…"", "proposed that "…"" — not dialogue ("…," he said, "…"). */
function opensQuotedPassage(piece: string): boolean {
  if (quoteBalance(piece) <= 0) return false;
  const open = Math.max(piece.lastIndexOf('“'), piece.lastIndexOf('„'), piece.lastIndexOf('"'));
  const lead = piece.slice(0, open).trim();
  // A quote that opens the sentence or follows a comma is dialogue, sentence by sentence.
  return open >= 0 && lead !== '' && !/,$/.test(lead);
}

const MAX_QUOTED_SENTENCES = 10;

/**
 * Sentences of `text` as [start, end) offsets covering it whole, trailing spaces with the sentence before.
 * `breaks` are offsets where a sentence must start whatever the rules say (after a marker that follows a full stop).
 */
export function sentenceBounds(text: string, lang: string, breaks: readonly number[] = []): SentenceBounds[] {
  const raw: SentenceBounds[] = [];
  for (const seg of segmenterFor(lang).segment(text)) {
    const start = seg.index;
    const end = seg.index + seg.segment.length;
    const prev = raw[raw.length - 1];
    const prevText = prev ? text.slice(prev.start, prev.end) : '';
    if (prev && endsInAbbreviation(prevText, seg.segment) && !/\n\s*$/.test(prevText)) prev.end = end;
    else raw.push({ start, end });
  }
  // A quoted passage of several sentences is one claim when the quote closes within the block.
  const merged: SentenceBounds[] = [];
  for (let i = 0; i < raw.length; i++) {
    const current = { ...(raw[i] as SentenceBounds) };
    let balance = quoteBalance(text.slice(current.start, current.end));
    if (opensQuotedPassage(text.slice(current.start, current.end))) {
      let j = i;
      while (balance > 0 && j + 1 < raw.length && j - i < MAX_QUOTED_SENTENCES) {
        const next = raw[j + 1] as SentenceBounds;
        if (/\n/.test(text.slice(current.end - 1, next.start + 1))) break;
        j++;
        current.end = next.end;
        balance = quoteBalance(text.slice(current.start, current.end));
      }
      if (balance <= 0) i = j;
      else current.end = (raw[i] as SentenceBounds).end;
    }
    merged.push(current);
  }
  if (!breaks.length) return merged;
  const out: SentenceBounds[] = [];
  for (const b of merged) {
    let start = b.start;
    for (const at of breaks) {
      if (at > start && at < b.end) {
        out.push({ start, end: at });
        start = at;
      }
    }
    out.push({ start, end: b.end });
  }
  return out;
}
