import { stem } from './text';

/**
 * Words that stand for one another though they share no stem: countries and their adjectives ("Libyan" / "Libya",
 * "British" / "Britain"), where the six-letter stem prefix that joins "Australian" and "Australia" does not reach.
 * Each line is one group; any word in it stands for any other, both as a claim term and as a word of a name.
 *
 * A table of relation words ("born" / "birth", "founded" / "founder", "married" / "wife", "won" / "win") was tried
 * and dropped: on WiCE it changed nothing measurable (see docs/support-judge.md).
 */
const COUNTRIES = `america american
britain british
england english
scotland scottish
wales welsh
ireland irish
france french
netherlands dutch
belgium belgian
spain spanish
portugal portuguese
italy italian
switzerland swiss
sweden swedish
denmark danish
norway norwegian
finland finnish
poland polish
greece greek
turkey turkish
israel israeli
iraq iraqi
iran iranian
egypt egyptian
libya libyan
canada canadian
mexico mexican
cuba cuban
brazil brazilian
argentina argentine argentinian
chile chilean
peru peruvian
china chinese
japan japanese
korea korean
vietnam vietnamese
thailand thai
philippines filipino philippine
india indian
pakistan pakistani
nigeria nigerian
kenya kenyan
ethiopia ethiopian`;

interface Table {
  stems: Map<string, string[]>;
  words: Map<string, string[]>;
}
let table: Table | undefined;

function build(): Table {
  const stems = new Map<string, Set<string>>();
  const words = new Map<string, Set<string>>();
  const link = (map: Map<string, Set<string>>, group: string[]) => {
    for (const a of group) {
      const set = map.get(a) ?? new Set<string>();
      for (const b of group) if (b !== a) set.add(b);
      map.set(a, set);
    }
  };
  for (const line of COUNTRIES.split('\n')) {
    const group = line.split(/\s+/).filter(Boolean);
    link(words, group);
    link(stems, [...new Set(group.map((w) => stem(w)))]);
  }
  const freeze = (m: Map<string, Set<string>>) => new Map([...m].map(([k, v]) => [k, [...v]]));
  return { stems: freeze(stems), words: freeze(words) };
}

/** The stems the lexicon lets stand for a stem, none if it has no entry. */
export function lexiconAlternatives(s: string): string[] {
  table ??= build();
  return table.stems.get(s) ?? [];
}

/** The folded words the lexicon lets stand for a folded word ("libyan" → "libya"), for names. */
export function wordAlternatives(word: string): string[] {
  table ??= build();
  return table.words.get(word) ?? [];
}
