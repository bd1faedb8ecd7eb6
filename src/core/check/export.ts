/** The whole report of a page, scan and check, as Markdown (for people) and as JSON (for programs). */
import type { JsonReport } from '../types';
import type { SupportVerdict } from '../verify/judge';
import { claimVerdict, type PageSummary, sourceSupport, summarise, summarySentence } from './summary';
import type { CheckResult, SourceStatusKind } from './types';

export const VERDICT_WORDS: Record<SupportVerdict, string> = {
  supported: 'supported',
  partial: 'partly supported',
  not_found: 'not found in the source',
  unavailable: 'source unavailable',
};

export const STATUS_WORDS: Record<SourceStatusKind, string> = {
  ok: 'ok',
  redirected: 'redirected to another site',
  dead: 'dead',
  blocked: 'blocked or paywalled',
  timeout: 'timed out',
  'not-html': 'not a web page',
  'too-large': 'too large',
  'redirect-loop': 'redirect loop',
  refused: 'refused',
  error: 'failed',
  'no-link': 'no link',
  'not-checked': 'not checked',
};

export interface ExportedReport {
  generator: 'CiteLens';
  exportedAt: string;
  page: JsonReport;
  /** Null when the sources were never checked. */
  check: CheckResult | null;
  summary: PageSummary | null;
}

export function toExport(page: JsonReport, check: CheckResult | null, now = new Date()): ExportedReport {
  return {
    generator: 'CiteLens',
    exportedAt: now.toISOString(),
    page,
    check,
    summary: check ? summarise(check) : null,
  };
}

export function toJson(page: JsonReport, check: CheckResult | null, now = new Date()): string {
  return `${JSON.stringify(toExport(page, check, now), null, 2)}\n`;
}

/** Page text in Markdown: no HTML, no links or emphasis it did not ask for, one line. */
function md(text: string): string {
  return (
    text
      .replace(/\s+/g, ' ')
      // Every character CommonMark or GFM gives a meaning inline: emphasis, code, links, images, HTML, entities,
      // tables, headings, strike-through (`~`).
      .replace(/[\\`*_[\]<>|#~!&]/g, (c) => `\\${c}`)
      // GFM's extended autolinks: bare `scheme://`, `www.` and e-mail addresses become links unless broken up.
      .replace(/([a-z][a-z0-9+.-]*):(?=\/\/)/gi, '$1\\:')
      .replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}\\.`)
      .replace(/@/g, '\\@')
      .trim()
      // A list item or a setext/thematic line where the text starts.
      .replace(/^([-+=]|\d+[.)])/, '\\$1')
  );
}

function link(text: string, url: string | null): string {
  if (!url || !/^https?:\/\//i.test(url)) return md(text);
  return `[${md(text)}](<${url.replace(/[<>\s]/g, encodeURIComponent)}>)`;
}

export function toMarkdown(page: JsonReport, check: CheckResult | null, now = new Date()): string {
  const out: string[] = [`# Citation report: ${md(page.title || '(untitled page)')}`, ''];
  if (page.url) out.push(`Page: <${page.url}>  `);
  out.push(`Checked by CiteLens on ${now.toISOString().slice(0, 10)}.`, '');
  if (check) out.push(`**${summarySentence(check)}**`, '');
  else out.push('The sources were not checked: this report lists what the page cites.', '');

  out.push('## Sources', '');
  out.push(check ? '| # | source | link status | supports |' : '| # | source |');
  out.push(check ? '|---|---|---|---|' : '|---|---|');
  for (const s of page.sources) {
    const checked = check?.sources.find((c) => c.id === s.id);
    const title = link(s.title || s.url || s.label, s.url);
    if (!check || !checked) {
      out.push(`| ${md(s.label)} | ${title} |`);
      continue;
    }
    const status = `${STATUS_WORDS[checked.status]}${checked.detail ? ` (${md(checked.detail)})` : ''}`;
    const { claims, supported } = sourceSupport(check, s.id);
    out.push(`| ${md(s.label)} | ${title} | ${status} | ${supported} of ${claims} claims |`);
  }

  if (page.findings.length > 0) {
    out.push('', '## Findings', '');
    for (const f of page.findings) out.push(`- ${md(f.message)}`);
  }

  out.push('', '## Claims', '');
  const labels = new Map(page.sources.map((s) => [s.id, s.label]));
  page.claims.forEach((claim, i) => {
    const checked = check?.claims.find((c) => c.id === claim.id);
    const verdict = checked ? ` — **${VERDICT_WORDS[claimVerdict(checked)]}**` : '';
    out.push(`${i + 1}. ${md(claim.text)}${verdict}`);
    for (const j of checked?.judgements ?? []) {
      out.push(`   - [${md(labels.get(j.source) ?? j.source)}] ${VERDICT_WORDS[j.verdict]}`);
      const best = j.passages[0];
      if (best && j.verdict !== 'unavailable') out.push(`     > ${md(best.text)}`);
      const missing = [...j.missingNumbers, ...j.missingNames];
      if (missing.length > 0 && j.verdict !== 'unavailable' && j.verdict !== 'supported')
        out.push(`     - the source does not mention ${missing.map(md).join(', ')}`);
    }
  });
  return `${out.join('\n')}\n`;
}
