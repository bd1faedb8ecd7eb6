import { wordAlternatives } from './lexicon';
import { normaliseText } from './normalise';
import { PARAPHRASE } from './paraphrase-switches';
import { STOP_WORDS, TITLES } from './stop-words';
import { wordTokens } from './text';

/**
 * Names: runs of capitalised words ("Media Play News", "Thomas K. Arnold", "University of Texas"), joined by
 * the small particles names contain. A lexical judge cannot resolve "he" or "the company", but a name the
 * claim gives and the source never mentions is strong evidence that the source is about something else.
 */
export interface Name {
  /** As written in the claim. */
  text: string;
  /** Folded word tokens, what is looked for in the source. */
  tokens: string[];
}

const PARTICLES = new Set([
  'of',
  'de',
  'da',
  'di',
  'du',
  'del',
  'della',
  'van',
  'von',
  'der',
  'den',
  'la',
  'le',
  'y',
]);
// Words that open sentences far more often than they name anything; only checked in first position.
const OPENERS = new Set(
  `according however following despite since after before during although many several later early originally
currently today also there thus therefore meanwhile additionally furthermore moreover instead unlike like recently
previously eventually initially finally first second third last next new former its his her their one two three
four five six seven eight nine ten eleven twelve both each every all most some other another along through late`.split(
    /\s+/,
  ),
);
const CAPITALISED = /^[\p{Lu}\p{Lt}][\p{L}\p{M}\p{N}'’.&-]*$/u;
const ALL_CAPS_INITIALISM = /^(?:\p{Lu}\.){2,}$/u;

/** A first word that is most likely just a capitalised common word: a function word, an opener, or a participle or
 * adverb ("Staring at…", "Dubbed…", "Finally…"). */
function isOpener(lower: string): boolean {
  return STOP_WORDS.has(lower) || OPENERS.has(lower) || /^\p{L}+(?:ing|ed|ly)$/u.test(lower);
}

/** The names in a sentence. A capitalised first word counts only when it is not a common function word. */
export function extractNames(sentence: string): Name[] {
  const names: Name[] = [];
  let run: string[] = [];
  const flush = () => {
    while (run.length > 0 && PARTICLES.has((run[run.length - 1] ?? '').toLowerCase())) run.pop();
    if (run.length > 0) {
      const text = run.join(' ');
      const tokens = wordTokens(text);
      if (tokens.length > 0) names.push({ text, tokens });
    }
    run = [];
  };
  const words = normaliseText(sentence)
    .split(/\s+/)
    .filter((w) => w.length > 0);
  words.forEach((raw, i) => {
    // Quotes and brackets around a word do not end a name; a comma, colon or full stop after it does.
    const word = raw.replace(/^[("'“‘[]+/, '').replace(/[)"'”’\],;:!?]+$/, '');
    const endsClause =
      /[,;:!?)"”\]]$/.test(raw) ||
      (/\.$/.test(raw) && !ALL_CAPS_INITIALISM.test(word) && !/^\p{Lu}\.$/u.test(word));
    const bare = word.replace(/\.$/, '');
    const lower = bare.toLowerCase();
    const capitalised = CAPITALISED.test(bare) && !(i === 0 && isOpener(lower));
    if (capitalised) run.push(bare);
    else if (run.length > 0 && PARTICLES.has(lower)) run.push(bare);
    else flush();
    if (endsClause) flush();
  });
  flush();
  return names;
}

/** Whether a folded token is one of the small words names contain ("of", "van", "de"). */
export function isParticle(token: string): boolean {
  return PARTICLES.has(token);
}

/** A folded token string with spaces at both ends, so that a name is found only as whole words. */
export function tokenString(text: string): string {
  return ` ${wordTokens(text).join(' ')} `;
}

/** Whether the name's words occur together, in order, in a text given as {@link tokenString}. */
export function nameFound(name: Name, haystack: string): boolean {
  return haystack.includes(` ${name.tokens.join(' ')} `);
}

/**
 * The words that make a name: not its particles, nor initials ("T" in "Mark T. Vande Hei") or a possessive "s"
 * when it has other words ("U.S." keeps its letters).
 */
export function ownTokens(name: Name): string[] {
  const own = name.tokens.filter((t) => !PARTICLES.has(t) && !(PARAPHRASE.titles && TITLES.has(t)));
  const words = own.filter((t) => t.length > 1 && !STOP_WORDS.has(t));
  return words.length > 0 ? words : own;
}

/** Share of the name's own words (particles aside) present anywhere in a set of words. */
export function nameTokenShare(
  name: Name,
  words: ReadonlySet<string>,
  alternatives: ReadonlyMap<string, readonly string[]> = new Map(),
): number {
  const own = ownTokens(name);
  if (own.length === 0) return 1;
  const found = (t: string) =>
    words.has(t) || (alternatives.get(t) ?? wordAlternatives(t)).some((a) => words.has(a));
  return own.filter(found).length / own.length;
}
