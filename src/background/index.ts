/**
 * The background: per-tab state, the toolbar badge, the keyboard commands, source checks and the messages
 * addressed to it. It keeps state in memory only; the content script is the source of truth and is asked again
 * when the background has been stopped and restarted (a service worker in Chrome, an event page in Firefox).
 */
import browser, { type Tabs } from 'webextension-polyfill';
import { isRestrictedUrl } from '../shared/browser-differences';
import {
  type CheckRequestOutcome,
  type CheckState,
  handleMessages,
  type PageState,
  type StepDirection,
  sendToTab,
  type TabView,
} from '../shared/messages';
import { grantedOrigins, sourceOrigins } from '../shared/permissions';
import { autoCheckFor, loadSettings, siteOf } from '../shared/settings';
import { Checks } from './checks';
import { openConsentWindow } from './consent';

const states = new Map<number, PageState>();
const checks = new Checks((tabId, state) => tellCheck(tabId, state));
/** Open consent windows, and the tab each one is for. */
const consentWindows = new Map<number, number>();
/** Tabs whose popup asked the browser for the sources' sites in the last minute, and when. */
const expectingGrant = new Map<number, number>();
const GRANT_WAIT_MS = 60_000;

const BADGE_COLOUR = '#8a5a00';

function remember(tabId: number, state: PageState): void {
  states.set(tabId, state);
  const count = state.report?.claims.length ?? 0;
  const text = state.status === 'ready' && count > 0 ? (count > 999 ? '999+' : String(count)) : '';
  void browser.action.setBadgeText({ tabId, text }).catch(() => {});
  if (text) void browser.action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOUR }).catch(() => {});
}

function tellCheck(tabId: number, state: CheckState): void {
  void sendToTab(tabId, 'checkState', state).catch(() => {}); // the page may have gone meanwhile
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

/** What the tab's content script last said, asking it again when the background has forgotten. */
async function pageStateOf(tabId: number): Promise<PageState | null> {
  const known = states.get(tabId);
  if (known && known.status !== 'scanning') return known;
  try {
    const state = await sendToTab(tabId, 'getPageState', {});
    remember(tabId, state);
    return state;
  } catch {
    return null;
  }
}

/**
 * The card's "Check sources", or an automatic check. When every source's site is allowed it starts at once;
 * otherwise the card cannot ask (content scripts have no permissions API and the request needs a click in an
 * extension page), so the consent window opens and its button asks and starts the check.
 */
async function requestCheck(tabId: number, auto: boolean): Promise<CheckRequestOutcome> {
  const state = await pageStateOf(tabId);
  if (!state?.report || state.status !== 'ready') return 'nothing';
  if (auto) {
    // The content script asks only on sites the reader allowed; the setting is read here again all the same.
    if (!autoCheckFor(await loadSettings(), state.url)) return 'nothing';
    return checks.start(tabId, state.url, state.report, true);
  }
  const origins = sourceOrigins(state.report);
  if (origins.length === 0) return 'nothing';
  if ((await grantedOrigins(origins)).size === origins.length)
    return checks.start(tabId, state.url, state.report, false);
  checks.awaitConsent(tabId, state.url);
  const windowId = await openConsentWindow(tabId);
  if (windowId !== null) consentWindows.set(windowId, tabId);
  return 'consent';
}

async function startCheck(tabId: number): Promise<CheckRequestOutcome> {
  const state = await pageStateOf(tabId);
  if (!state?.report || state.status !== 'ready') return 'nothing';
  return checks.start(tabId, state.url, state.report, false);
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
  startCheck: async ({ tabId }) => ({ outcome: await startCheck(tabId) }),
  requestCheck: async ({ auto }, from) => ({ outcome: await requestCheck(from.tabId, auto) }),
  expectGrant: ({ tabId }) => {
    expectingGrant.set(tabId, Date.now());
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
});

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
  checks.forget(tabId);
});
// The reader granted sites: start the checks that were waiting for it, even if the page that asked (a popup
// that lost its focus to the browser's prompt) is gone.
browser.permissions.onAdded.addListener(() => {
  const now = Date.now();
  const waiting = new Set<number>();
  for (const [tabId, at] of expectingGrant) if (now - at < GRANT_WAIT_MS) waiting.add(tabId);
  expectingGrant.clear();
  for (const tabId of consentWindows.values()) if (checks.awaitsConsent(tabId)) waiting.add(tabId);
  for (const tabId of waiting) void startCheck(tabId).catch(() => {});
});

browser.windows?.onRemoved.addListener((windowId) => {
  const tabId = consentWindows.get(windowId);
  if (tabId === undefined) return;
  consentWindows.delete(windowId);
  checks.consentClosed(tabId);
});
