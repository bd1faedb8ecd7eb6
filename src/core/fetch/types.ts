/** What became of one attempt to read a cited page. */
export type LinkStatus =
  /** The page, on the site that was asked for. */
  | { kind: 'ok'; url: string; finalUrl: string; html: string }
  /** The page, but the link led to another site: `finalUrl` says where. */
  | { kind: 'redirected'; url: string; finalUrl: string; html: string }
  /** 404 or 410, or a "page not found" page served with 200 (`soft-404`). */
  | { kind: 'dead'; url: string; reason: 'not-found' | 'gone' | 'soft-404'; httpStatus: number }
  /** 401/403, a login or subscription wall, or a page with too little text to judge anything by. */
  | {
      kind: 'blocked';
      url: string;
      reason: 'unauthorized' | 'forbidden' | 'login-wall' | 'too-little-text';
      httpStatus: number;
    }
  | { kind: 'timeout'; url: string; afterMs: number }
  /** Not a web page; `format` is `pdf` for PDFs, else the media type. */
  | { kind: 'not-html'; url: string; format: string }
  | { kind: 'too-large'; url: string; limitBytes: number }
  | { kind: 'redirect-loop'; url: string }
  /**
   * Never asked: not http(s); a private, loopback or local address, or a name resolving to one; a redirect to one
   * of those, to a site the reader did not allow, or to where the browser did not say.
   */
  | { kind: 'refused'; url: string; reason: string }
  /** The network failed, or the server answered with an error other than the above. */
  | { kind: 'error'; url: string; message: string; httpStatus?: number };

export type LinkStatusKind = LinkStatus['kind'];

/** The statuses that come with the page's HTML. */
export type FetchedPage = Extract<LinkStatus, { html: string }>;

export function hasPage(status: LinkStatus): status is FetchedPage {
  return status.kind === 'ok' || status.kind === 'redirected';
}

/** The error of a server that kept answering 429/503: it answered, so the reader is not offline. */
export const BUSY_MESSAGE = 'server busy or rate-limiting';

/** Refusals a reader meets in practice, as the extension reads them back to word them (core/check/status.ts). */
export const REDIRECT_NOT_ALLOWED = 'redirected to a site the reader has not allowed';
export const REDIRECT_HIDDEN = 'redirected, and the browser did not say where to (not followed)';
export const hostNotAllowed = (host: string) => `${host} is not a site the reader allowed`;
