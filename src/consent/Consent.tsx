/**
 * The consent page, opened by the background in a small window when the reader presses "Check sources" on the
 * card (`?tab=<id>` names the page's tab). A content script cannot ask for permissions and the browser accepts a
 * request only in a click on an extension page, so this page names the sites the sources live on and its button
 * asks for exactly those, then starts the check.
 */
import { useEffect, useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import { sendMessage, type TabView } from '../shared/messages';
import { requestOrigins, sourceOrigins } from '../shared/permissions';

type Phase = 'ask' | 'refused' | 'started';

const tabId = Number(new URLSearchParams(location.search).get('tab') ?? Number.NaN);

/** The site a match pattern names, as a reader reads it ("https://example.org"). */
const siteOfPattern = (pattern: string) => pattern.replace(/\/\*$/, '');

export function Consent() {
  const [view, setView] = useState<TabView | null>(null);
  const [phase, setPhase] = useState<Phase>('ask');

  useEffect(() => {
    if (!Number.isInteger(tabId)) return;
    void sendMessage('tabView', { tabId }).then(setView, () => setView({ kind: 'restricted' }));
  }, []);

  if (!view) return <div class="consent" data-phase="loading" />;
  // The sites the consent flow asked for (all the page's, or those of the claims the context menu checks).
  const origins =
    view.kind !== 'report'
      ? []
      : view.check.kind === 'consent'
        ? view.check.origins
        : sourceOrigins(view.report);

  const allow = () => {
    // The request first, in the click itself: after an `await` the browser no longer sees a user gesture.
    void requestOrigins(origins).then(
      async (granted) => {
        if (!granted) {
          setPhase('refused');
          return;
        }
        await sendMessage('startCheck', { tabId, origins });
        setPhase('started');
        setTimeout(() => window.close(), 800);
      },
      () => setPhase('refused'),
    );
  };

  return (
    <main class="consent" data-phase={origins.length === 0 ? 'nothing' : phase}>
      <h1>{t('consentTitle')}</h1>
      {origins.length === 0 ? (
        <p>{t('consentNothing')}</p>
      ) : (
        <>
          <p>{t('consentBody')}</p>
          <ul class="origins">
            {origins.map((o) => (
              <li key={o} data-origin={o}>
                {siteOfPattern(o)}
              </li>
            ))}
          </ul>
          {phase === 'refused' && <p role="alert">{t('consentRefused')}</p>}
          {phase === 'started' ? (
            <p role="status">{t('consentStarted')}</p>
          ) : (
            <div class="actions">
              <button type="button" class="primary allow" onClick={allow}>
                {t('consentAllow')}
              </button>
              <button type="button" class="link" onClick={() => window.close()}>
                {t('consentCancel')}
              </button>
            </div>
          )}
        </>
      )}
    </main>
  );
}
