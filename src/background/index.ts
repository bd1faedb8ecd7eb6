/**
 * The background: per-tab state, the toolbar badge, the keyboard commands, source checks and the messages
 * addressed to it. It keeps state in memory only; the content script is the source of truth and is asked again
 * when the background has been stopped and restarted (a service worker in Chrome, an event page in Firefox).
 */
import browser, { type Tabs } from 'webextension-polyfill';
import { isRestrictedUrl, openSidePanel } from '../shared/browser-differences';
import {
  type CheckState,
  handleMessages,
  type PageState,
  type StepDirection,
  sendMessage,
  sendToTab,
  type TabView,
} from '../shared/messages';
import { autoCheckFor, loadSettings, siteOf } from '../shared/settings';
import { Checks } from './checks';
import { openConsentWindow } from './consent';
import { createMenus, type MenuHost, onMenuClicked } from './context-menu';
import { forgetAllowed } from './may-read';
import { TEST_BUILD } from './test-build';

const states = new Map<number, PageState>();
const checks = new Checks({
  notify: (tabId, state) => tellCheck(tabId, state),
  pageState: (tabId) => pageStateOf(tabId),
  openConsentWindow,
});

const BADGE_COLOUR = '#8a5a00';

function remember(tabId: number, state: PageState): void {
  states.set(tabId, state);
  const count = state.report?.claims.length ?? state.claimsInTab ?? 0;
  const text = state.status === 'ready' && count > 0 ? (count > 999 ? '999+' : String(count)) : '';
  void browser.action.setBadgeText({ tabId, text }).catch(() => {});
  if (text) void browser.action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOUR }).catch(() => {});
  tellPanels(tabId);
}

function tellCheck(tabId: number, state: CheckState): void {
  void sendToTab(tabId, 'checkState', state).catch(() => {}); // the page may have gone meanwhile
  tellPanels(tabId);
}

/** A side panel showing this tab asks for its view again (no panel open: nobody answers, which is fine). */
function tellPanels(tabId: number): void {
  void sendMessage('tabChanged', { tabId }).catch(() => {});
}

function viewOf(tabId: number, state: PageState, check: CheckState): TabView {
  switch (state.status) {
    case 'scanning':
      return { kind: 'loading' };
    case 'disabled-site':
      return { kind: 'disabled', scope: 'site', host: siteOf(state.url) };
    case 'disabled-everywhere':
      return { kind: 'disabled', scope: 'everywhere', host: siteOf(state.url) };
    case 'ready':
      return state.report
        ? {
            kind: 'report',
            url: state.url,
            report: state.report,
            check,
            tabId,
          }
        : { kind: 'loading' };
  }
}

async function tabView(tabId: number): Promise<TabView> {
  let tab: Tabs.Tab;
  try {
    tab = await browser.tabs.get(tabId);
  } catch {
    return { kind: 'restricted' };
  }
  // CiteLens holds no host permission, so the browser names a tab's address only to the popup of the active
  // tab (`activeTab`). Where it is known and no extension may run, say so; else the content script answers.
  if (tab.url !== undefined && isRestrictedUrl(tab.url)) return { kind: 'restricted' };
  const state = await pageStateOf(tabId);
  if (state) return viewOf(tabId, state, await checks.restoredStateOf(tabId, state.url));
  // No content script answers: the page is still loading, was open before CiteLens was installed, or is one
  // no extension may script (when the browser withheld its address).
  if (tab.status === 'loading') return { kind: 'loading' };
  return tab.url === undefined ? { kind: 'restricted' } : { kind: 'unreachable' };
}

/**
 * What the tab's content script last said, asking it again when the background has forgotten, or was told only
 * that the tab holds a report (`PageState.claimsInTab`).
 */
async function pageStateOf(tabId: number): Promise<PageState | null> {
  const known = states.get(tabId);
  if (known && known.status !== 'scanning' && (known.report || !known.claimsInTab)) return known;
  try {
    const state = await sendToTab(tabId, 'getPageState', {});
    remember(tabId, state);
    return state;
  } catch {
    return null;
  }
}

async function step(direction: StepDirection, tab: Tabs.Tab | undefined): Promise<void> {
  const target =
    tab?.id !== undefined ? tab : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  if (target?.id === undefined) return;
  await sendToTab(target.id, 'step', { direction }).catch(() => {}); // a page without CiteLens: nothing to do
}

// Who may send each of these is decided in ALLOWED_SENDERS (shared/messages.ts), before any handler runs: the
// content script speaks only for its own tab, and only CiteLens's own pages name a tab.
handleMessages({
  pageState: (state, from) => {
    // The same tab on another page (a single-page site changing its address): the old check is not its.
    const before = states.get(from.tabId);
    if (before && before.url !== state.url) checks.forget(from.tabId);
    remember(from.tabId, state);
    return { ok: true };
  },
  tabView: ({ tabId }) => tabView(tabId),
  // The reader's act in one of CiteLens's pages: the sites it showed them are recorded as allowed for the page.
  startCheck: async ({ tabId, origins }) => ({ outcome: await checks.allowed(tabId, origins) }),
  // The card's "Check sources" (or an automatic check): reads only what the reader allowed for this page.
  requestCheck: async ({ auto }, from) => {
    // The content script asks by itself only on sites the reader listed; the setting is read here again all the
    // same, for the address the browser names.
    if (auto && !autoCheckFor(await loadSettings(), from.url)) return { outcome: 'nothing' };
    return { outcome: await checks.request(from.tabId, auto) };
  },
  expectGrant: async ({ tabId, origins }) => {
    await checks.expectGrant(tabId, origins);
    return { ok: true };
  },
  cancelCheck: ({ tabId }, from) => {
    const target = from.context === 'content' ? from.tabId : tabId;
    if (target !== undefined) checks.cancel(target);
    return { ok: true };
  },
});

browser.commands.onCommand.addListener((command: string, tab?: Tabs.Tab) => {
  if (command === 'next-claim') void step('next', tab);
  else if (command === 'previous-claim') void step('previous', tab);
  // In the command's own handler: the browser opens a side panel only there.
  else if (command === 'open-side-panel') void openSidePanel(tab?.windowId);
});

const menuHost: MenuHost = {
  pageState: (tabId) => pageStateOf(tabId),
  requestCheck: (tabId, scope) => checks.request(tabId, false, scope),
};
browser.runtime.onInstalled.addListener(() => void createMenus().catch(console.warn));
browser.runtime.onStartup.addListener(() => void createMenus().catch(console.warn));
browser.contextMenus.onClicked.addListener((info, tab) => void onMenuClicked(info, tab, menuHost));

if (TEST_BUILD) {
  // The end-to-end tests cannot click a browser's context menu: they call its handler here (the test build
  // only; the readers' build has no such hook). Chromium's tests reach the service worker's global, Firefox's
  // the event page's, through runtime.getBackgroundPage().
  (globalThis as unknown as { citelensTest: object }).citelensTest = {
    menuClicked: (info: Parameters<typeof onMenuClicked>[0], tab: Tabs.Tab) =>
      onMenuClicked(info, tab, menuHost),
  };
}

browser.tabs.onUpdated.addListener((tabId, change) => {
  // A new document: its content script reports afresh, and a check of the old page is no longer wanted. (Without
  // host permissions `change.url` is withheld, so a load of any kind counts.)
  if (change.status === 'loading') {
    states.delete(tabId);
    checks.forget(tabId);
  }
});
browser.tabs.onRemoved.addListener((tabId) => {
  states.delete(tabId);
  checks.forget(tabId, true);
});
// The browser granted sites: an ask waiting for them goes on, even if the page that asked (a popup that lost its
// focus to the browser's prompt) is gone.
browser.permissions.onAdded.addListener((added) => checks.granted(added.origins ?? []));
// The reader took access back in the browser's settings: the consent CiteLens recorded for those sites goes too.
browser.permissions.onRemoved.addListener((removed) => {
  if (removed.origins?.length) void forgetAllowed(removed.origins).catch(() => {});
});

browser.windows?.onRemoved.addListener((windowId) => checks.windowClosed(windowId));
