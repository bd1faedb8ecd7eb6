/**
 * The background: per-tab state, the toolbar badge, the keyboard commands and the messages addressed to it.
 * It keeps state in memory only; the content script is the source of truth and is asked again when the
 * background has been stopped and restarted (a service worker in Chrome, an event page in Firefox).
 */
import browser, { type Tabs } from 'webextension-polyfill';
import { isRestrictedUrl } from '../shared/browser-differences';
import {
  handleMessages,
  type PageState,
  type StepDirection,
  sendToTab,
  type TabView,
} from '../shared/messages';
import { siteOf } from '../shared/settings';

const states = new Map<number, PageState>();

const BADGE_COLOUR = '#8a5a00';

function remember(tabId: number, state: PageState): void {
  states.set(tabId, state);
  const count = state.report?.claims.length ?? 0;
  const text = state.status === 'ready' && count > 0 ? (count > 999 ? '999+' : String(count)) : '';
  void browser.action.setBadgeText({ tabId, text }).catch(() => {});
  if (text) void browser.action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOUR }).catch(() => {});
}

function viewOf(state: PageState): TabView {
  switch (state.status) {
    case 'scanning':
      return { kind: 'loading' };
    case 'disabled-site':
      return { kind: 'disabled', scope: 'site', host: siteOf(state.url) };
    case 'disabled-everywhere':
      return { kind: 'disabled', scope: 'everywhere', host: siteOf(state.url) };
    case 'ready':
      return state.report ? { kind: 'report', url: state.url, report: state.report } : { kind: 'loading' };
  }
}

async function tabView(tabId: number): Promise<TabView> {
  let tab: Tabs.Tab;
  try {
    tab = await browser.tabs.get(tabId);
  } catch {
    return { kind: 'restricted' };
  }
  if (isRestrictedUrl(tab.url)) return { kind: 'restricted' };
  const known = states.get(tabId);
  if (known && known.status !== 'scanning') return viewOf(known);
  try {
    const state = await sendToTab(tabId, 'getPageState', {});
    remember(tabId, state);
    return viewOf(state);
  } catch {
    // No content script answers: the page is still loading, or was open before CiteLens was installed.
    return tab.status === 'loading' ? { kind: 'loading' } : { kind: 'unreachable' };
  }
}

/**
 * The `::highlight()` rules go in as a browser-managed stylesheet: nothing is added to the page's DOM (Firefox
 * also refuses `adoptedStyleSheets` from content scripts). The content script says which sheet it had before.
 */
async function applyStyle(
  tabId: number,
  frameId: number,
  css: string,
  previous: string | null,
): Promise<void> {
  const target = { tabId, frameIds: [frameId] };
  await browser.scripting.insertCSS({ target, css });
  if (previous !== null && previous !== css) await browser.scripting.removeCSS({ target, css: previous });
}

async function step(direction: StepDirection, tab: Tabs.Tab | undefined): Promise<void> {
  const target =
    tab?.id !== undefined ? tab : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  if (target?.id === undefined) return;
  await sendToTab(target.id, 'step', { direction }).catch(() => {}); // a page without CiteLens: nothing to do
}

handleMessages({
  pageState: (state, sender) => {
    const tabId = sender.tab?.id;
    if (tabId !== undefined && sender.frameId === 0) remember(tabId, state);
    return { ok: true };
  },
  applyStyle: async ({ css, previous }, sender) => {
    const tabId = sender.tab?.id;
    if (tabId !== undefined) await applyStyle(tabId, sender.frameId ?? 0, css, previous);
    return { ok: true };
  },
  tabView: ({ tabId }) => tabView(tabId),
});

browser.commands.onCommand.addListener((command: string, tab?: Tabs.Tab) => {
  if (command === 'next-claim') void step('next', tab);
  else if (command === 'previous-claim') void step('previous', tab);
});

browser.tabs.onUpdated.addListener((tabId, change) => {
  // A new document (or a new address in the same one): its content script reports afresh.
  if (change.status === 'loading' && change.url !== undefined) states.delete(tabId);
});
browser.tabs.onRemoved.addListener((tabId) => states.delete(tabId));
