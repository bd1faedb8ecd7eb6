/**
 * The consent window. A content script cannot ask for permissions, and `permissions.request` needs a click in
 * an extension page, so the card's "Check sources" opens this small extension page: it names the sites the
 * sources live on, and its button asks the browser for them and starts the check, in the reader's own click.
 */
import browser from 'webextension-polyfill';

export const CONSENT_PAGE = 'src/consent/index.html';

/** Opens the consent page for a tab; answers the new window's id (null when it opened as a tab). */
export async function openConsentWindow(tabId: number): Promise<number | null> {
  const url = browser.runtime.getURL(`${CONSENT_PAGE}?tab=${tabId}`);
  try {
    const created = await browser.windows.create({ url, type: 'popup', width: 440, height: 560 });
    return created.id ?? null;
  } catch {
    // Where there are no windows to open (Firefox for Android), a tab does.
    await browser.tabs.create({ url });
    return null;
  }
}
