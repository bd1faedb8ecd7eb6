import { rootOf } from './derivation';
import { lexiconAlternatives, wordAlternatives } from './lexicon';
import { extractNames, type Name } from './names';
import { hasNegation } from './negation';
import { extractQuantities, type Quantity, quantityKey } from './numbers';
import { PARAPHRASE } from './paraphrase-switches';
import { synonymStems } from './synonyms';
import { contentTerms, type Term, wordTokens } from './text';

/** What the judge knows of one piece of text: computed once per sentence, then combined into passages. */
export interface AnalysedText {
  /** Folded word tokens, stop words kept. */
  tokens: string[];
  /** Content-word stems in order, repeats kept. */
  stemSequence: string[];
  stems: Set<string>;
  /** Leading letters of the longer stems, for word families Porter leaves apart ("democraci" / "democrat"). */
  prefixes: Set<string>;
  /** The stems' roots, for word families Porter leaves apart ("acquisit" / "acquir"): see derivation.ts. */
  roots: Set<string>;
  quantities: Quantity[];
}

export function analyseText(text: string): AnalysedText {
  const stemSequence = contentTerms(text).map((t) => t.stem);
  return {
    tokens: wordTokens(text),
    stemSequence,
    ...stemSets(stemSequence),
    quantities: extractQuantities(text),
  };
}

/** Six letters: on WiCE, 4 to 7 scored alike (AUC 0.826–0.833); six is the least likely to join unrelated words. */
export const PREFIX_LENGTH = 6;

export function stemPrefix(stem: string): string | null {
  return stem.length >= PREFIX_LENGTH ? stem.slice(0, PREFIX_LENGTH) : null;
}

function stemSets(sequence: readonly string[]): {
  stems: Set<string>;
  prefixes: Set<string>;
  roots: Set<string>;
} {
  const prefixes = new Set<string>();
  const roots = new Set<string>();
  for (const s of sequence) {
    const p = stemPrefix(s);
    if (p) prefixes.add(p);
    roots.add(rootOf(s));
  }
  return { stems: new Set(sequence), prefixes, roots };
}

/** Several sentences read as one passage. */
export function combine(parts: readonly AnalysedText[]): AnalysedText {
  if (parts.length === 1 && parts[0]) return parts[0];
  const tokens: string[] = [];
  const stemSequence: string[] = [];
  const quantities: Quantity[] = [];
  for (const p of parts) {
    // Item by item: a spread of a long passage's tokens into push() overflows the stack.
    for (const t of p.tokens) tokens.push(t);
    for (const s of p.stemSequence) stemSequence.push(s);
    for (const q of p.quantities) quantities.push(q);
  }
  return { tokens, stemSequence, ...stemSets(stemSequence), quantities };
}

/** The words a passage index holds for a text: content stems, and quantities as `#value` keys. */
export function indexTerms(a: AnalysedText): string[] {
  return [...a.stemSequence, ...a.quantities.map((q) => `#${quantityKey(q)}`)];
}

export interface ClaimAnalysis extends AnalysedText {
  text: string;
  /** Distinct content terms, each with the word as the claim first wrote it. */
  terms: Term[];
  names: Name[];
  negated: boolean;
  /** Other stems that stand for a claim stem: lexicon entries ("libya" / "libyan"), and near spellings a source uses. */
  alternatives: Map<string, string[]>;
  /** The part of {@link alternatives} that is WordNet synonyms: the missing words do not count them (missing.ts). */
  synonyms: Map<string, ReadonlySet<string>>;
  /** Other folded words that stand for a word of one of its names ("libyan" / "libya"). */
  wordAlternatives: Map<string, string[]>;
}

export function analyseClaim(text: string): ClaimAnalysis {
  const base = analyseText(text);
  const seen = new Set<string>();
  const terms: Term[] = [];
  for (const t of contentTerms(text)) {
    if (seen.has(t.stem)) continue;
    seen.add(t.stem);
    terms.push(t);
  }
  const alternatives = new Map<string, string[]>();
  const synonyms = new Map<string, ReadonlySet<string>>();
  for (const s of base.stems) {
    const synonymsOf = PARAPHRASE.synonyms ? synonymStems(s) : [];
    const alts = [...lexiconAlternatives(s), ...synonymsOf];
    if (alts.length > 0) alternatives.set(s, alts);
    if (synonymsOf.length > 0) synonyms.set(s, new Set(synonymsOf));
  }
  const names = extractNames(text);
  const wordAlts = new Map<string, string[]>();
  for (const t of new Set(names.flatMap((n) => n.tokens))) {
    const alts = wordAlternatives(t);
    if (alts.length > 0) wordAlts.set(t, alts);
  }
  return {
    ...base,
    text,
    terms,
    names,
    negated: hasNegation(base.tokens),
    alternatives,
    synonyms,
    wordAlternatives: wordAlts,
  };
}
