/**
 * What a host name resolves to, where the browser lets an extension ask (Firefox's `browser.dns`), so the fetch
 * policy refuses a source, or a redirect hop, whose name points into the reader's own network. Undefined where
 * it cannot (Chrome): there the policy sees only the name (see HAS_DNS_API in src/shared/browser-differences.ts).
 */
import browser from 'webextension-polyfill';
import { HAS_DNS_API } from '../shared/browser-differences';

export const resolveHost: ((hostname: string) => Promise<string[]>) | undefined = HAS_DNS_API
  ? async (hostname) => (await browser.dns.resolve(hostname)).addresses
  : undefined;
