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

const INNER_EXCLAMATION = /\([^()]*[!?]\s*\)\s*$/;
const LOWER_START = /^\s*\p{Ll}/u;

/** After these, the next piece is a continuation even if it starts with a capital. */
function endsInAbbreviation(piece: string, next: string): boolean {
  if (ABBREVIATION.test(piece)) return true;
  if (ORDINAL_DAY.test(piece) && MONTH.test(next)) return true;
  // "(triple !) casquette": an exclamation or question inside a sentence, the next word in lower case.
  if (INNER_EXCLAMATION.test(piece) && LOWER_START.test(next)) return true;
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

/** Text up to this long is segmented at once; longer text window by window. */
const SEGMENT_WINDOW = 4096;
/** Boundaries this close to a window's end are left to the next window, which sees what follows them. */
const SEGMENT_MARGIN = 512;

/**
 * The segmenter's sentences of `text`, found window by window in a long text. Some engines take time in proportion
 * to the whole text for each sentence (Node 20's V8: one paragraph of 10,000 sentences took 4 s, 2,500 took
 * 0.04 s); in windows the cost is linear. Each window restarts at a boundary the window before found well away
 * from its end, so the rules see the same text around every boundary as they would in the whole.
 */
function* segmentsOf(text: string, segmenter: Intl.Segmenter): Generator<{ index: number; segment: string }> {
  let from = 0;
  let size = SEGMENT_WINDOW;
  while (from < text.length) {
    const to = from + size;
    if (to + SEGMENT_MARGIN >= text.length) {
      for (const seg of segmenter.segment(text.slice(from)))
        yield { index: from + seg.index, segment: seg.segment };
      return;
    }
    let next = from;
    const pending: { index: number; segment: string }[] = [];
    for (const seg of segmenter.segment(text.slice(from, to))) {
      const end = seg.index + seg.segment.length;
      if (from + end > to - SEGMENT_MARGIN) break;
      pending.push({ index: from + seg.index, segment: seg.segment });
      next = from + end;
    }
    if (next === from) {
      // One sentence longer than the window: look further before trusting any boundary.
      size *= 2;
      continue;
    }
    yield* pending;
    from = next;
    size = SEGMENT_WINDOW;
  }
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
  const steps = sentenceBoundsInSteps(text, lang, breaks);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Sentences handled between two yields. */
const SENTENCES_PER_YIELD = 256;

/** `sentenceBounds` as a generator that yields now and then: a paragraph of 10,000 sentences is read in slices. */
export function* sentenceBoundsInSteps(
  text: string,
  lang: string,
  breaks: readonly number[] = [],
): Generator<void, SentenceBounds[]> {
  const raw: SentenceBounds[] = [];
  let n = 0;
  const segmenter = segmenterFor(lang);
  // Most blocks are short: their segments are read straight from the segmenter.
  const segments = text.length <= SEGMENT_WINDOW * 2 ? segmenter.segment(text) : segmentsOf(text, segmenter);
  for (const seg of segments) {
    if (++n % SENTENCES_PER_YIELD === 0) yield;
    const start = seg.index;
    const end = seg.index + seg.segment.length;
    const prev = raw[raw.length - 1];
    if (prev && endsInAbbreviationAt(text, prev, seg.segment)) prev.end = end;
    else raw.push({ start, end });
  }
  // A quoted passage of several sentences is one claim when the quote closes within the block.
  const merged: SentenceBounds[] = [];
  for (let i = 0; i < raw.length; i++) {
    if (i % SENTENCES_PER_YIELD === SENTENCES_PER_YIELD - 1) yield;
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
  return splitAtBreaks(merged, breaks);
}

/**
 * Whether the sentence `prev` ends in an abbreviation or an initial (so the next piece continues it) and not in a
 * line break. Only its last characters are read: a sentence grown by many abbreviations is not re-read whole each
 * time. The window holds more than the longest match (a boundary, an abbreviation, its full stop), so a match at
 * its start can only be one the whole text also has.
 */
function endsInAbbreviationAt(text: string, prev: SentenceBounds, next: string): boolean {
  let trimmed = prev.end;
  while (trimmed > prev.start && /\s/.test(text[trimmed - 1] ?? '')) trimmed--;
  // "\n\s*$": a line break among the trailing spaces ends the sentence whatever precedes it.
  if (text.slice(trimmed, prev.end).includes('\n')) return false;
  const window = text.slice(Math.max(prev.start, trimmed - ABBREVIATION_WINDOW), prev.end);
  return endsInAbbreviation(window, next);
}

/** Longer than any abbreviation with the character before it and its full stop ("etc. al." is 8). */
const ABBREVIATION_WINDOW = 32;

/** Splits sentences where a break falls inside them; breaks in ascending order (as the scanner finds them) are walked once. */
function splitAtBreaks(merged: readonly SentenceBounds[], breaks: readonly number[]): SentenceBounds[] {
  const ascending = breaks.every((at, i) => i === 0 || at >= (breaks[i - 1] as number));
  const out: SentenceBounds[] = [];
  if (!ascending) {
    // Never from the scanner, which finds breaks in text order; kept for any other caller.
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
  const sorted = breaks;
  let k = 0;
  for (const b of merged) {
    let start = b.start;
    // Sentences run in order, so breaks before this one were passed for good.
    while (k < sorted.length && (sorted[k] as number) <= b.start) k++;
    for (let m = k; m < sorted.length; m++) {
      const at = sorted[m] as number;
      if (at >= b.end) break;
      if (at > start) {
        out.push({ start, end: at });
        start = at;
      }
    }
    out.push({ start, end: b.end });
  }
  return out;
}
