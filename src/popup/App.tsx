/**
 * The popup: what CiteLens found on one tab. The tab is the active one, or the one named by `?tab=<id>` (so the
 * page can be opened in a tab of its own, as the end-to-end tests do).
 */
import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { JsonReport, JsonSource } from '../core';
import { sourceSupport } from '../core/check/summary';
import type { CheckResult } from '../core/check/types';
import { checkedSourceFor, statusLine } from '../shared/check-view';
import { findingText } from '../shared/finding-text';
import { plural, t } from '../shared/i18n';
import { type CheckState, sendMessage, sendToTab, type TabView } from '../shared/messages';
import { FINDING_TITLE, linkedSites, safeHttpUrl, siteOfSource } from '../shared/report-view';
import { loadSettings, saveSettings, siteOf } from '../shared/settings';
import { CheckPanel } from './CheckPanel';
import { ClaimList } from './ClaimList';
import { ReportHeader } from './ReportHeader';
import { SidePanelButton } from './SidePanelButton';

const LOADING_POLL_MS = 400;

/** While the page is read or its sources checked, the popup asks again this often. */
const busy = (view: TabView) =>
  view.kind === 'loading' ||
  (view.kind === 'report' && (view.check.kind === 'checking' || view.check.kind === 'consent'));

async function targetTab(): Promise<{ id: number; pinned: boolean } | null> {
  const param = new URLSearchParams(location.search).get('tab');
  if (param !== null && /^\d+$/.test(param)) return { id: Number(param), pinned: true };
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id !== undefined ? { id: tab.id, pinned: false } : null;
}

export function App() {
  const [tab, setTab] = useState<{ id: number; pinned: boolean } | null>(null);
  const [view, setView] = useState<TabView>({ kind: 'loading' });
  const [refresh, setRefresh] = useState(0);

  useEffect(() => {
    void targetTab().then((found) => (found ? setTab(found) : setView({ kind: 'restricted' })));
  }, []);

  useEffect(() => {
    if (!tab) return;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ask = async () => {
      const next = await sendMessage('tabView', { tabId: tab.id }).catch(
        (): TabView => ({ kind: 'restricted' }),
      );
      if (cancelled) return;
      setView(next);
      if (busy(next)) timer = setTimeout(() => void ask(), LOADING_POLL_MS);
    };
    void ask();
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [tab, refresh]);

  const showClaim = useCallback(
    (claimId: string) => {
      if (!tab) return;
      void sendToTab(tab.id, 'showClaim', { claimId }).then(() => {
        if (!tab.pinned) window.close();
      });
    },
    [tab],
  );

  const [notSaved, setNotSaved] = useState(false);
  const setSite = useCallback(async (host: string, off: boolean) => {
    const settings = await loadSettings();
    const sites = settings.disabledSites.filter((h) => h !== host);
    try {
      await saveSettings({
        disabledSites: off ? [...sites, host] : sites,
        ...(off ? {} : { enabled: true }),
      });
    } catch (error) {
      // Nothing was written (storage.sync is full): say so rather than lose the change unseen.
      console.warn('CiteLens: settings not saved:', error);
      setNotSaved(true);
      return;
    }
    setNotSaved(false);
    setView({ kind: 'loading' });
    setRefresh((n) => n + 1);
  }, []);

  return (
    <main
      class="popup"
      data-state={view.kind === 'report' && view.report.claims.length === 0 ? 'no-citations' : view.kind}
    >
      <Body
        view={view}
        tabId={tab?.id ?? null}
        onShowClaim={showClaim}
        onSite={setSite}
        onChanged={() => setRefresh((n) => n + 1)}
      />
      {notSaved && (
        <p class="note warn" role="alert">
          {t('settingsTooLarge')}
        </p>
      )}
      <footer class="footer">
        {view.kind === 'report' && (
          <button type="button" class="link" onClick={() => void setSite(siteOf(view.url), true)}>
            {t('popupTurnOffSite')}
          </button>
        )}
        <span class="spacer" />
        <SidePanelButton closeAfter={!tab?.pinned} />
        <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('popupOptions')}
        </button>
      </footer>
    </main>
  );
}

interface BodyProps {
  view: TabView;
  tabId: number | null;
  onShowClaim(claimId: string): void;
  onSite(host: string, off: boolean): void;
  onChanged(): void;
}

function Body({ view, tabId, onShowClaim, onSite, onChanged }: BodyProps) {
  switch (view.kind) {
    case 'loading':
      return <State icon="spinner" title={t('popupLoading')} />;
    case 'restricted':
      return (
        <State icon="lock" title={t('popupRestrictedTitle')}>
          <p>{t('popupRestrictedBody')}</p>
        </State>
      );
    case 'unreachable':
      return (
        <State icon="reload" title={t('popupUnreachableTitle')}>
          <p>{t('popupUnreachableBody')}</p>
          {tabId !== null && (
            <button
              type="button"
              class="primary"
              onClick={() => void browser.tabs.reload(tabId).then(() => window.close())}
            >
              {t('popupReload')}
            </button>
          )}
        </State>
      );
    case 'disabled':
      return (
        <State
          icon="off"
          title={
            view.scope === 'site' ? t('popupDisabledSiteTitle', view.host) : t('popupDisabledEverywhereTitle')
          }
        >
          <button type="button" class="primary" onClick={() => onSite(view.host, false)}>
            {t('popupTurnOn')}
          </button>
        </State>
      );
    case 'report':
      return view.report.claims.length === 0 ? (
        <State icon="none" title={t('popupNoCitationsTitle')}>
          <p>{t('popupNoCitationsBody')}</p>
        </State>
      ) : (
        <Report
          report={view.report}
          check={view.check}
          tabId={view.tabId}
          onShowClaim={onShowClaim}
          onChanged={onChanged}
        />
      );
  }
}

function State({ icon, title, children }: { icon: string; title: string; children?: ComponentChildren }) {
  return (
    <section class="state" aria-live="polite">
      <div class={`state-icon ${icon}`} aria-hidden="true" />
      <h1 class="state-title">{title}</h1>
      {children}
    </section>
  );
}

interface ReportProps {
  report: JsonReport;
  check: CheckState;
  tabId: number;
  onShowClaim(claimId: string): void;
  onChanged(): void;
}

function Report({ report, check, tabId, onShowClaim, onChanged }: ReportProps) {
  const maxCited = report.sources.reduce((max, s) => Math.max(max, s.claims.length), 1);
  const result: CheckResult | null = check.kind === 'done' ? check.result : null;
  const references = report.sources.filter((s) => s.kind !== 'linked');
  // Explanatory notes are listed with the references (as notes) but are not sources: the counts leave them out.
  const referenceCount = references.filter((s) => s.kind !== 'note').length;
  const sites = linkedSites(report.sources);
  const linkedCount = sites.reduce((n, g) => n + g.sources.length, 0);
  return (
    <>
      <ReportHeader report={report} />

      <CheckPanel tabId={tabId} report={report} check={check} onChanged={onChanged} />

      {report.findings.length > 0 && (
        <section class="section" aria-labelledby="findings-heading">
          <h2 id="findings-heading">{t('popupSectionFindings')}</h2>
          <ul class="findings">
            {report.findings.map((f, i) => (
              <li key={`${f.kind}-${i}`} class="finding" data-kind={f.kind}>
                <strong>{t(FINDING_TITLE[f.kind])}</strong>
                <span>{findingText(f)}</span>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section class="section" aria-labelledby="sources-heading">
        <h2 id="sources-heading">{t('popupSectionSources')}</h2>
        {references.length > 0 && sites.length > 0 && (
          <h3 class="group-heading" data-group="references">
            {t('popupReferencesHeading')} <span class="group-count">{referenceCount}</span>
          </h3>
        )}
        {references.length > 0 && (
          <ul class="sources" data-kind="reference">
            {references.map((s) => (
              <SourceItem key={s.id} source={s} result={result} maxCited={maxCited} />
            ))}
          </ul>
        )}
        {sites.length > 0 && (
          <>
            <h3 class="group-heading" data-group="linked">
              {t('popupLinkedHeading')}{' '}
              <span class="group-count">
                {plural('popupSites', sites.length)} · {plural('popupLinks', linkedCount)}
              </span>
            </h3>
            <ul class="sites">
              {sites.map(({ site, sources, claims }) => (
                <li
                  key={site}
                  class="site"
                  data-site={site}
                  data-sources={sources.length}
                  data-claims={claims}
                >
                  <div class="site-head">
                    <span class="site-name">{site}</span>
                    <span class="site-count">
                      {plural('popupLinks', sources.length)} · {plural('popupCitedBy', claims)}
                    </span>
                  </div>
                  <ul class="sources" data-kind="linked">
                    {sources.map((s) => (
                      <SourceItem key={s.id} source={s} result={result} maxCited={maxCited} />
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section class="section" aria-labelledby="claims-heading">
        <h2 id="claims-heading">{t('popupSectionClaims')}</h2>
        <ClaimList report={report} result={result} onShowClaim={onShowClaim} />
      </section>
    </>
  );
}

interface SourceItemProps {
  source: JsonSource;
  result: CheckResult | null;
  maxCited: number;
}

/**
 * One source: a reference with its label, or a page linked in the text (its site is its group's heading). Once a
 * check read a linked page, its own title and site name replace the link's words.
 */
function SourceItem({ source: s, result, maxCited }: SourceItemProps) {
  const linked = s.kind === 'linked';
  const url = safeHttpUrl(s.url);
  const checked = result ? checkedSourceFor(result, s) : undefined;
  const support = checked && result ? sourceSupport(result, checked.id) : null;
  const page = linked ? checked?.page : undefined;
  const title = page?.title || s.title || (linked ? s.label : url) || s.label;
  const meta = linked
    ? [page?.siteName ?? s.publisher].filter(Boolean)
    : [s.publisher, siteOfSource(s)].filter(Boolean);
  return (
    <li
      class="source"
      data-source-id={s.id}
      data-kind={linked ? 'linked' : s.kind === 'note' ? 'note' : 'reference'}
      data-claims={s.claims.length}
      data-status={checked?.status}
      data-supports={support ? `${support.supported}/${support.claims}` : undefined}
    >
      {!linked && <span class="label">{s.label}</span>}
      <div class="source-body">
        {url ? (
          <a class="title" href={url} target="_blank" rel="noopener noreferrer">
            {title}
          </a>
        ) : (
          <span class="title">{title}</span>
        )}
        {meta.length > 0 && <div class="meta">{meta.join(' · ')}</div>}
        {checked && support && (
          <div class={`link-status status-${checked.status}`}>
            <span class="status-text">{statusLine(checked)}</span>
            <span class="supports">
              {t('popupSupportsOf', [String(support.supported), String(support.claims)])}
            </span>
          </div>
        )}
        <div class="cited">
          <span class="bar" style={{ width: `${(100 * s.claims.length) / maxCited}%` }} />
          <span class="cited-text">{plural('popupCitedBy', s.claims.length)}</span>
        </div>
      </div>
    </li>
  );
}
