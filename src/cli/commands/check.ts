import { lookup } from 'node:dns/promises';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fetchSource } from '../../core/fetch/fetch-source';
import { FetchQueue } from '../../core/fetch/queue';
import { hasPage, type LinkStatus } from '../../core/fetch/types';
import { scanDocument } from '../../core/index';
import type { PageReport, Source } from '../../core/types';
import { judgeSupport, type SupportJudgement, unavailable } from '../../core/verify/judge';
import { readSourceText, type SourceText } from '../../core/verify/source-text';
import { type CliIo, parseFlags } from '../io';
import { loadPage, parseHtml, UserError } from '../load-page';
import { table } from '../table';

export const CHECK_USAGE = 'citelens check <file.html | URL> [--json] [--sources DIR]';

/**
 * `citelens check`: scans a page, reads every cited source (fetched, or with `--sources DIR` from saved copies)
 * and judges whether each source supports each claim that cites it.
 *
 * Saved copies: `DIR/index.json`, when present, maps URLs to file names in DIR (`{"https://…": "scan.html"}`).
 * A URL it does not list is looked up by its sanitised name: the URL without scheme and `#fragment`, every run
 * of characters other than letters, digits, `.` and `-` turned into `_`, cut to 180 characters, then `.html`,
 * `.htm` or `.txt` (`https://example.org/a/b?x=1` → `example.org_a_b_x_1.html`). Files may hold HTML or text.
 */
export async function runCheck(args: string[], io: CliIo): Promise<number> {
  const { positional, flags, values } = parseFlags(args, ['json'], ['sources']);
  const target = positional[0];
  if (!target || positional.length > 1) throw new UserError(`usage: ${CHECK_USAGE}`);
  const page = await loadPage(target);
  const report = scanDocument(page.document, page.url ? { url: page.url } : {});
  const dir = values.get('sources');
  const load = dir ? await savedSources(dir) : liveSources();
  const result = await checkReport(report, load);
  io.stdout.write(flags.has('json') ? `${JSON.stringify(result)}\n` : formatCheck(result));
  return 0;
}

/** Reads one cited URL: its status, and its text when there is a page. */
export type SourceLoader = (url: string) => Promise<LinkStatus>;

export interface CheckedSource {
  id: string;
  label: string;
  title: string;
  url: string | null;
  status: LinkStatus['kind'] | 'no-link';
  /** Why, for a status that needs a reason; where a redirect led. */
  detail: string | null;
  finalUrl: string | null;
}

export interface CheckedClaim {
  id: string;
  text: string;
  judgements: ({ source: string } & SupportJudgement)[];
}

export interface CheckResult {
  url: string | null;
  title: string;
  sources: CheckedSource[];
  claims: CheckedClaim[];
}

export async function checkReport(report: PageReport, load: SourceLoader): Promise<CheckResult> {
  // Each distinct URL is read once, however many entries cite it.
  const byUrl = new Map<string, Promise<LinkStatus>>();
  const statuses = await Promise.all(
    report.sources.map((s) => {
      if (!s.url) return Promise.resolve(null);
      let pending = byUrl.get(s.url);
      if (!pending) {
        pending = load(s.url);
        byUrl.set(s.url, pending);
      }
      return pending;
    }),
  );
  const texts = new Map<string, SourceText>();
  const textFor = (status: LinkStatus): SourceText | null => {
    if (!hasPage(status)) return null;
    let text = texts.get(status.url);
    if (!text) {
      text = readSourceText(status.html, status.finalUrl, parseHtml);
      texts.set(status.url, text);
    }
    return text;
  };
  const sourceText = new Map<string, SourceText | null>();
  const sources = report.sources.map((s, i) => {
    const status = statuses[i] ?? null;
    sourceText.set(s.id, status ? textFor(status) : null);
    return describeSource(s, status);
  });
  const claims = report.claims.map((c) => ({
    id: c.id,
    text: c.text,
    judgements: c.sourceIds.map((id) => {
      const text = sourceText.get(id);
      return { source: id, ...(text ? judgeSupport(c.text, text) : unavailable()) };
    }),
  }));
  return { url: report.url, title: report.title, sources, claims };
}

function describeSource(s: Source, status: LinkStatus | null): CheckedSource {
  const base = { id: s.id, label: s.label, title: s.title, url: s.url };
  if (!status) return { ...base, status: 'no-link', detail: null, finalUrl: null };
  return {
    ...base,
    status: status.kind,
    detail: statusDetail(status),
    finalUrl: hasPage(status) ? status.finalUrl : null,
  };
}

export function statusDetail(status: LinkStatus): string | null {
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

/** Live fetching with the shared policy; in Node the names are resolved first so none points inside. */
export function liveSources(): SourceLoader {
  const queue = new FetchQueue();
  const resolveHost = async (host: string) => (await lookup(host, { all: true })).map((a) => a.address);
  return (url) => fetchSource(url, { queue, resolveHost });
}

/** The sanitised file name a saved copy of `url` goes by (before its extension). */
export function savedFileName(url: string): string {
  return url
    .replace(/#.*$/, '')
    .replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
    .replace(/[^A-Za-z0-9.-]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 180);
}

export async function savedSources(dir: string): Promise<SourceLoader> {
  let index: Record<string, string> = {};
  try {
    const parsed: unknown = JSON.parse(await readFile(join(dir, 'index.json'), 'utf8'));
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
      index = parsed as Record<string, string>;
    else throw new UserError(`${join(dir, 'index.json')} must map URLs to file names`);
  } catch (error) {
    if (error instanceof UserError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT')
      throw new UserError(`${join(dir, 'index.json')} cannot be read: ${(error as Error).message}`);
  }
  return async (url) => {
    const listed = index[url];
    const name = savedFileName(url);
    const candidates = typeof listed === 'string' ? [listed] : [`${name}.html`, `${name}.htm`, `${name}.txt`];
    for (const file of candidates) {
      try {
        const content = await readFile(join(dir, file), 'utf8');
        return { kind: 'ok', url, finalUrl: url, html: content };
      } catch {
        // Try the next name.
      }
    }
    return { kind: 'error', url, message: `no saved copy (looked for ${candidates.join(', ')})` };
  };
}

const VERDICT_WORDS: Record<SupportJudgement['verdict'], string> = {
  supported: 'supported',
  partial: 'partly supported',
  not_found: 'not found in source',
  unavailable: 'source unavailable',
};

export function formatCheck(result: CheckResult): string {
  const lines: string[] = [];
  lines.push(`${result.title || '(untitled page)'}${result.url ? `\n${result.url}` : ''}`);
  const read = result.sources.filter((s) => s.status === 'ok' || s.status === 'redirected').length;
  lines.push(`${result.claims.length} cited claims, ${result.sources.length} sources (${read} read)`, '');
  if (result.sources.length === 0) {
    lines.push('No citation markers found on this page.');
    return `${lines.join('\n')}\n`;
  }
  lines.push(
    table(
      ['#', 'status', 'link'],
      result.sources.map((s) => [
        s.label,
        s.detail ? `${s.status} (${s.detail})` : s.status,
        s.url ?? '(no link)',
      ]),
      72,
    ),
  );
  const labels = new Map(result.sources.map((s) => [s.id, s.label]));
  for (const claim of result.claims) {
    lines.push('', `“${claim.text}”`);
    for (const j of claim.judgements) {
      const head = `  [${labels.get(j.source) ?? j.source}] ${VERDICT_WORDS[j.verdict]}`;
      lines.push(j.verdict === 'unavailable' ? head : `${head} (score ${j.score.toFixed(2)})`);
      const best = j.passages[0];
      if (best && j.verdict !== 'unavailable') lines.push(`      best passage: “${clip(best.text, 200)}”`);
      const missing = [
        ...j.missingNumbers,
        ...j.missingNames,
        ...j.missingTerms.filter((t) => !j.missingNames.some((n) => n.toLowerCase().includes(t))),
      ];
      if (missing.length > 0 && j.verdict !== 'unavailable')
        lines.push(`      not in it: ${[...new Set(missing)].join(', ')}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
