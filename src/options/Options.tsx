/** The options page: on or off everywhere, sites where CiteLens stays off, highlight style and colours. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import {
  DEFAULT_SETTINGS,
  HIGHLIGHT,
  type HighlightStyle,
  highlightCss,
  loadSettings,
  type Settings,
  saveSettings,
  siteOf,
  watchSettings,
} from '../shared/settings';

/** "https://www.example.com/x" or "example.com" → "example.com". */
function siteFromInput(input: string): string {
  const trimmed = input.trim();
  if (!trimmed) return '';
  return siteOf(/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
}

export function Options() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [saved, setSaved] = useState(false);
  const [site, setSite] = useState('');

  useEffect(() => {
    void loadSettings().then(setSettings);
    return watchSettings(setSettings);
  }, []);

  if (!settings) return null;

  const update = (patch: Partial<Settings>) => {
    setSettings({ ...settings, ...patch });
    void saveSettings(patch).then(() => {
      setSaved(true);
      setTimeout(() => setSaved(false), 1500);
    });
  };

  const addSite = (event: Event) => {
    event.preventDefault();
    const host = siteFromInput(site);
    if (host && !settings.disabledSites.includes(host))
      update({ disabledSites: [...settings.disabledSites, host] });
    setSite('');
  };

  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>

      <label class="row">
        <input
          type="checkbox"
          name="enabled"
          checked={settings.enabled}
          onChange={(e) => update({ enabled: e.currentTarget.checked })}
        />
        <span>{t('optionsEnabled')}</span>
      </label>

      <section>
        <h2>{t('optionsSitesHeading')}</h2>
        {settings.disabledSites.length === 0 ? (
          <p class="muted">{t('optionsSitesEmpty')}</p>
        ) : (
          <ul class="sites">
            {settings.disabledSites.map((host) => (
              <li key={host}>
                <span>{host}</span>
                <button
                  type="button"
                  onClick={() => update({ disabledSites: settings.disabledSites.filter((h) => h !== host) })}
                >
                  {t('optionsSitesRemove', host)}
                </button>
              </li>
            ))}
          </ul>
        )}
        <form class="row" onSubmit={addSite}>
          <input
            type="text"
            name="site"
            value={site}
            placeholder={t('optionsSitesPlaceholder')}
            aria-label={t('optionsSitesField')}
            onInput={(e) => setSite(e.currentTarget.value)}
          />
          <button type="submit">{t('optionsSitesAdd')}</button>
        </form>
      </section>

      <section>
        <h2>{t('optionsStyleHeading')}</h2>
        <div class="row" role="radiogroup" aria-label={t('optionsStyleHeading')}>
          {(['underline', 'background'] as HighlightStyle[]).map((style) => (
            <label key={style} class="choice">
              <input
                type="radio"
                name="style"
                value={style}
                checked={settings.highlightStyle === style}
                onChange={() => update({ highlightStyle: style })}
              />
              <span>{t(style === 'underline' ? 'optionsStyleUnderline' : 'optionsStyleBackground')}</span>
            </label>
          ))}
        </div>
        <label class="row">
          <input
            type="color"
            name="claimColour"
            value={settings.claimColour}
            onChange={(e) => update({ claimColour: e.currentTarget.value })}
          />
          <span>{t('optionsClaimColour')}</span>
        </label>
        <label class="row">
          <input
            type="color"
            name="activeColour"
            value={settings.activeColour}
            onChange={(e) => update({ activeColour: e.currentTarget.value })}
          />
          <span>{t('optionsActiveColour')}</span>
        </label>
      </section>

      <section>
        <h2>{t('optionsPreviewHeading')}</h2>
        <Preview settings={settings} />
      </section>

      <div class="row">
        <button
          type="button"
          onClick={() => update({ ...DEFAULT_SETTINGS, disabledSites: settings.disabledSites })}
        >
          {t('optionsReset')}
        </button>
        <span class="saved" aria-live="polite">
          {saved ? t('optionsSaved') : ''}
        </span>
      </div>
    </main>
  );
}

/** The sample paragraph marked with the very highlights and rules the pages get. */
function Preview({ settings }: { settings: Settings }) {
  const paragraph = useRef<HTMLParagraphElement>(null);
  const style = useRef<HTMLStyleElement>(null);

  useEffect(() => {
    if (style.current) style.current.textContent = highlightCss(settings);
    const text = paragraph.current?.firstChild;
    if (!(text instanceof Text) || typeof Highlight !== 'function') return;
    // The sample's cited sentences are the ones with a bracket; the first is shown as the one whose card is open.
    const ranges: Range[] = [];
    for (const match of text.data.matchAll(/[^.]*\[\d+\]\./g)) {
      const range = document.createRange();
      const start = match.index + (match[0].length - match[0].trimStart().length);
      range.setStart(text, start);
      range.setEnd(text, match.index + match[0].length);
      ranges.push(range);
    }
    CSS.highlights.set(HIGHLIGHT.claim, new Highlight(...ranges.slice(1)));
    const active = new Highlight(...ranges.slice(0, 1));
    active.priority = 1;
    CSS.highlights.set(HIGHLIGHT.active, active);
  }, [settings]);

  return (
    <div class="preview">
      <style ref={style} />
      <p ref={paragraph}>{t('optionsPreviewText')}</p>
    </div>
  );
}
