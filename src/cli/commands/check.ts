import { lookup } from 'node:dns/promises';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import {
  type CheckResult,
  checkReport,
  type SourceLoader,
  summarise,
  VERDICT_WORDS,
  wasUnreached,
} from '../../core/check';
import { fetchSource } from '../../core/fetch/fetch-source';
import { FetchQueue } from '../../core/fetch/queue';
import { scanDocument, toJsonReport } from '../../core/index';
import { siteByPublicSuffix } from '../../core/links/public-suffix';
import { type CliIo, parseFlags } from '../io';
import { loadPage, parseHtml, UserError } from '../load-page';
import { table } from '../table';
import { CHECK_USAGE } from '../usage';
import { CLAIMS, count, SOURCES } from '../words';

// The orchestration lives in the core (src/core/check), shared with the extension's background.
export type { CheckedClaim, CheckedSource, CheckResult, SourceLoader } from '../../core/check';
export { checkReport, statusDetail } from '../../core/check';

export { CHECK_USAGE } from '../usage';

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
  const dir = values.get('sources');
  if (dir !== undefined) await assertFolder(dir);
  const page = await loadPage(target);
  const report = scanDocument(page.document, {
    siteOf: siteByPublicSuffix,
    ...(page.url ? { url: page.url } : {}),
  });
  const load = dir ? await savedSources(dir) : liveSources();
  const result = await checkReport(toJsonReport(report), { load, parse: parseHtml });
  io.stdout.write(flags.has('json') ? `${JSON.stringify(result)}\n` : formatCheck(result, { live: !dir }));
  // A check that read nothing is not a result: say so in the exit code too, for scripts.
  return result.sources.length > 0 && readCount(result) === 0 ? 1 : 0;
}

async function assertFolder(dir: string): Promise<void> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(dir);
  } catch {
    throw new UserError(`--sources ${dir}: no such folder`);
  }
  if (!info.isDirectory()) throw new UserError(`--sources ${dir} is not a folder`);
}

const readCount = (result: CheckResult) =>
  result.sources.filter((s) => s.status === 'ok' || s.status === 'redirected').length;

/**
 * The last line of a check: how the claims came out, or, when no source could be read, that nothing was
 * checked (rather than "0 supported", which reads like a verdict).
 */
export function checkSummaryLine(result: CheckResult, { live }: { live: boolean }): string {
  if (result.sources.length === 0) return 'Nothing to check: no cited sources.';
  if (readCount(result) === 0) {
    const offline = live && result.sources.every((s) => s.status === 'no-link' || wasUnreached(s));
    return `Nothing checked: none of the ${count(result.sources.length, SOURCES)} could be ${
      offline ? 'reached — are you offline?' : 'read.'
    }`;
  }
  const v = summarise(result).verdicts;
  return (
    `Summary: ${count(result.claims.length, CLAIMS)}: ${v.supported} supported, ${v.partial} partly supported, ` +
    `${v.not_found} not supported, ${v.unavailable} unreadable.`
  );
}

/** Live fetching with the shared policy; in Node the names are resolved first so none points inside. */
export function liveSources(): SourceLoader {
  const queue = new FetchQueue();
  const resolveHost = async (host: string) => (await lookup(host, { all: true })).map((a) => a.address);
  // Node shows each redirect's Location: every hop is checked and its name resolved before it is asked.
  return (url, signal) =>
    fetchSource(url, { queue, resolveHost, redirects: 'manual', ...(signal ? { signal } : {}) });
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

export function formatCheck(result: CheckResult, options: { live: boolean } = { live: true }): string {
  const lines: string[] = [];
  lines.push(`${result.title || '(untitled page)'}${result.url ? `\n${result.url}` : ''}`);
  const read = readCount(result);
  lines.push(
    `${count(result.claims.length, CLAIMS)}, ${count(result.sources.length, SOURCES)} (${read} read)`,
    '',
  );
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
  lines.push('', checkSummaryLine(result, options));
  return `${lines.join('\n')}\n`;
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
