/**
 * A `fetch` for the background that makes `redirect: "manual"` usable, so the core's fetch policy can check every
 * redirect hop itself (host policy, the reader's consent, what the name resolves to, the hop cap).
 *
 * Browsers answer an extension's manual redirect with an "opaqueredirect": status 0, no headers, no Location.
 * The browser's own network events still see the 3xx: `webRequest.onHeadersReceived` (observational, with
 * "responseHeaders"; no blocking, which Chrome MV3 grants only to policy-installed extensions) carries the
 * Location of each redirect the extension's own requests receive (not in a tab: tabId -1), on the sites it holds
 * host access to, which are the sites the reader allowed and so every hop the policy lets through.
 * Each such opaque response is turned back into a plain 3xx Response with that Location.
 *
 * The event and the fetch's answer race: the event usually comes first, but may come after the fetch resolved,
 * so an unmatched opaque redirect waits for it a short, bounded time, keyed by URL. A redirect whose Location
 * never shows stays opaque, and the core refuses the link: it is never followed blindly.
 */

/** The part of `webRequest.onHeadersReceived`'s details this reads. */
export interface HeadersReceivedDetails {
  url: string;
  statusCode: number;
  tabId: number;
  responseHeaders?: { name: string; value?: string }[];
  /** Chrome: the origin that started the request. */
  initiator?: string;
  /** Firefox: the address of what started the request. */
  originUrl?: string;
}

/** The part of `webRequest.onHeadersReceived` this uses (a fake one in unit tests). */
export interface HeadersReceivedEvent {
  addListener(
    listener: (details: HeadersReceivedDetails) => void,
    filter: { urls: string[]; tabId?: number },
    extraInfoSpec?: string[],
  ): void;
  removeListener(listener: (details: HeadersReceivedDetails) => void): void;
}

export interface RedirectAwareFetchOptions {
  /** `webRequest.onHeadersReceived`, or undefined where the browser has none (every redirect is then refused). */
  events: HeadersReceivedEvent | undefined;
  /** The extension's own origin (`runtime.getURL('')`): only requests it started count. */
  ownOrigin: string;
  fetch?: typeof fetch;
  /** How long an opaque redirect waits for its event when the fetch answered first. */
  waitMs?: number;
  /** How long a seen redirect waits for its fetch to answer before it is forgotten. */
  keepMs?: number;
  now?: () => number;
}

export const REDIRECT_WAIT_MS = 2_000;
const KEEP_MS = 30_000;
/** The statuses a browser follows as redirects, the only ones it turns into an opaqueredirect. */
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
/** Seen redirects kept at most: a bound however many requests the extension makes. */
const MAX_SEEN = 500;

interface Seen {
  status: number;
  location: string;
  at: number;
}

/** The URL as the network events give it: no fragment. */
function requestKey(url: string): string | null {
  try {
    const parsed = new URL(url);
    parsed.hash = '';
    return parsed.href;
  } catch {
    return null;
  }
}

function isOwnRequest(details: HeadersReceivedDetails, ownOrigin: string): boolean {
  if (details.tabId !== -1) return false;
  const origin = ownOrigin.replace(/\/$/, '');
  const from = details.initiator ?? details.originUrl;
  return from !== undefined && (from === origin || from.startsWith(`${origin}/`));
}

export function redirectAwareFetch(options: RedirectAwareFetchOptions): typeof fetch {
  const waitMs = options.waitMs ?? REDIRECT_WAIT_MS;
  const keepMs = options.keepMs ?? KEEP_MS;
  const now = options.now ?? Date.now;
  /** Redirects seen before their fetch answered, oldest first, by URL. */
  const seen = new Map<string, Seen[]>();
  /** Fetches that answered before their event came, by URL. */
  const waiting = new Map<string, ((hop: Seen) => void)[]>();
  let seenCount = 0;
  let listening = false;

  const forgetOld = () => {
    const cutoff = now() - keepMs;
    for (const [key, list] of seen) {
      const fresh = list.filter((s) => s.at >= cutoff);
      seenCount -= list.length - fresh.length;
      if (fresh.length) seen.set(key, fresh);
      else seen.delete(key);
    }
    // Still too many (a burst of redirects no fetch claimed): drop the oldest keys.
    for (const [key, list] of seen) {
      if (seenCount <= MAX_SEEN) break;
      seen.delete(key);
      seenCount -= list.length;
    }
  };

  const onHeaders = (details: HeadersReceivedDetails) => {
    if (!REDIRECT_STATUSES.has(details.statusCode)) return;
    if (!isOwnRequest(details, options.ownOrigin)) return;
    const location = details.responseHeaders?.find((h) => h.name.toLowerCase() === 'location')?.value;
    const key = requestKey(details.url);
    if (location === undefined || key === null) return;
    const hop: Seen = { status: details.statusCode, location, at: now() };
    const waiter = waiting.get(key)?.shift();
    if (waiter) {
      if (waiting.get(key)?.length === 0) waiting.delete(key);
      waiter(hop);
      return;
    }
    forgetOld();
    seen.set(key, [...(seen.get(key) ?? []), hop]);
    seenCount++;
  };

  const listen = () => {
    if (listening || !options.events) return;
    options.events.addListener(onHeaders, { urls: ['http://*/*', 'https://*/*'], tabId: -1 }, [
      'responseHeaders',
    ]);
    listening = true;
  };

  const claim = (key: string): Seen | undefined => {
    const list = seen.get(key);
    const hop = list?.shift();
    if (hop) seenCount--;
    if (list && list.length === 0) seen.delete(key);
    return hop && hop.at >= now() - keepMs ? hop : undefined;
  };

  /** The event for `key`, waited for at most `waitMs` (or until the request's signal aborts). */
  const awaitHop = (key: string, signal: AbortSignal | null | undefined): Promise<Seen | undefined> =>
    new Promise((resolve) => {
      const list = waiting.get(key) ?? [];
      const done = (hop: Seen | undefined) => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', give);
        const left = (waiting.get(key) ?? []).filter((w) => w !== take);
        if (left.length) waiting.set(key, left);
        else waiting.delete(key);
        resolve(hop);
      };
      const take = (hop: Seen) => done(hop);
      const give = () => done(undefined);
      const timer = setTimeout(give, waitMs);
      signal?.addEventListener('abort', give, { once: true });
      list.push(take);
      waiting.set(key, list);
    });

  const wrapped = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const doFetch = options.fetch ?? globalThis.fetch;
    if (init?.redirect !== 'manual') return doFetch(input, init);
    listen();
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const response = await doFetch(input, init);
    if (response.type !== 'opaqueredirect') return response;
    const key = requestKey(url);
    if (key === null) return response;
    const hop = claim(key) ?? (await awaitHop(key, init.signal));
    if (!hop) return response;
    return new Response(null, { status: hop.status, headers: { location: hop.location } });
  };
  return wrapped as typeof fetch;
}
