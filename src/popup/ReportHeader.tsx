/**
 * The head of a page's report, the same in the popup and the side panel: the page's title and its counts of
 * claims, sources and findings. Explanatory notes are listed with the references but are not sources, so the
 * source count leaves them out.
 */
import type { JsonReport } from '../core';
import { plural, t } from '../shared/i18n';

export function ReportHeader({ report }: { report: JsonReport }) {
  const sourceCount = report.sources.filter((s) => s.kind !== 'note').length;
  return (
    <header class="header">
      <div class="brand">
        <img src="/icons/icon-32.png" alt="" width={20} height={20} />
        <span>CiteLens</span>
      </div>
      <h1 class="page-title" title={report.title}>
        {report.title || t('popupNoTitle')}
      </h1>
      <ul class="counts">
        <li data-count="claims" data-value={report.claims.length}>
          {plural('popupClaims', report.claims.length)}
        </li>
        <li data-count="sources" data-value={sourceCount}>
          {plural('popupSources', sourceCount)}
        </li>
        <li
          data-count="findings"
          data-value={report.findings.length}
          class={report.findings.length ? 'warn' : ''}
        >
          {plural('popupFindings', report.findings.length)}
        </li>
      </ul>
    </header>
  );
}
