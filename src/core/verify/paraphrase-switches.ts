/**
 * Which paraphrase matchers are on. Each was measured alone against none, on the cross-dataset figures of
 * `npm run eval:support` (docs/support-judge.md, "Paraphrase"), and only those that lowered neither cross-dataset
 * figure and raised one are on in the shipped judge. The others stay here, off, so that the same run can measure
 * them again on new data: CITELENS_PARAPHRASE_ON=units,… and CITELENS_PARAPHRASE_OFF=dates,… change them for
 * one run of the evaluation; nothing else does.
 *
 * On:
 * - `numbers`: compound and spelled-out numbers ("thirty-six", "one hundred", "a million", "half a million"), and
 *   number words not asked of the page as words once read as a figure ("two million" = "2,000,000");
 * - `dates`: day ordinals and numeric dates ("March 3rd", "3/15/2021", "the 3rd of March" → "3 March");
 * - `titles`: titles are not asked of the page ("Dr. Jane Smith" = "Jane Smith");
 * - `synonyms`: WordNet synonyms of a claim word's most frequent sense ("refused" / "declined"; synonyms.ts).
 * Off (measured, did not help):
 * - `units`: unit abbreviations and spellings on one form ("km" = "kilometres" = "kilometers", "mph", "%" = "percent");
 * - `currencies`: a currency sign adds its word ("$5" = "5 dollars");
 * - `surnames`: a page that names "Jane Smith" in full may call her "Smith" in the passage that backs the claim;
 * - `derivations`: word families Porter leaves apart, by rules on the stem's ending ("acquisition" / "acquired");
 * - `irregular`: irregular verbs ("sang" / "sung" / "sing").
 */
export const PARAPHRASE = {
  numbers: true,
  dates: true,
  titles: true,
  units: false,
  currencies: false,
  surnames: false,
  derivations: false,
  irregular: false,
  synonyms: true,
};
export type ParaphraseSwitch = keyof typeof PARAPHRASE;
