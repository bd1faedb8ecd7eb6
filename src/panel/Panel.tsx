/**
 * The side panel: the whole report of the active tab, kept open beside the page while the reader scrolls. Every
 * claim in page order with its verdict's colour, filters by source, verdict and finding, a click that scrolls the
 * page to the claim and opens its card, the check's progress and the export (the popup's own parts). It follows
 * the active tab and asks again whenever the tab's report or check changes. The popup stays the quick summary.
 */
import { useState } from 'preact/hooks';
import type { JsonReport } from '../core';
import type { CheckResult } from '../core/check/types';
import { CheckPanel } from '../popup/CheckPanel';
import { ClaimList, verdictOf } from '../popup/ClaimList';
import { ReportHeader } from '../popup/ReportHeader';
import { type MessageKey, t } from '../shared/i18n';
import { type CheckState, sendToTab, type TabView } from '../shared/messages';
import { Filters } from './Filters';
import { type ClaimFilters, filterClaims, NO_FILTERS } from './filters';
import { useFollowedTab } from './follow-tab';
import { useTabView } from './tab-view';

export function Panel() {
  const tabId = useFollowedTab();
  const { view, reload } = useTabView(tabId);
  // Kept here, with the page they were set for, so they survive the report's redrawing; another page starts
  // unfiltered (a source id of one page means nothing on the next).
  const [filtered, setFiltered] = useState<{ page: string; filters: ClaimFilters } | null>(null);
  const page = view?.kind === 'report' ? `${tabId} ${view.url}` : null;
  const filters = filtered !== null && filtered.page === page ? filtered.filters : NO_FILTERS;
  const setFilters = (next: ClaimFilters) => page !== null && setFiltered({ page, filters: next });
  const state = tabId === null ? 'no-tab' : view === null ? 'loading' : view.kind;
  return (
    <main class="popup panel" data-state={state} data-tab={tabId ?? undefined}>
      {tabId === null ? (
        <Message title={t('panelNoTab')} />
      ) : view === null ? (
        <Message title={t('popupLoading')} />
      ) : (
        <Body view={view} filters={filters} onFilters={setFilters} onChanged={reload} />
      )}
    </main>
  );
}

/** Every state but a report, in the popup's words. */
const TITLES: Record<Exclude<TabView['kind'], 'report' | 'disabled'>, MessageKey> = {
  loading: 'popupLoading',
  restricted: 'popupRestrictedTitle',
  unreachable: 'popupUnreachableTitle',
};

interface BodyProps {
  view: TabView;
  filters: ClaimFilters;
  onFilters(filters: ClaimFilters): void;
  onChanged(): void;
}

function Body({ view, filters, onFilters, onChanged }: BodyProps) {
  switch (view.kind) {
    case 'report':
      return view.report.claims.length === 0 ? (
        <Message title={t('popupNoCitationsTitle')} body={t('popupNoCitationsBody')} />
      ) : (
        <Report
          report={view.report}
          check={view.check}
          tabId={view.tabId}
          filters={filters}
          onFilters={onFilters}
          onChanged={onChanged}
        />
      );
    case 'disabled':
      return (
        <Message
          title={
            view.scope === 'site' ? t('popupDisabledSiteTitle', view.host) : t('popupDisabledEverywhereTitle')
          }
        />
      );
    default:
      return <Message title={t(TITLES[view.kind])} />;
  }
}

function Message({ title, body }: { title: string; body?: string }) {
  return (
    <section class="state" aria-live="polite">
      <h1 class="state-title">{title}</h1>
      {body && <p>{body}</p>}
    </section>
  );
}

interface ReportProps {
  report: JsonReport;
  check: CheckState;
  tabId: number;
  filters: ClaimFilters;
  onFilters(filters: ClaimFilters): void;
  onChanged(): void;
}

function Report({ report, check, tabId, filters, onFilters, onChanged }: ReportProps) {
  const result: CheckResult | null = check.kind === 'done' ? check.result : null;
  const shown = filterClaims(report, (c) => verdictOf(result, c), filters);
  const showClaim = (claimId: string) => void sendToTab(tabId, 'showClaim', { claimId }).catch(() => {});
  return (
    <>
      <ReportHeader report={report} />

      <CheckPanel tabId={tabId} report={report} check={check} onChanged={onChanged} />

      <section class="section" aria-labelledby="claims-heading">
        <h2 id="claims-heading">{t('popupSectionClaims')}</h2>
        <Filters report={report} hasResult={result !== null} filters={filters} onChange={onFilters} />
        <p class="shown" role="status" data-shown={shown.length} data-total={report.claims.length}>
          {t('panelShown', [String(shown.length), String(report.claims.length)])}
        </p>
        {shown.length === 0 ? (
          <p class="note">{t('panelNoMatch')}</p>
        ) : (
          <ClaimList report={report} result={result} claims={shown} onShowClaim={showClaim} />
        )}
      </section>
    </>
  );
}
