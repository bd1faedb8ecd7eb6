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
