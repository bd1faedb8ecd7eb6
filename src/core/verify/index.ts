/** The support judge's public face: what the background, the CLI and the tests import. */
export {
  gatherEvidence,
  type JudgedPassage,
  type JudgeModel,
  judgeEvidence,
  judgeSupport,
  type SupportJudgement,
  type SupportVerdict,
  sourceIndex,
  unavailable,
} from './judge';
export { extractNames, type Name } from './names';
export { extractQuantities, type Quantity, quantityMatches } from './numbers';
export { buildPassages, type Passage } from './passages';
export { indexSource, rankPassages, type SourceLike } from './rank';
export { splitSentences } from './sentences';
export {
  extractSourceText,
  fromPlainText,
  looksLikeHtml,
  type ParseHtml,
  readSourceText,
  type SourceText,
} from './source-text';
