/**
 * The context menu: "Show this page's citations" on a page (opens the side panel) and "Check this claim" on
 * selected text or a link (checks the claims the selection touches, or the page's sources at the link's address).
 * The check goes through the same consent flow as the card's "Check sources" (checks.ts, check-flow.ts): sites
 * the reader has not allowed for this page are asked for in the consent window before anything is read.
 */
import browser, { type Menus, type Tabs } from 'webextension-polyfill';
import { type CheckScope, scopeOfClaims, scopeOfLink } from '../core/check/scope';
import { openSidePanel } from '../shared/browser-differences';
import { t } from '../shared/i18n';
import { type CheckRequestOutcome, type PageState, sendToTab } from '../shared/messages';

export const MENU_SHOW_CITATIONS = 'citelens-show-citations';
export const MENU_CHECK_CLAIM = 'citelens-check-claim';

/** Web pages only: CiteLens has no content script anywhere else. */
const PAGES = ['http://*/*', 'https://*/*'];

/** Creates the menu's items (again: at install and at each browser start, where a browser forgets them). */
export async function createMenus(): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({
    id: MENU_SHOW_CITATIONS,
    title: t('menuShowCitations'),
    contexts: ['page'],
    documentUrlPatterns: PAGES,
  });
  browser.contextMenus.create({
    id: MENU_CHECK_CLAIM,
    title: t('menuCheckClaim'),
    contexts: ['selection', 'link'],
    documentUrlPatterns: PAGES,
  });
}

/** What the menu needs of the rest of the background. */
export interface MenuHost {
  pageState(tabId: number): Promise<PageState | null>;
  /** Ask for a check of part of the tab's page, through the consent flow. */
  requestCheck(tabId: number, scope: CheckScope): Promise<CheckRequestOutcome>;
}

/**
 * The part of the page a "Check this claim" names: the claims the selection in the page touches (asked of the
 * content script, which holds the page's ranges), or, on a link, the sources at the link's address.
 */
async function scopeOf(info: Menus.OnClickData, tabId: number, host: MenuHost): Promise<CheckScope | null> {
  const state = await host.pageState(tabId);
  const report = state?.status === 'ready' ? state.report : null;
  if (!report) return null;
  // Only the top frame's selection is the page's (the content script runs there only).
  if (info.selectionText && (info.frameId ?? 0) === 0) {
    const { claimIds } = await sendToTab(tabId, 'selectedClaims', {}).catch(() => ({ claimIds: [] }));
    if (claimIds.length > 0) return scopeOfClaims(report, claimIds);
  }
  if (info.linkUrl) {
    const scope = scopeOfLink(report, info.linkUrl);
    if (scope.claimIds.length > 0) return scope;
  }
  return null;
}

/**
 * The menu's click. Synchronous up to the side panel's opening: the browser opens it only inside the click's
 * own handler. A check opens the card of the first claim it checks. Answers what became of a check (for the
 * tests' hook), or null.
 */
export function onMenuClicked(
  info: Menus.OnClickData,
  tab: Tabs.Tab | undefined,
  host: MenuHost,
): Promise<CheckRequestOutcome | null> {
  if (info.menuItemId === MENU_SHOW_CITATIONS) {
    void openSidePanel(tab?.windowId);
    return Promise.resolve(null);
  }
  if (info.menuItemId !== MENU_CHECK_CLAIM || tab?.id === undefined) return Promise.resolve(null);
  const tabId = tab.id;
  return scopeOf(info, tabId, host).then(async (scope) => {
    if (!scope) return 'nothing';
    const outcome = await host.requestCheck(tabId, scope);
    // The first claim's card opens, where the reader sees the consent asked for, the progress and the verdict.
    const first = scope.claimIds[0];
    if (outcome !== 'nothing' && first !== undefined)
      await sendToTab(tabId, 'showClaim', { claimId: first }).catch(() => {});
    return outcome;
  });
}
