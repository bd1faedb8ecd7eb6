/**
 * The popup's source check: the button that asks the browser for the sources' sites and starts the check, its
 * progress and Cancel, the page summary, and the export of the whole report.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { JsonReport } from '../core';
import { toJson, toMarkdown } from '../core/check/export';
import { plural, t } from '../shared/i18n';
import { type CheckState, sendMessage } from '../shared/messages';
import { requestOrigins, sourceOrigins } from '../shared/permissions';
import { checkSummaryText } from '../shared/summary-text';
import { copyText, downloadText, exportFileName } from './export-file';

interface Props {
  tabId: number;
  report: JsonReport;
  check: CheckState;
  /** Ask the background again (the check started, or was cancelled). */
  onChanged(): void;
}

export function CheckPanel({ tabId, report, check, onChanged }: Props) {
  const [refused, setRefused] = useState(false);
  const origins = sourceOrigins(report);

  const start = () => {
    // The request first, in the click itself: after an `await` the browser no longer sees a user gesture.
    const asking = requestOrigins(origins);
    void sendMessage('expectGrant', { tabId, origins }).catch(() => {});
    // Refused: the background stops waiting for the grant.
    const refuse = () => {
      setRefused(true);
      void sendMessage('cancelCheck', { tabId }).catch(() => {});
    };
    void asking.then(async (granted) => {
      if (!granted) return refuse();
      setRefused(false);
      await sendMessage('startCheck', { tabId, origins });
      onChanged();
    }, refuse);
  };
  const cancel = () => void sendMessage('cancelCheck', { tabId }).then(onChanged);

  let body: ComponentChildren;
  switch (check.kind) {
    case 'checking':
      body = (
        <>
          <p class="progress" role="status" data-done={check.done} data-total={check.total}>
            {t('checkProgress', [String(check.done), String(check.total)])}
          </p>
          <progress max={Math.max(1, check.total)} value={check.done} />
          <button type="button" class="secondary cancel-check" onClick={cancel}>
            {t('checkCancel')}
          </button>
        </>
      );
      break;
    case 'consent':
      body = <p class="note">{t('checkConsentWaiting')}</p>;
      break;
    case 'done':
      body = (
        <>
          <p class="summary" data-summary>
            {checkSummaryText(check.result)}
          </p>
          <button type="button" class="secondary check-sources" onClick={start}>
            {t('checkAgain')}
          </button>
        </>
      );
      break;
    default:
      body = (
        <>
          <p class="note">
            {check.kind === 'cancelled'
              ? t('checkCancelled')
              : check.kind === 'failed'
                ? t('checkFailed', check.message)
                : t('popupCheckExplain')}
          </p>
          {refused && (
            <p class="note warn" role="alert">
              {t('popupCheckRefused')}
            </p>
          )}
          <button type="button" class="primary check-sources" disabled={origins.length === 0} onClick={start}>
            {t('checkSources')}
          </button>
          <span class="sites-count">{plural('popupCheckSites', origins.length)}</span>
        </>
      );
  }
  return (
    <section class="section check-panel" data-check={check.kind} aria-labelledby="check-heading">
      <h2 id="check-heading">{t('popupSectionCheck')}</h2>
      {body}
      <Export report={report} check={check} />
    </section>
  );
}

function Export({ report, check }: { report: JsonReport; check: CheckState }) {
  const [copied, setCopied] = useState(false);
  const [lastUrl, setLastUrl] = useState('');
  const result = check.kind === 'done' ? check.result : null;
  const markdown = () => toMarkdown(report, result);
  const json = () => toJson(report, result);
  const name = exportFileName(report.url);
  const copy = (text: string) =>
    void copyText(text).then((ok) => {
      setCopied(ok);
      if (ok) setTimeout(() => setCopied(false), 1500);
    });
  return (
    <div class="export" data-export-url={lastUrl}>
      <span class="export-label">{t('popupExport')}:</span>
      <button
        type="button"
        class="link"
        data-export="markdown"
        onClick={() => setLastUrl(downloadText(`${name}.md`, 'text/markdown', markdown()))}
      >
        {t('popupDownloadMarkdown')}
      </button>
      <button
        type="button"
        class="link"
        data-export="json"
        onClick={() => setLastUrl(downloadText(`${name}.json`, 'application/json', json()))}
      >
        {t('popupDownloadJson')}
      </button>
      <button type="button" class="link" data-copy="markdown" onClick={() => copy(markdown())}>
        {t('popupCopyMarkdown')}
      </button>
      <button type="button" class="link" data-copy="json" onClick={() => copy(json())}>
        {t('popupCopyJson')}
      </button>
      <span class="copied" aria-live="polite">
        {copied ? t('popupCopied') : ''}
      </span>
    </div>
  );
}
