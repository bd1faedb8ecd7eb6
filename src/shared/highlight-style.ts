/**
 * The highlight names CiteLens registers in `CSS.highlights` and the one stylesheet that paints them. The
 * stylesheet is fixed at build time and declared with the content script in the manifest
 * (`content_scripts[].css`), so no host permission is needed to style a page and nothing is ever written into
 * the page's DOM: the reader's settings choose *which* names the content script registers, from a fixed palette
 * and the two highlight styles, instead of changing the rules.
 *
 * Pure data, no extension API: the build (vite.config.ts writes src/content/highlights.generated.css from
 * `highlightStylesheet()`), the options page and the content script share it.
 */

export type HighlightStyle = 'underline' | 'background';

/** The colours a reader can pick for cited claims and for the claim whose card is open. */
export const PALETTE = {
  amber: '#e8a317',
  blue: '#3b82f6',
  teal: '#0d9488',
  purple: '#8b5cf6',
  pink: '#db2777',
  slate: '#64748b',
} as const;
export type PaletteKey = keyof typeof PALETTE;
export const PALETTE_KEYS = Object.keys(PALETTE) as PaletteKey[];

export const DEFAULT_CLAIM_COLOUR: PaletteKey = 'amber';
export const DEFAULT_ACTIVE_COLOUR: PaletteKey = 'blue';

/** A claim's state on the page: cited and not yet checked, or its verdict once its sources were read. */
export type ClaimState = 'claim' | 'supported' | 'partial' | 'unsupported' | 'unavailable';
export const CLAIM_STATES: readonly ClaimState[] = [
  'claim',
  'supported',
  'partial',
  'unsupported',
  'unavailable',
];

/**
 * What kind of citation a claim rests on, for its mark: `marker` (a footnote or reference marker, with or without
 * a link in the sentence too) or `linked` (only links in the prose to another site, as news pages cite). Linked
 * claims get their own quieter mark, so a news page full of links does not look like a page of footnotes.
 */
export type ClaimKind = 'marker' | 'linked';

/** A mark on the page: a claim's state, or `linked`, the neutral state of a claim that only links. */
export type PaintState = ClaimState | 'linked';

/** A claim is a marker claim as soon as it has one marker; a claim with links and no marker is linked. */
export function claimKind(claim: { markers: readonly unknown[]; links?: readonly unknown[] }): ClaimKind {
  return claim.markers.length === 0 && (claim.links?.length ?? 0) > 0 ? 'linked' : 'marker';
}

/**
 * Verdict colours are fixed (green, orange, red, grey) so they mean the same on every page, and each also has its
 * own line (solid, dashed, wavy, dotted) for readers who do not tell the colours apart.
 */
const VERDICT_LOOK: Record<Exclude<ClaimState, 'claim'>, { colour: string; line: string }> = {
  supported: { colour: '#2da44e', line: 'solid' },
  partial: { colour: '#f0883e', line: 'dashed' },
  unsupported: { colour: '#e5534b', line: 'wavy' },
  unavailable: { colour: '#8c959f', line: 'dotted' },
};

/**
 * The state a claim is painted under on a page. `CSS.highlights` belongs to the page: its scripts can list the
 * names and read each highlight's ranges, so a per-verdict name would hand the page what the check found. Unless
 * the reader turned verdict colouring on (settings `verdictHighlights`, off by default), every claim is painted
 * under the verdict-neutral `claim` state and verdicts stay in the card's closed shadow root and the popup.
 */
export function paintedState(
  state: ClaimState,
  verdictHighlights: boolean,
  kind: ClaimKind = 'marker',
): PaintState {
  const shown = verdictHighlights ? state : 'claim';
  return shown === 'claim' && kind === 'linked' ? 'linked' : shown;
}

export interface HighlightChoice {
  highlightStyle: HighlightStyle;
  claimColour: PaletteKey;
  activeColour: PaletteKey;
}

/**
 * The name for a state under the reader's choice. The defaults (underline, amber, blue) carry the bare names
 * (`citelens-claim`, `citelens-linked`, `citelens-supported`, `citelens-active`); other choices add the colour and
 * `-bg`. A linked claim takes the reader's claim colour too, in a quieter line (see `highlightStylesheet`).
 */
export function highlightName(state: PaintState | 'active' | 'hover', choice: HighlightChoice): string {
  if (state === 'active' || state === 'hover') {
    return choice.activeColour === DEFAULT_ACTIVE_COLOUR
      ? `citelens-${state}`
      : `citelens-${state}-${choice.activeColour}`;
  }
  const colour =
    (state === 'claim' || state === 'linked') && choice.claimColour !== DEFAULT_CLAIM_COLOUR
      ? `-${choice.claimColour}`
      : '';
  const style = choice.highlightStyle === 'background' ? '-bg' : '';
  return `citelens-${state}${colour}${style}`;
}

/** Every name the stylesheet styles (and the content script may register). */
export function allHighlightNames(): string[] {
  const names = new Set<string>();
  for (const highlightStyle of ['underline', 'background'] as const) {
    for (const claimColour of PALETTE_KEYS) {
      for (const state of [...CLAIM_STATES, 'linked'] as const)
        names.add(highlightName(state, { highlightStyle, claimColour, activeColour: 'blue' }));
    }
  }
  for (const activeColour of PALETTE_KEYS) {
    for (const state of ['active', 'hover'] as const)
      names.add(highlightName(state, { highlightStyle: 'underline', claimColour: 'amber', activeColour }));
  }
  return [...names];
}

function rgba(hex: string, alpha: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

/**
 * Only translucent backgrounds and decorations: the text keeps the page's own colour, so it stays as readable as
 * the page made it, on light and dark pages alike.
 */
function declarations(colour: string, line: string, style: HighlightStyle): string[] {
  return style === 'underline'
    ? [
        `text-decoration: underline ${line} 2px ${colour};`,
        'text-underline-offset: 0.2em;',
        `background-color: ${rgba(colour, 0.1)};`,
      ]
    : [`background-color: ${rgba(colour, 0.3)};`, `text-decoration: underline ${line} 1px ${colour};`];
}

/**
 * A linked claim's mark: a thin dotted underline and no tint under the underline style, a faint tint under the
 * background style. Quieter than a marker claim's, since a news page may link in every other sentence.
 */
function linkedDeclarations(colour: string, style: HighlightStyle): string[] {
  return style === 'underline'
    ? [`text-decoration: underline dotted 2px ${colour};`, 'text-underline-offset: 0.25em;']
    : [`background-color: ${rgba(colour, 0.14)};`, `text-decoration: underline dotted 1px ${colour};`];
}

function rule(name: string, lines: string[]): string {
  return `::highlight(${name}) {\n${lines.map((l) => `  ${l}`).join('\n')}\n}\n`;
}

/** The whole stylesheet, one rule per name. */
export function highlightStylesheet(): string {
  const rules: string[] = [
    '/* Generated from src/shared/highlight-style.ts by the build: edit that file, not this one. */\n',
  ];
  for (const style of ['underline', 'background'] as const) {
    for (const claimColour of PALETTE_KEYS) {
      const name = highlightName('claim', { highlightStyle: style, claimColour, activeColour: 'blue' });
      rules.push(rule(name, declarations(PALETTE[claimColour], 'solid', style)));
      const linked = highlightName('linked', { highlightStyle: style, claimColour, activeColour: 'blue' });
      rules.push(rule(linked, linkedDeclarations(PALETTE[claimColour], style)));
    }
    for (const state of CLAIM_STATES) {
      if (state === 'claim') continue;
      const look = VERDICT_LOOK[state];
      const name = highlightName(state, {
        highlightStyle: style,
        claimColour: 'amber',
        activeColour: 'blue',
      });
      rules.push(rule(name, declarations(look.colour, look.line, style)));
    }
  }
  for (const activeColour of PALETTE_KEYS) {
    const c = PALETTE[activeColour];
    const name = highlightName('active', { highlightStyle: 'underline', claimColour: 'amber', activeColour });
    rules.push(
      rule(name, [
        `background-color: ${rgba(c, 0.3)};`,
        `text-decoration: underline solid 2px ${c};`,
        'text-underline-offset: 0.2em;',
      ]),
    );
    // The claim under the pointer: a faint wash of the open card's colour says "this opens", without the
    // underline that marks the open one.
    const hover = highlightName('hover', { highlightStyle: 'underline', claimColour: 'amber', activeColour });
    rules.push(rule(hover, [`background-color: ${rgba(c, 0.18)};`]));
  }
  return rules.join('\n');
}

/** The palette entry nearest a stored `#rrggbb` (settings from before the palette keep their look). */
export function nearestPaletteKey(hex: string): PaletteKey | null {
  if (!/^#[0-9a-f]{6}$/i.test(hex)) return null;
  const rgb = (h: string) =>
    [1, 3, 5].map((i) => Number.parseInt(h.slice(i, i + 2), 16)) as [number, number, number];
  const [r, g, b] = rgb(hex);
  let best: PaletteKey = DEFAULT_CLAIM_COLOUR;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const key of PALETTE_KEYS) {
    const [pr, pg, pb] = rgb(PALETTE[key]);
    const d = (r - pr) ** 2 + (g - pg) ** 2 + (b - pb) ** 2;
    if (d < bestDistance) {
      bestDistance = d;
      best = key;
    }
  }
  return best;
}
