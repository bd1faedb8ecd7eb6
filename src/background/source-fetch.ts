/**
 * The fetch the background reads sources with: the browser's, with each redirect's Location restored from the
 * extension's own network events (see redirect-aware-fetch.ts), so the core checks every hop.
 */
import browser from 'webextension-polyfill';
import { type HeadersReceivedEvent, redirectAwareFetch } from './redirect-aware-fetch';

export const sourceFetch: typeof fetch = redirectAwareFetch({
  // Absent only if the manifest lost `webRequest`: then every redirect stays opaque and is refused.
  events: browser.webRequest?.onHeadersReceived as unknown as HeadersReceivedEvent | undefined,
  ownOrigin: browser.runtime.getURL(''),
});
