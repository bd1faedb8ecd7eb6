/**
 * The popup's way to the side panel: the whole report, kept open beside the page. The browser opens a side panel
 * only inside the reader's click, so the window is looked up when the popup opens and the click opens the panel
 * at once, before anything is awaited.
 */
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { openSidePanel } from '../shared/browser-differences';
import { t } from '../shared/i18n';

export function SidePanelButton({ closeAfter }: { closeAfter: boolean }) {
  const [windowId, setWindowId] = useState<number | undefined>(undefined);
  useEffect(() => {
    void browser.windows?.getCurrent().then(
      (w) => setWindowId(w.id),
      () => {},
    );
  }, []);
  return (
    <button
      type="button"
      class="link"
      data-open="side-panel"
      onClick={() => {
        void openSidePanel(windowId).then(() => {
          if (closeAfter) window.close();
        });
      }}
    >
      {t('popupOpenSidePanel')}
    </button>
  );
}
