import { beforeEach, describe, expect, it, vi } from 'vitest';

/** storage.sync as Chrome keeps it: each item's key and JSON within 8192 bytes, 102400 bytes in all. */
const sync = new Map<string, unknown>();
const size = (key: string, value: unknown) => new TextEncoder().encode(key + JSON.stringify(value)).length;
vi.stubGlobal('chrome', {
  storage: {
    sync: {
      get: async () => Object.fromEntries(structuredClone([...sync])),
      set: async (items: Record<string, unknown>) => {
        for (const [k, v] of Object.entries(items))
          if (size(k, v) > 8192) throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
        const after = new Map([...sync, ...Object.entries(structuredClone(items))]);
        if ([...after].reduce((n, [k, v]) => n + size(k, v), 0) > 102_400)
          throw new Error('QUOTA_BYTES quota exceeded');
        for (const [k, v] of Object.entries(structuredClone(items))) sync.set(k, v);
      },
      remove: async (keys: string[]) => {
        for (const k of keys) sync.delete(k);
      },
    },
  },
});

const {
  activityFor,
  autoCheckFor,
  DEFAULT_SETTINGS,
  listItems,
  loadSettings,
  normaliseSettings,
  saveSettings,
  SettingsTooLarge,
  siteOf,
} = await import('../../../src/shared/settings');

describe('settings', () => {
  it('keeps only well-formed stored values', () => {
    expect(normaliseSettings({})).toEqual(DEFAULT_SETTINGS);
    expect(
      normaliseSettings({
        enabled: 'yes',
        disabledSites: ['a.org', 3, ''],
        highlightStyle: 'blink',
        claimColour: 'red',
        activeColour: 'blue',
      }),
    ).toEqual({ ...DEFAULT_SETTINGS, disabledSites: ['a.org'] });
  });

  it('paints no verdicts on the page unless the reader turned it on (the page can read highlight names)', () => {
    expect(DEFAULT_SETTINGS.verdictHighlights).toBe(false);
    expect(normaliseSettings({ verdictHighlights: 'yes' }).verdictHighlights).toBe(false);
    expect(normaliseSettings({ verdictHighlights: true }).verdictHighlights).toBe(true);
  });

  it('opens the card on a marker click by default; the switch reads like the others', () => {
    expect(DEFAULT_SETTINGS.markerOpensCard).toBe(true);
    expect(normaliseSettings({ markerOpensCard: false }).markerOpensCard).toBe(false);
    expect(normaliseSettings({ markerOpensCard: 'false' }).markerOpensCard).toBe(false);
    const problems: string[] = [];
    expect(normaliseSettings({ markerOpensCard: 'perhaps' }, problems).markerOpensCard).toBe(true);
    expect(problems).toEqual(['markerOpensCard: "perhaps" is not true or false']);
  });

  it('finds linked claims by default, not links to the page’s own site; both read like the other switches', () => {
    expect(DEFAULT_SETTINGS.linkedClaims).toBe(true);
    expect(DEFAULT_SETTINGS.countOwnSiteLinks).toBe(false);
    expect(normaliseSettings({ linkedClaims: false, countOwnSiteLinks: true })).toMatchObject({
      linkedClaims: false,
      countOwnSiteLinks: true,
    });
    // An older or hand-edited value keeps the reader's choice; what cannot be read is named and left at default.
    expect(normaliseSettings({ linkedClaims: 'false', countOwnSiteLinks: 1 })).toMatchObject({
      linkedClaims: false,
      countOwnSiteLinks: true,
    });
    const problems: string[] = [];
    const s = normaliseSettings({ linkedClaims: 'maybe', countOwnSiteLinks: [] }, problems);
    expect(s.linkedClaims).toBe(true);
    expect(s.countOwnSiteLinks).toBe(false);
    expect(problems).toEqual([
      'linkedClaims: "maybe" is not true or false',
      'countOwnSiteLinks: [] is not true or false',
    ]);
  });

  it('is off per site (www. or not) and everywhere', () => {
    const s = { ...DEFAULT_SETTINGS, disabledSites: ['example.org'] };
    expect(siteOf('https://www.example.org/a')).toBe('example.org');
    expect(activityFor(s, 'https://www.example.org/a')).toBe('disabled-site');
    expect(activityFor(s, 'https://news.example.org/a')).toBe('on');
    expect(activityFor({ ...s, enabled: false }, 'https://other.org/')).toBe('disabled-everywhere');
  });

  it('checks sources automatically only on the sites the reader listed', () => {
    const s = normaliseSettings({ autoCheckSites: ['news.example', 7] });
    expect(s.autoCheckSites).toEqual(['news.example']);
    expect(autoCheckFor(s, 'https://www.news.example/story')).toBe(true);
    expect(autoCheckFor(s, 'https://other.example/story')).toBe(false);
    expect(autoCheckFor(DEFAULT_SETTINGS, 'https://news.example/')).toBe(false);
  });

  it('keeps palette colours, and maps colours stored before the palette to the nearest entry', () => {
    expect(normaliseSettings({ claimColour: 'teal', activeColour: 'nope' })).toMatchObject({
      claimColour: 'teal',
      activeColour: 'blue',
    });
    expect(normaliseSettings({ claimColour: '#e8a317', activeColour: '#ff0099' })).toMatchObject({
      claimColour: 'amber',
      activeColour: 'pink',
    });
  });

  it('keeps the reader’s sites when a list is stored with the wrong type, and names what it could not read', () => {
    const problems: string[] = [];
    // A list that came back as an object, a string, a list with a stray entry: the sites stay off.
    expect(normaliseSettings({ disabledSites: { 0: 'a.org', 1: 'b.org' } }, problems).disabledSites).toEqual([
      'a.org',
      'b.org',
    ]);
    expect(normaliseSettings({ disabledSites: 'a.org, b.org' }).disabledSites).toEqual(['a.org', 'b.org']);
    expect(normaliseSettings({ disabledSites: ['a.org', null, 'b.org'] }, problems).disabledSites).toEqual([
      'a.org',
      'b.org',
    ]);
    // Off everywhere, stored as a string or a number: still off.
    expect(normaliseSettings({ enabled: 'false' }).enabled).toBe(false);
    expect(normaliseSettings({ enabled: 0 }).enabled).toBe(false);
    expect(normaliseSettings({ enabled: { no: 1 } }, problems).enabled).toBe(true);
    expect(normaliseSettings({ disabledSites: 42 }, problems).disabledSites).toEqual([]);
    expect(problems).toEqual([
      'disabledSites: an object instead of a list, read as its values',
      'disabledSites: 1 entries that are not host names',
      'enabled: {"no":1} is not true or false',
      'disabledSites: number instead of a list of host names',
    ]);
  });

  it('splits a long list of sites over items within storage.sync’s per-item quota', () => {
    const hosts = Array.from({ length: 1200 }, (_, i) => `site-number-${i}.example.org`);
    const items = listItems('disabledSites', hosts);
    expect(Object.keys(items).length).toBeGreaterThan(3);
    for (const [key, value] of Object.entries(items)) expect(size(key, value)).toBeLessThanOrEqual(8192);
    expect(normaliseSettings(items).disabledSites).toEqual(hosts);
    expect(listItems('disabledSites', [])).toEqual({ disabledSites: [] });
  });

  describe('writing', () => {
    beforeEach(() => sync.clear());

    it('keeps a site added past the per-item quota, and drops the items a shorter list no longer needs', async () => {
      const hosts = Array.from({ length: 600 }, (_, i) => `site-number-${i}.example.org`);
      await saveSettings({ disabledSites: hosts, enabled: false });
      // One item could not hold them (the write threw before, and the site was lost on reload).
      expect(size('disabledSites', hosts)).toBeGreaterThan(8192);
      expect((await loadSettings()).disabledSites).toEqual(hosts);
      await saveSettings({ disabledSites: [...hosts, 'one-more.example'] });
      expect((await loadSettings()).disabledSites.at(-1)).toBe('one-more.example');
      await saveSettings({ disabledSites: ['only.example'] });
      expect([...sync.keys()].filter((k) => k.startsWith('disabledSites'))).toEqual(['disabledSites']);
      expect(await loadSettings()).toMatchObject({ disabledSites: ['only.example'], enabled: false });
    });

    it('says so, and changes nothing, when the settings would not fit in storage.sync at all', async () => {
      await saveSettings({ disabledSites: ['kept.example'] });
      const tooMany = Array.from({ length: 5000 }, (_, i) => `a-rather-long-site-name-${i}.example.org`);
      await expect(saveSettings({ disabledSites: tooMany })).rejects.toBeInstanceOf(SettingsTooLarge);
      expect((await loadSettings()).disabledSites).toEqual(['kept.example']);
    });
  });
});
