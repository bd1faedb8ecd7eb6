/**
 * The options page: on or off everywhere, sites where CiteLens stays off, sites whose sources it checks without
 * being asked, highlight style and colours.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import {
  CLAIM_STATES,
  type ClaimState,
  highlightName,
  PALETTE,
  PALETTE_KEYS,
  type PaletteKey,
  paintedState,
} from '../shared/highlight-style';
import { type MessageKey, t } from '../shared/i18n';
import {
  DEFAULT_SETTINGS,
  type HighlightStyle,
  loadSettings,
  type Settings,
  saveSettings,
  siteOf,
  watchSettings,
} from '../shared/settings';
// The very stylesheet the pages get, so the preview shows what the reader will see.
import '../content/highlights.generated.css';

/** "https://www.example.com/x" or "example.com" → "example.com". */
function siteFromInput(input: string): string {
  const trimmed = input.trim();
  if (!trimmed) return '';
  return siteOf(/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
}

const COLOUR_NAME: Record<PaletteKey, MessageKey> = {
  amber: 'colourAmber',
  blue: 'colourBlue',
  teal: 'colourTeal',
  purple: 'colourPurple',
  pink: 'colourPink',
  slate: 'colourSlate',
};

export function Options() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [saved, setSaved] = useState(false);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    void loadSettings().then(setSettings);
    return watchSettings(setSettings);
  }, []);

  if (!settings) return null;

  const update = (patch: Partial<Settings>) => {
    const before = settings;
    setSettings({ ...settings, ...patch });
    setFailed(false);
    void saveSettings(patch).then(
      () => {
        setSaved(true);
        setTimeout(() => setSaved(false), 1500);
      },
      (error: unknown) => {
        // Nothing was written: show what is kept, and say why.
        setSettings(before);
        setFailed(true);
        console.warn('CiteLens: settings not saved:', error);
      },
    );
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
        <SiteList
          name="site"
          sites={settings.disabledSites}
          empty={t('optionsSitesEmpty')}
          field={t('optionsSitesField')}
          onChange={(disabledSites) => update({ disabledSites })}
        />
      </section>

      <section>
        <h2>{t('optionsAutoCheckHeading')}</h2>
        <p class="muted">{t('optionsAutoCheckBody')}</p>
        <SiteList
          name="autoCheckSite"
          sites={settings.autoCheckSites}
          empty={t('optionsAutoCheckEmpty')}
          field={t('optionsAutoCheckField')}
          onChange={(autoCheckSites) => update({ autoCheckSites })}
        />
      </section>

      <section>
        <h2>{t('optionsLinkedHeading')}</h2>
        <label class="row">
          <input
            type="checkbox"
            name="linkedClaims"
            checked={settings.linkedClaims}
            onChange={(e) => update({ linkedClaims: e.currentTarget.checked })}
          />
          <span>{t('optionsLinkedClaims')}</span>
        </label>
        <p class="muted">{t('optionsLinkedClaimsBody')}</p>
        <label class="row">
          <input
            type="checkbox"
            name="countOwnSiteLinks"
            checked={settings.countOwnSiteLinks}
            disabled={!settings.linkedClaims}
            onChange={(e) => update({ countOwnSiteLinks: e.currentTarget.checked })}
          />
          <span>{t('optionsOwnSiteLinks')}</span>
        </label>
        <p class="muted">{t('optionsOwnSiteLinksBody')}</p>
      </section>

      <section>
        <h2>{t('optionsMarkersHeading')}</h2>
        <label class="row">
          <input
            type="checkbox"
            name="markerOpensCard"
            checked={settings.markerOpensCard}
            onChange={(e) => update({ markerOpensCard: e.currentTarget.checked })}
          />
          <span>{t('optionsMarkerOpensCard')}</span>
        </label>
        <p class="muted">{t('optionsMarkerOpensCardBody')}</p>
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
            type="checkbox"
            name="verdictHighlights"
            checked={settings.verdictHighlights}
            onChange={(e) => update({ verdictHighlights: e.currentTarget.checked })}
          />
          <span>{t('optionsVerdictHighlights')}</span>
        </label>
        <p class="muted">{t('optionsVerdictHighlightsBody')}</p>
        <Swatches
          name="claimColour"
          label={t('optionsClaimColour')}
          value={settings.claimColour}
          onChange={(claimColour) => update({ claimColour })}
        />
        <Swatches
          name="activeColour"
          label={t('optionsActiveColour')}
          value={settings.activeColour}
          onChange={(activeColour) => update({ activeColour })}
        />
      </section>

      <section>
        <h2>{t('optionsPreviewHeading')}</h2>
        <Preview settings={settings} />
      </section>

      <div class="row">
        <button
          type="button"
          onClick={() =>
            update({
              ...DEFAULT_SETTINGS,
              disabledSites: settings.disabledSites,
              autoCheckSites: settings.autoCheckSites,
            })
          }
        >
          {t('optionsReset')}
        </button>
        <span class="saved" aria-live="polite">
          {saved ? t('optionsSaved') : ''}
        </span>
      </div>
      {failed && (
        <p class="not-saved" role="alert">
          {t('settingsTooLarge')}
        </p>
      )}
    </main>
  );
}

interface SiteListProps {
  name: string;
  sites: string[];
  empty: string;
  field: string;
  onChange(sites: string[]): void;
}

function SiteList({ name, sites, empty, field, onChange }: SiteListProps) {
  const [site, setSite] = useState('');
  const add = (event: Event) => {
    event.preventDefault();
    const host = siteFromInput(site);
    if (host && !sites.includes(host)) onChange([...sites, host]);
    setSite('');
  };
  return (
    <>
      {sites.length === 0 ? (
        <p class="muted">{empty}</p>
      ) : (
        <ul class="sites" data-list={name}>
          {sites.map((host) => (
            <li key={host}>
              <span>{host}</span>
              <button type="button" onClick={() => onChange(sites.filter((h) => h !== host))}>
                {t('optionsSitesRemove', host)}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="row" onSubmit={add}>
        <input
          type="text"
          name={name}
          value={site}
          placeholder={t('optionsSitesPlaceholder')}
          aria-label={field}
          onInput={(e) => setSite(e.currentTarget.value)}
        />
        <button type="submit">{t('optionsSitesAdd')}</button>
      </form>
    </>
  );
}

/** The palette as radio buttons: the highlight rules are fixed at build time, so colours come from it. */
function Swatches(props: {
  name: string;
  label: string;
  value: PaletteKey;
  onChange(key: PaletteKey): void;
}) {
  return (
    <div class="row swatches" role="radiogroup" aria-label={props.label}>
      <span class="swatches-label">{props.label}</span>
      {PALETTE_KEYS.map((key) => (
        <label key={key} class="swatch" title={t(COLOUR_NAME[key])}>
          <input
            type="radio"
            name={props.name}
            value={key}
            checked={props.value === key}
            onChange={() => props.onChange(key)}
          />
          <span class="chip" style={{ background: PALETTE[key] }} aria-hidden="true" />
          <span class="visually-hidden">{t(COLOUR_NAME[key])}</span>
        </label>
      ))}
    </div>
  );
}

/**
 * The sample paragraph marked with the very highlight names and rules the pages get: the first cited sentence
 * as the one whose card is open, the second as not yet checked, then each verdict on a sentence of its own
 * (painted as plain claims unless verdict colouring is on, as on the pages).
 */
function Preview({ settings }: { settings: Settings }) {
  const paragraph = useRef<HTMLParagraphElement>(null);
  const linked = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    const text = paragraph.current?.firstChild;
    if (!(text instanceof Text) || typeof Highlight !== 'function') return;
    const ranges: Range[] = [];
    for (const match of text.data.matchAll(/[^.]*\[\d+\]\./g)) {
      const range = document.createRange();
      const start = match.index + (match[0].length - match[0].trimStart().length);
      range.setStart(text, start);
      range.setEnd(text, match.index + match[0].length);
      ranges.push(range);
    }
    for (const name of [...CSS.highlights.keys()])
      if (name.startsWith('citelens-')) CSS.highlights.delete(name);
    const states: ClaimState[] = ['claim', ...CLAIM_STATES];
    const byName = new Map<string, Range[]>();
    ranges.forEach((range, i) => {
      const state = states[Math.min(i, states.length - 1)] as ClaimState;
      const name = highlightName(paintedState(state, settings.verdictHighlights), settings);
      byName.set(name, [...(byName.get(name) ?? []), range]);
    });
    // The linked sentence, under the linked claims' own mark (when the reader has them on).
    if (settings.linkedClaims && linked.current) {
      const range = document.createRange();
      range.selectNodeContents(linked.current);
      const name = highlightName(paintedState('claim', settings.verdictHighlights, 'linked'), settings);
      byName.set(name, [...(byName.get(name) ?? []), range]);
    }
    for (const [name, list] of byName) {
      const highlight = new Highlight();
      for (const range of list) highlight.add(range);
      CSS.highlights.set(name, highlight);
    }
    const active = new Highlight();
    if (ranges[0]) active.add(ranges[0]);
    active.priority = 1;
    CSS.highlights.set(highlightName('active', settings), active);
  }, [settings]);

  return (
    <div class="preview">
      <p ref={paragraph}>{t('optionsPreviewText')}</p>
      <p ref={linked} class="preview-linked">
        {t('optionsPreviewLinkedBefore')}
        <span class="preview-link">{t('optionsPreviewLinkedLink')}</span>
        {t('optionsPreviewLinkedAfter')}
      </p>
    </div>
  );
}
