/**
 * What the side panel shows of a tab, asked of the background again whenever it may have changed: the background
 * says a tab's report or check changed (`tabChanged`), the tab loads another page, and while the page is read or
 * its sources checked, every so often as well (a message can be missed while the background restarts).
 */
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { handleMessages, sendMessage, type TabView } from '../shared/messages';

const BUSY_POLL_MS = 500;

const busy = (view: TabView) =>
  view.kind === 'loading' ||
  (view.kind === 'report' && (view.check.kind === 'checking' || view.check.kind === 'consent'));

export function useTabView(tabId: number | null): { view: TabView | null; reload(): void } {
  // Kept with the tab it is of, so a switch never shows the last tab's view under the new one.
  const [shown, setShown] = useState<{ tabId: number; view: TabView } | null>(null);
  const [asked, setAsked] = useState(0);
  const reload = () => setAsked((n) => n + 1);

  useEffect(() => {
    if (tabId === null) return;
    const stopListening = handleMessages({
      tabChanged: ({ tabId: changed }) => {
        if (changed === tabId) reload();
        return { ok: true };
      },
    });
    const updated = (id: number, change: { status?: string; url?: string }) => {
      if (id !== tabId || (change.status === undefined && change.url === undefined)) return;
      // Another page loads in the tab: the last one's report goes at once.
      if (change.status === 'loading') setShown(null);
      reload();
    };
    browser.tabs.onUpdated.addListener(updated);
    return () => {
      stopListening();
      browser.tabs.onUpdated.removeListener(updated);
    };
  }, [tabId]);

  useEffect(() => {
    if (tabId === null) return;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    void sendMessage('tabView', { tabId }).then(
      (next) => {
        if (cancelled) return;
        // While the same page is scanned again (it changed), its last report stays in view: the list does not
        // blink, and the reader's filters and place in it stay.
        setShown((last) =>
          next.kind === 'loading' && last?.tabId === tabId && last.view.kind === 'report'
            ? last
            : { tabId, view: next },
        );
        if (busy(next)) timer = setTimeout(reload, BUSY_POLL_MS);
      },
      () => !cancelled && setShown({ tabId, view: { kind: 'restricted' } }),
    );
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [tabId, asked]);

  return { view: shown !== null && shown.tabId === tabId ? shown.view : null, reload };
}
