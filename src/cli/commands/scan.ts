import { scanDocument, toJsonReport } from '../../core/index';
import { siteByPublicSuffix } from '../../core/links/public-suffix';
import type { JsonReport } from '../../core/types';
import { type CliIo, parseFlags } from '../io';
import { loadPage, UserError } from '../load-page';
import { table } from '../table';
import { CLAIMS, count, FINDINGS, NOTES, SOURCES } from '../words';

export const SCAN_USAGE = 'citelens scan <file.html | URL> [--json] [--no-links]';

/** `citelens scan`: the page's claims, sources and findings, as a table or as JSON. */
export async function runScan(args: string[], io: CliIo): Promise<number> {
  const { positional, flags } = parseFlags(args, ['json', 'no-links']);
  const target = positional[0];
  if (!target || positional.length > 1) throw new UserError(`usage: ${SCAN_USAGE}`);
  const page = await loadPage(target);
  const links = !flags.has('no-links');
  const report = toJsonReport(
    scanDocument(page.document, {
      siteOf: siteByPublicSuffix,
      ...(page.url ? { url: page.url } : {}),
      links,
    }),
  );
  // Without linked claims every source is a reference: the report is the one printed before linked claims existed,
  // field for field, for scripts written against it.
  if (!links) for (const s of report.sources) if (s.kind === 'reference') delete s.kind;
  if (flags.has('json')) {
    io.stdout.write(`${JSON.stringify(report)}\n`);
    return 0;
  }
  io.stdout.write(formatReport(report));
  return 0;
}

export function formatReport(report: JsonReport): string {
  const lines: string[] = [];
  lines.push(`${report.title || '(untitled page)'}${report.url ? `\n${report.url}` : ''}`);
  // Explanatory notes are listed but are not sources.
  const notes = report.sources.filter((s) => s.kind === 'note').length;
  lines.push(
    `${count(report.claims.length, CLAIMS)}, ${count(report.sources.length - notes, SOURCES)}${notes ? `, ${count(notes, NOTES)}` : ''}, ${count(report.findings.length, FINDINGS)}`,
  );
  lines.push('');
  if (report.sources.length) {
    lines.push(
      table(
        ['#', 'title', 'publisher', 'link', 'claims'],
        report.sources.map((s) => [
          s.label,
          s.title,
          s.publisher ?? '',
          s.url ?? (s.kind === 'note' ? '(note)' : '(no link)'),
          String(s.claims.length),
        ]),
      ),
    );
  } else {
    lines.push('No citation markers found on this page.');
  }
  if (report.findings.length) {
    lines.push('', 'Findings:');
    for (const f of report.findings) lines.push(`  - ${f.kind}: ${f.message}`);
  }
  return `${lines.join('\n')}\n`;
}
