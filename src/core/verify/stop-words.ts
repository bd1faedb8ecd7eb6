/**
 * English function words. They carry no evidence: a source that shares only "the", "was" and "of" with a claim
 * says nothing about it. Negation words are kept out of this list's effect by the negation check, which reads
 * the raw tokens, not the content terms.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any are as at be because been before being below between
both but by can could did do does doing down during each few for from further had has have having he her here hers
herself him himself his how i if in into is it its itself just me more most my myself no nor not now of off on once
only or other our ours ourselves out over own same she should so some such than that the their theirs them
themselves then there these they this those through to too under until up very was we were what when where which
while who whom why will with would you your yours yourself yourselves s t d ll m re ve y o ain isn aren wasn weren
hasn haven hadn doesn don didn wouldn shan shouldn couldn mustn mightn needn may might must shall upon per via
among amongst within without whose whether however although though yet also etc`.split(/\s+/),
);

/**
 * Titles before a name ("Dr. Jane Smith", "Mr Smith"): a page that names Jane Smith need not write her title, so
 * with the `names` paraphrase switch on they are neither content words nor words a name must find.
 */
export const TITLES: ReadonlySet<string> = new Set([
  'dr',
  'mr',
  'mrs',
  'ms',
  'mx',
  'prof',
  'sir',
  'dame',
  'rev',
]);
