import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  allHighlightNames,
  claimKind,
  highlightName,
  highlightStylesheet,
  PALETTE_KEYS,
  paintedState,
} from '../../../src/shared/highlight-style';

const defaults = { highlightStyle: 'underline', claimColour: 'amber', activeColour: 'blue' } as const;

describe('highlight names and their stylesheet', () => {
  it('gives the defaults the bare names and every other choice a name of its own', () => {
    expect(highlightName('claim', defaults)).toBe('citelens-claim');
    expect(highlightName('active', defaults)).toBe('citelens-active');
    expect(highlightName('supported', defaults)).toBe('citelens-supported');
    expect(highlightName('unsupported', defaults)).toBe('citelens-unsupported');
    expect(highlightName('claim', { ...defaults, highlightStyle: 'background' })).toBe('citelens-claim-bg');
    expect(highlightName('claim', { ...defaults, claimColour: 'teal' })).toBe('citelens-claim-teal');
    expect(highlightName('partial', { ...defaults, highlightStyle: 'background', claimColour: 'teal' })).toBe(
      'citelens-partial-bg',
    );
    expect(highlightName('active', { ...defaults, activeColour: 'pink' })).toBe('citelens-active-pink');
  });

  it('paints every claim under the neutral name unless verdict colouring is on', () => {
    for (const state of ['claim', 'supported', 'partial', 'unsupported', 'unavailable'] as const) {
      expect(highlightName(paintedState(state, false), defaults)).toBe('citelens-claim');
      expect(highlightName(paintedState(state, true), defaults)).toBe(`citelens-${state}`);
    }
  });

  it('gives a claim that only links its own quieter mark; a claim with a marker stays a marker claim', () => {
    const linkedOnly = { markers: [], links: [{}] };
    const both = { markers: [{}], links: [{}] };
    expect(claimKind(linkedOnly)).toBe('linked');
    expect(claimKind(both)).toBe('marker');
    expect(claimKind({ markers: [{}] })).toBe('marker');
    expect(highlightName(paintedState('claim', false, 'linked'), defaults)).toBe('citelens-linked');
    // Verdicts stay neutral by default for linked claims too; with verdict colouring on they share the verdicts' names.
    expect(highlightName(paintedState('supported', false, 'linked'), defaults)).toBe('citelens-linked');
    expect(highlightName(paintedState('supported', true, 'linked'), defaults)).toBe('citelens-supported');
    expect(highlightName(paintedState('claim', true, 'linked'), defaults)).toBe('citelens-linked');
    expect(highlightName('linked', { ...defaults, highlightStyle: 'background', claimColour: 'teal' })).toBe(
      'citelens-linked-teal-bg',
    );
    const css = highlightStylesheet();
    const rule = (name: string) => css.slice(css.indexOf(`::highlight(${name}) {`)).split('}')[0] ?? '';
    expect(rule('citelens-linked')).toContain('underline dotted');
    expect(rule('citelens-linked')).not.toContain('background-color');
    expect(rule('citelens-claim')).toContain('underline solid');
  });

  it('styles every name it can register, with translucent marks that leave the text colour alone', () => {
    const css = highlightStylesheet();
    const names = allHighlightNames();
    // Claim and linked claim per style and colour, four verdicts per style, active and hover per colour.
    expect(names.length).toBe(2 * 2 * PALETTE_KEYS.length + 2 * 4 + 2 * PALETTE_KEYS.length);
    for (const name of names) {
      expect(name.startsWith('citelens-')).toBe(true);
      expect(css).toContain(`::highlight(${name}) {`);
    }
    expect(css).not.toMatch(/(^|[;{\s])color:/);
    expect(css).toContain('underline wavy');
  });

  it('is the stylesheet the manifest declares with the content script (the build writes it)', () => {
    const file = readFileSync(
      new URL('../../../src/content/highlights.generated.css', import.meta.url),
      'utf8',
    );
    expect(file).toBe(highlightStylesheet());
    const manifest = JSON.parse(readFileSync(new URL('../../../manifest.json', import.meta.url), 'utf8')) as {
      content_scripts: { css?: string[] }[];
      host_permissions?: string[];
      optional_host_permissions?: string[];
      permissions: string[];
    };
    expect(manifest.content_scripts[0]?.css).toEqual(['src/content/highlights.generated.css']);
    // No blanket host access: sites are asked for when the reader checks their sources.
    expect(manifest.host_permissions).toBeUndefined();
    expect(manifest.optional_host_permissions).toEqual(['http://*/*', 'https://*/*']);
    expect(manifest.permissions).not.toContain('scripting');
  });
});
