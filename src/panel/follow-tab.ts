/**
 * Which tab the side panel shows: the active tab of its window, followed as the reader switches tabs. Opened as a
 * page in a tab of its own (`src/panel/index.html`, as the end-to-end tests do, since headless browsers show no
 * side panel), it follows the tab activated in any of the reader's windows (not the consent window), its own tab
 * aside; `?tab=<id>` names the first one.
 */
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';

export function useFollowedTab(): number | null {
  const [tabId, setTabId] = useState<number | null>(null);
  useEffect(() => {
    let stopped = false;
    let ownTab: number | undefined;
    let ownWindow: number | undefined;
    // In a side panel: its own window. In a tab: any reader's window (not a small window such as the consent's).
    const follows = async (windowId: number) =>
      windowId === ownWindow ||
      (ownTab !== undefined &&
        (await browser.windows.get(windowId).then(
          (w) => w.type === 'normal',
          () => false,
        )));
    const activated = ({ tabId: id, windowId }: { tabId: number; windowId: number }) => {
      if (stopped || id === ownTab) return;
      void follows(windowId).then((yes) => {
        if (yes && !stopped) setTabId(id);
      });
    };
    browser.tabs.onActivated.addListener(activated);
    void (async () => {
      ownTab = (await browser.tabs.getCurrent().catch(() => undefined))?.id;
      ownWindow = (await browser.windows.getCurrent().catch(() => undefined))?.id;
      const param = new URLSearchParams(location.search).get('tab');
      if (param !== null && /^\d+$/.test(param)) {
        if (!stopped) setTabId((current) => current ?? Number(param));
        return;
      }
      const query =
        ownWindow === undefined
          ? { active: true, currentWindow: true }
          : { active: true, windowId: ownWindow };
      const [active] = await browser.tabs.query(query);
      if (!stopped && active?.id !== undefined && active.id !== ownTab)
        setTabId((current) => current ?? (active.id as number));
    })();
    return () => {
      stopped = true;
      browser.tabs.onActivated.removeListener(activated);
    };
  }, []);
  return tabId;
}
