/**
 * Pure judgements on what a server sent back: no I/O here, so each rule is tested on its own.
 */

/** What an HTTP status alone decides, before any body is read. */
export type StatusClass =
  | { kind: 'read' }
  | { kind: 'retry' }
  | { kind: 'dead'; reason: 'not-found' | 'gone' }
  | { kind: 'blocked'; reason: 'unauthorized' | 'forbidden' }
  | { kind: 'error' };

export function classifyStatus(status: number): StatusClass {
  if (status === 404) return { kind: 'dead', reason: 'not-found' };
  if (status === 410) return { kind: 'dead', reason: 'gone' };
  if (status === 401) return { kind: 'blocked', reason: 'unauthorized' };
  if (status === 403) return { kind: 'blocked', reason: 'forbidden' };
  if (status === 429 || status === 503) return { kind: 'retry' };
  return status >= 200 && status < 300 ? { kind: 'read' } : { kind: 'error' };
}

/** `html`, `pdf`, or the bare media type; an absent type is decided by sniffing the body. */
export function mediaKind(contentType: string | null): string | null {
  if (!contentType) return null;
  const type = (contentType.split(';')[0] ?? '').trim().toLowerCase();
  if (type === 'text/html' || type === 'application/xhtml+xml') return 'html';
  if (type === 'application/pdf' || type === 'application/x-pdf') return 'pdf';
  return type || null;
}

/** For a body with no or a vague media type: what its first bytes say it is. */
export function sniffKind(start: string): string {
  if (start.startsWith('%PDF-')) return 'pdf';
  return /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body|title|meta|div|p)\b/i.test(start)
    ? 'html'
    : 'unknown';
}

/** Seconds or an HTTP date, as milliseconds from `now`; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/** The site a host belongs to, roughly: its last two labels, three under a country's "co.", "com." and the like. */
export function siteOf(hostname: string): string {
  const labels = hostname.toLowerCase().replace(/\.$/, '').split('.');
  if (labels.length <= 2 || /^\[|^\d+$/.test(labels[labels.length - 1] ?? '')) return labels.join('.');
  const [second = '', last = ''] = labels.slice(-2);
  const take = last.length === 2 && /^(?:co|com|net|org|gov|ac|edu|ne|or|go)$/.test(second) ? 3 : 2;
  return labels.slice(-take).join('.');
}

export function isOtherSite(requested: string, final: string): boolean {
  try {
    return siteOf(new URL(requested).hostname) !== siteOf(new URL(final).hostname);
  } catch {
    return false;
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** The text a reader would see, roughly, without a DOM: scripts, styles and tags removed, whitespace folded. */
export function visibleText(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<(script|style|noscript|template|svg|head)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(#x?[0-9a-f]+|\w+);/gi, (m, e: string) => {
      if (e[0] !== '#') return ENTITIES[e.toLowerCase()] ?? m;
      const code = e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1));
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
    })
    .replace(/\s+/g, ' ')
    .trim();
}

function firstMatch(html: string, tag: string): string {
  const m = new RegExp(`<${tag}\\b[^>]*>([\\s\\S]*?)</${tag}\\s*>`, 'i').exec(html);
  return m?.[1] ? visibleText(m[1]) : '';
}

const NOT_FOUND =
  /\b(?:404|page (?:was )?not found|not be found|cannot be found|can't be found|could not be found|couldn't be found|does not exist|doesn't exist|no longer (?:available|exists)|page (?:has been )?removed|nothing (?:was )?found)\b/i;
const LOGIN_PHRASE =
  /\b(?:(?:sign|log) ?in to (?:continue|read|view|access|see)|subscribe (?:now )?to (?:continue|read|keep reading)|create (?:a free |an )?account to (?:continue|read)|for (?:paying )?subscribers only|this (?:article|content|story) is (?:only )?(?:available )?(?:for|to) (?:subscribers|members)|already a subscriber\?|you have reached your (?:free )?article limit)/i;

export interface PageLimits {
  /** Fewer visible characters than this and the page cannot support anything. */
  minTextChars: number;
  /** A page this short that asks for a login or a subscription is a wall, not an article. */
  wallMaxTextChars: number;
}

export const DEFAULT_PAGE_LIMITS: PageLimits = { minTextChars: 250, wallMaxTextChars: 2500 };

export type PageClass =
  | { kind: 'page' }
  | { kind: 'soft-404' }
  | { kind: 'login-wall' }
  | { kind: 'too-little-text' };

/** Whether an HTML page served with 200 is a real page, or a "not found", a login wall, or near empty. */
export function classifyPage(html: string, limits: PageLimits = DEFAULT_PAGE_LIMITS): PageClass {
  const text = visibleText(html);
  const heading = `${firstMatch(html, 'title')} | ${firstMatch(html, 'h1')}`;
  // A "not found" title is decisive; the same words in a body only on a short page (an article may quote them).
  if (NOT_FOUND.test(heading) || (text.length < 1500 && NOT_FOUND.test(text.slice(0, 600))))
    return { kind: 'soft-404' };
  const asksLogin = /<input\b[^>]*type\s*=\s*["']?password/i.test(html) || LOGIN_PHRASE.test(text);
  if (asksLogin && text.length < limits.wallMaxTextChars) return { kind: 'login-wall' };
  if (text.length < limits.minTextChars) return { kind: 'too-little-text' };
  return { kind: 'page' };
}

/** Whether a failed fetch failed on redirects (Node names it; browsers say only "failed to fetch"). */
export function isRedirectLoopError(error: unknown): boolean {
  const messages: string[] = [];
  let e: unknown = error;
  for (let depth = 0; e && depth < 4; depth++) {
    if (e instanceof Error) messages.push(e.message);
    else messages.push(String(e));
    e = e instanceof Error ? (e as Error & { cause?: unknown }).cause : undefined;
  }
  return messages.some((m) => /redirect count exceeded|too many redirects|redirect loop/i.test(m));
}
