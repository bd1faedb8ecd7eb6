import { describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => ({ default: {} }));

const { activityFor, autoCheckFor, DEFAULT_SETTINGS, normaliseSettings, siteOf } = await import(
  '../../../src/shared/settings'
);

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
});
