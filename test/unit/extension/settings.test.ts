import { describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => ({ default: {} }));

const { activityFor, DEFAULT_SETTINGS, highlightCss, normaliseSettings, siteOf } = await import(
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
        activeColour: '#112233',
      }),
    ).toEqual({ ...DEFAULT_SETTINGS, disabledSites: ['a.org'], activeColour: '#112233' });
  });

  it('is off per site (www. or not) and everywhere', () => {
    const s = { ...DEFAULT_SETTINGS, disabledSites: ['example.org'] };
    expect(siteOf('https://www.example.org/a')).toBe('example.org');
    expect(activityFor(s, 'https://www.example.org/a')).toBe('disabled-site');
    expect(activityFor(s, 'https://news.example.org/a')).toBe('on');
    expect(activityFor({ ...s, enabled: false }, 'https://other.org/')).toBe('disabled-everywhere');
  });

  it('styles both highlight names, translucent so the page keeps its text colour', () => {
    const underline = highlightCss(DEFAULT_SETTINGS);
    expect(underline).toContain('::highlight(citelens-claim)');
    expect(underline).toContain('::highlight(citelens-active)');
    expect(underline).toContain('text-decoration: underline');
    expect(underline).not.toMatch(/(^|[;{ ])color:/);
    const background = highlightCss({
      ...DEFAULT_SETTINGS,
      highlightStyle: 'background',
      claimColour: '#ff0000',
    });
    expect(background).toContain('::highlight(citelens-claim) { background-color: rgba(255, 0, 0, 0.3); }');
  });
});
