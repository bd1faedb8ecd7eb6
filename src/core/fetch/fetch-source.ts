import {
  classifyPage,
  classifyStatus,
  DEFAULT_PAGE_LIMITS,
  isOtherSite,
  isRedirectLoopError,
  mediaKind,
  type PageLimits,
  parseRetryAfter,
  sniffKind,
} from './classify';
import { decodeHtml } from './encoding';
import { checkUrl, mayBePrivate, privateAddressReason } from './host-policy';
import { FetchQueue } from './queue';
import { readCapped } from './read-body';
import {
  BUSY_MESSAGE,
  hostNotAllowed,
  type LinkStatus,
  REDIRECT_HIDDEN,
  REDIRECT_NOT_ALLOWED,
} from './types';

export interface FetchSourceOptions {
  /** The platform's fetch: a service worker's, a background page's or Node's (the default: `globalThis.fetch`). */
  fetch?: typeof fetch;
  /** For one attempt, body included. */
  timeoutMs?: number;
  maxBytes?: number;
  /** Further attempts after a 429 or 503. */
  retries?: number;
  /** First wait when the server gives no Retry-After; doubled on each retry. */
  backoffMs?: number;
  /** A Retry-After longer than this is not waited for: the link is reported as rate-limited instead. */
  maxRetryAfterMs?: number;
  /** Tests only: fetch from loopback and private addresses (every host, or the names a function accepts). */
  allowPrivateHosts?: boolean | ((hostname: string) => boolean);
  /** Where it can (Node), resolve the name first and refuse names that point into a private network. */
  resolveHost?: (hostname: string) => Promise<string[]>;
  /**
   * `manual`: every redirect is followed by CiteLens itself, each hop checked (host policy, `mayRead`,
   * `resolveHost`) before it is asked, at most `maxHops` of them. Needs a `fetch` that shows a redirect's
   * Location: Node's does; a browser's gives an extension an "opaqueredirect" instead, so the extension passes
   * one that restores it (src/background/redirect-aware-fetch.ts). An opaque redirect is refused, never followed.
   * `follow` (the default) checks only the first and the last address.
   */
  redirects?: 'follow' | 'manual';
  /** Redirects followed before the link counts as a loop (manual mode). */
  maxHops?: number;
  /** Whether the reader allows reading this address; asked for each hop in manual mode, and for the last. */
  mayRead?: (url: string) => boolean | Promise<boolean>;
  /** Shared between calls to bound concurrency per host and overall; a private one by default. */
  queue?: FetchQueue;
  sleep?: (ms: number) => Promise<void>;
  signal?: AbortSignal;
  pageLimits?: PageLimits;
}

export const FETCH_DEFAULTS = {
  timeoutMs: 15_000,
  maxBytes: 5 * 1024 * 1024,
  retries: 2,
  backoffMs: 1_000,
  maxRetryAfterMs: 10_000,
  maxHops: 10,
} as const;

const ACCEPT = 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1';

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

type Attempt = { done: LinkStatus } | { retryAfterMs: number | null; httpStatus: number };

/**
 * Fetches a cited page under CiteLens's policy (only http(s), no cookies, no private hosts, a timeout, a size
 * cap, polite retries) and says what became of it, with the HTML when there is a page to read.
 */
export async function fetchSource(url: string, options: FetchSourceOptions = {}): Promise<LinkStatus> {
  const verdict = checkUrl(url, options);
  if (!verdict.ok) return { kind: 'refused', url, reason: verdict.reason };
  const host = verdict.url.hostname;
  const refusal = await hostRefusal(verdict.url, url, options);
  if (refusal) return refusal;
  const queue = options.queue ?? new FetchQueue();
  return queue.run(host, () => withRetries(verdict.url.href, url, options));
}

/** Why a hop's address may not be asked for (the reader's consent, then what its name resolves to), or null. */
async function hostRefusal(
  target: URL,
  url: string,
  options: FetchSourceOptions,
): Promise<LinkStatus | null> {
  if (options.mayRead && !(await options.mayRead(target.href)))
    return { kind: 'refused', url, reason: hostNotAllowed(target.hostname) };
  const host = target.hostname;
  if (!options.resolveHost || mayBePrivate(host, options)) return null;
  let addresses: string[];
  try {
    addresses = await options.resolveHost(host.replace(/^\[|\]$/g, ''));
  } catch (error) {
    return { kind: 'error', url, message: `cannot resolve ${host}: ${errorMessage(error)}` };
  }
  if (addresses.length === 0) return { kind: 'error', url, message: `${host} has no address` };
  const reason = addresses.map(privateAddressReason).find((r) => r !== null);
  return reason ? { kind: 'refused', url, reason: `${host} resolves to ${reason}` } : null;
}

/**
 * Manual redirects: asks each hop with `redirect: "manual"` and checks the next address before asking it. The
 * response that is not a redirect is returned with the address it came from; a refused hop is the link's status.
 */
async function followHops(
  href: string,
  url: string,
  doFetch: typeof fetch,
  signal: AbortSignal,
  options: FetchSourceOptions,
): Promise<{ response: Response; at: string } | { done: LinkStatus }> {
  const maxHops = options.maxHops ?? FETCH_DEFAULTS.maxHops;
  let at = href;
  for (let hop = 0; ; hop++) {
    const response = await doFetch(at, {
      credentials: 'omit',
      redirect: 'manual',
      signal,
      headers: { accept: ACCEPT },
    });
    const location =
      response.status >= 300 && response.status < 400 ? response.headers.get('location') : null;
    if (response.type !== 'opaqueredirect' && location === null) return { response, at };
    await response.body?.cancel().catch(() => {});
    if (response.type === 'opaqueredirect')
      return {
        done: {
          kind: 'refused',
          url,
          reason: REDIRECT_HIDDEN,
        },
      };
    if (hop >= maxHops) return { done: { kind: 'redirect-loop', url } };
    let next: string;
    try {
      next = new URL(location as string, at).href;
    } catch {
      return { done: { kind: 'error', url, message: 'redirected to an invalid address' } };
    }
    const verdict = checkUrl(next, options);
    if (!verdict.ok) return { done: { kind: 'refused', url, reason: `redirected to ${verdict.reason}` } };
    const refusal = await hostRefusal(verdict.url, url, options);
    if (refusal)
      return {
        done: refusal.kind === 'refused' ? { ...refusal, reason: `redirected: ${refusal.reason}` } : refusal,
      };
    at = verdict.url.href;
  }
}

async function withRetries(href: string, url: string, options: FetchSourceOptions): Promise<LinkStatus> {
  const retries = options.retries ?? FETCH_DEFAULTS.retries;
  const backoff = options.backoffMs ?? FETCH_DEFAULTS.backoffMs;
  const cap = options.maxRetryAfterMs ?? FETCH_DEFAULTS.maxRetryAfterMs;
  const sleep = options.sleep ?? defaultSleep;
  for (let attempt = 0; ; attempt++) {
    const result = await attemptOnce(href, url, options);
    if ('done' in result) return result.done;
    const wait = result.retryAfterMs ?? backoff * 2 ** attempt;
    if (attempt >= retries || wait > cap) {
      const hint =
        result.retryAfterMs !== null
          ? ` (asked to retry after ${Math.round(result.retryAfterMs / 1000)} s)`
          : '';
      return {
        kind: 'error',
        url,
        httpStatus: result.httpStatus,
        message: `${BUSY_MESSAGE}${hint}`,
      };
    }
    await sleep(wait);
    if (options.signal?.aborted) return { kind: 'error', url, message: 'aborted' };
  }
}

async function attemptOnce(href: string, url: string, options: FetchSourceOptions): Promise<Attempt> {
  // A task the queue starts after its check was cancelled asks nothing.
  if (options.signal?.aborted) return { done: { kind: 'error', url, message: 'aborted' } };
  const timeoutMs = options.timeoutMs ?? FETCH_DEFAULTS.timeoutMs;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onAbort = () => controller.abort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  const doFetch = options.fetch ?? globalThis.fetch;
  try {
    if (options.redirects === 'manual') {
      const hops = await followHops(href, url, doFetch, controller.signal, options);
      if ('done' in hops) return hops;
      return await readResponse(hops.response, url, options, hops.at);
    }
    const response = await doFetch(href, {
      credentials: 'omit',
      redirect: 'follow',
      signal: controller.signal,
      headers: { accept: ACCEPT },
    });
    if (options.mayRead && response.url && !(await options.mayRead(response.url))) {
      await response.body?.cancel().catch(() => {});
      return { done: { kind: 'refused', url, reason: REDIRECT_NOT_ALLOWED } };
    }
    return await readResponse(response, url, options);
  } catch (error) {
    if (timedOut) return { done: { kind: 'timeout', url, afterMs: timeoutMs } };
    if (options.signal?.aborted) return { done: { kind: 'error', url, message: 'aborted' } };
    if (isRedirectLoopError(error)) return { done: { kind: 'redirect-loop', url } };
    if (await startsWithRedirect(href, doFetch, controller.signal))
      return { done: { kind: 'redirect-loop', url } };
    return { done: { kind: 'error', url, message: errorMessage(error) } };
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
  }
}

/**
 * Browsers say only "Failed to fetch" when a chain of redirects never ends (20 hops), where Node names the
 * cause. So after such a failure the first hop is asked alone: when it is a redirect, the chain of redirects is
 * what failed, a loop or too many hops (or, rarely, a hop to a host that does not answer).
 */
async function startsWithRedirect(
  href: string,
  doFetch: typeof fetch,
  signal: AbortSignal,
): Promise<boolean> {
  if (signal.aborted) return false;
  try {
    const response = await doFetch(href, { credentials: 'omit', redirect: 'manual', signal });
    await response.body?.cancel().catch(() => {});
    return response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400);
  } catch {
    return false;
  }
}

async function readResponse(
  response: Response,
  url: string,
  options: FetchSourceOptions,
  at?: string,
): Promise<Attempt> {
  const finalUrl = at ?? (response.url || url);
  const discard = async () => {
    await response.body?.cancel().catch(() => {});
  };
  // With redirect "follow" the hops are not visible; at least the page read must not come from inside.
  const finalVerdict = checkUrl(finalUrl, options);
  if (!finalVerdict.ok) {
    await discard();
    return { done: { kind: 'refused', url, reason: `redirected to ${finalVerdict.reason}` } };
  }
  const status = classifyStatus(response.status);
  if (status.kind !== 'read') await discard();
  switch (status.kind) {
    case 'dead':
      return { done: { kind: 'dead', url, reason: status.reason, httpStatus: response.status } };
    case 'blocked':
      return { done: { kind: 'blocked', url, reason: status.reason, httpStatus: response.status } };
    case 'retry':
      return {
        retryAfterMs: parseRetryAfter(response.headers.get('retry-after')),
        httpStatus: response.status,
      };
    case 'error':
      return {
        done: { kind: 'error', url, httpStatus: response.status, message: `HTTP ${response.status}` },
      };
  }
  const contentType = response.headers.get('content-type');
  const declared = mediaKind(contentType);
  if (
    declared !== null &&
    declared !== 'html' &&
    declared !== 'text/plain' &&
    declared !== 'application/octet-stream'
  ) {
    await discard();
    return { done: { kind: 'not-html', url, format: declared } };
  }
  const maxBytes = options.maxBytes ?? FETCH_DEFAULTS.maxBytes;
  const body = await readCapped(response, maxBytes);
  if (body.kind === 'too-large') return { done: { kind: 'too-large', url, limitBytes: maxBytes } };
  const head = new TextDecoder('latin1').decode(body.bytes.subarray(0, 2048));
  // Servers often send no type, or a generic one, for what is really a page or a PDF: the bytes decide.
  if (declared !== 'html') {
    const sniffed = sniffKind(head);
    if (sniffed !== 'html')
      return { done: { kind: 'not-html', url, format: sniffed === 'pdf' ? 'pdf' : (declared ?? sniffed) } };
  }
  const html = decodeHtml(body.bytes, contentType);
  const page = classifyPage(html, options.pageLimits ?? DEFAULT_PAGE_LIMITS);
  if (page.kind === 'soft-404')
    return { done: { kind: 'dead', url, reason: 'soft-404', httpStatus: response.status } };
  if (page.kind !== 'page')
    return { done: { kind: 'blocked', url, reason: page.kind, httpStatus: response.status } };
  const kind = isOtherSite(url, finalUrl) ? 'redirected' : 'ok';
  return { done: { kind, url, finalUrl, html } };
}

function errorMessage(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as Error & { cause?: unknown }).cause;
  // Node's fetch says only "fetch failed"; the reason (ECONNREFUSED, ENOTFOUND, …) is in the cause.
  return cause instanceof Error ? `${error.message}: ${cause.message}` : error.message;
}
