/** Fetching cited pages under CiteLens's policy; plain web standards, so every shell shares it. */
export {
  classifyPage,
  classifyStatus,
  isOtherSite,
  mediaKind,
  parseRetryAfter,
  siteOf,
  sniffKind,
  visibleText,
} from './classify';
export { FETCH_DEFAULTS, type FetchSourceOptions, fetchSource } from './fetch-source';
export { checkUrl, privateAddressReason, privateHostReason } from './host-policy';
export { FetchQueue, QueueFullError, type QueueLimits } from './queue';
export { type FetchedPage, hasPage, type LinkStatus, type LinkStatusKind } from './types';
