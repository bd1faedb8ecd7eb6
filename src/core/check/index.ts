/** Checking a page's sources: what the background and the CLI share. */
export {
  CACHE_MAX_AGE_MS,
  type CachedSource,
  type CachedStatus,
  cacheKey,
  isCacheable,
  isFresh,
  MemorySourceCache,
  type SourceCache,
} from './cache';
export { type CheckOptions, checkReport, MAX_SOURCES_PER_CHECK } from './check-report';
export {
  type ExportedReport,
  STATUS_WORDS,
  toExport,
  toJson,
  toMarkdown,
  VERDICT_WORDS,
} from './export';
export {
  type CheckScope,
  sameScope,
  scopedReport,
  scopeOfClaims,
  scopeOfLink,
} from './scope';
export { statusDetail } from './status';
export {
  claimVerdict,
  type PageSummary,
  type ReadingOutcome,
  readingOutcome,
  sourceSupport,
  summarise,
  summaryLine,
  summarySentence,
  wasRead,
  wasUnreached,
} from './summary';
export { textFragmentUrl } from './text-fragment';
export type * from './types';
