import { REDIRECT_HIDDEN, REDIRECT_NOT_ALLOWED } from '../fetch/types';
import type { CachedStatus } from './cache';

/** The particulars of a link status, in a few words ("HTTP 404", "soft 404", "to https://…", "pdf"). */
export function statusDetail(status: CachedStatus): string | null {
  switch (status.kind) {
    case 'ok':
    case 'redirect-loop':
      return null;
    case 'redirected':
      return `to ${status.finalUrl}`;
    case 'dead':
      return status.reason === 'soft-404' ? 'soft 404' : `HTTP ${status.httpStatus}`;
    case 'blocked':
      return status.reason === 'login-wall' || status.reason === 'too-little-text'
        ? status.reason.replace(/-/g, ' ')
        : `HTTP ${status.httpStatus}`;
    case 'timeout':
      return `after ${status.afterMs / 1000} s`;
    case 'not-html':
      return status.format;
    case 'too-large':
      return `over ${Math.round(status.limitBytes / 1024 / 1024)} MB`;
    case 'refused':
      return status.reason;
    case 'error':
      return status.message;
  }
}

/** Why the check did not read a source it could have: the words `checkReport` writes as its detail. */
export const NOT_ALLOWED_DETAIL = 'the reader has not allowed this site';
export const tooManySourcesDetail = (max: number) => `more than ${max} sources`;

/**
 * A detail read back as data, so that the extension can word it in the reader's language: the shapes that
 * `statusDetail` and `checkReport` write, and `text` for the rest (an HTTP status, a format, a refusal's reason,
 * a network error), shown as it is. Kept beside the writers so that the two change together (a unit test reads
 * every shape back).
 */
export type DetailParts =
  | {
      kind:
        | 'soft-404'
        | 'login-wall'
        | 'too-little-text'
        | 'not-allowed'
        | 'redirect-not-allowed'
        | 'redirect-hidden'
        | 'credentials'
        | 'invalid-url';
    }
  | { kind: 'host-not-allowed'; host: string }
  /** The host policy's refusals (fetch/host-policy.ts): a scheme, or what a name is or resolves to. */
  | { kind: 'scheme'; scheme: string }
  | { kind: 'resolves-to'; host: string; address: string }
  /** A refusal of a redirect's next hop: "redirected to <why>" or "redirected: <why>". */
  | { kind: 'redirected-to' | 'redirected'; inner: DetailParts }
  | { kind: 'to'; url: string }
  | { kind: 'after'; seconds: number }
  | { kind: 'over'; megabytes: number }
  | { kind: 'too-many'; max: number }
  | { kind: 'text'; text: string };

export function detailParts(detail: string): DetailParts {
  if (detail === 'soft 404') return { kind: 'soft-404' };
  if (detail === 'login wall') return { kind: 'login-wall' };
  if (detail === 'too little text') return { kind: 'too-little-text' };
  if (detail === NOT_ALLOWED_DETAIL) return { kind: 'not-allowed' };
  if (detail === REDIRECT_NOT_ALLOWED) return { kind: 'redirect-not-allowed' };
  if (detail === REDIRECT_HIDDEN) return { kind: 'redirect-hidden' };
  if (detail === 'links with credentials are not fetched') return { kind: 'credentials' };
  if (detail === 'not a valid URL') return { kind: 'invalid-url' };
  let m = /^(\S+) is not a site the reader allowed$/.exec(detail);
  if (m?.[1]) return { kind: 'host-not-allowed', host: m[1] };
  m = /^([a-z][a-z0-9+.-]*:) links are not fetched$/i.exec(detail);
  if (m?.[1]) return { kind: 'scheme', scheme: m[1] };
  m = /^(\S+) resolves to (.+)$/.exec(detail);
  if (m?.[1] && m[2]) return { kind: 'resolves-to', host: m[1], address: m[2] };
  m = /^redirected(:| to) (.+)$/.exec(detail);
  if (m?.[1] && m[2])
    return { kind: m[1] === ':' ? 'redirected' : 'redirected-to', inner: detailParts(m[2]) };
  m = /^to (https?:\/\/\S+)$/.exec(detail);
  if (m?.[1]) return { kind: 'to', url: m[1] };
  m = /^after (\d+(?:\.\d+)?) s$/.exec(detail);
  if (m?.[1]) return { kind: 'after', seconds: Number(m[1]) };
  m = /^over (\d+) MB$/.exec(detail);
  if (m?.[1]) return { kind: 'over', megabytes: Number(m[1]) };
  m = /^more than (\d+) sources$/.exec(detail);
  if (m?.[1]) return { kind: 'too-many', max: Number(m[1]) };
  return { kind: 'text', text: detail };
}
