/**
 * axe-core in the pages a reader sees: the extension's own pages and the claim card. axe cannot enter the card's
 * closed shadow root (nothing but the automation protocol can), so the card is checked as a copy of its shadow
 * tree in an open root, in the same place on the same page, with the same styles (the card hidden meanwhile);
 * the copy goes afterwards.
 * Every rule axe runs by default, every impact: the tests want none.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ReaderPage } from './browsers';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** One violation per rule, with the first few elements it names: enough to fix it from a test's failure. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** The host id of the card's copy. */
const COPY_ID = 'citelens-axe-card-copy';

async function run(page: ReaderPage, selector: string | null): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => typeof (globalThis as { axe?: unknown }).axe === 'object', null);
  if (!loaded) await page.runScript(axeSource);
  return page.evaluate(async (sel) => {
    type Result = {
      violations: { id: string; impact?: string | null; help: string; nodes: { target: unknown[] }[] }[];
    };
    const axe = (
      globalThis as unknown as { axe: { run(context: unknown, options: object): Promise<Result> } }
    ).axe;
    const context = sel ? { include: [[sel]] } : document;
    const result = await axe.run(context, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)),
    }));
  }, selector);
}

/** axe's violations on a whole page (an extension page: popup, options, consent). */
export function axePage(page: ReaderPage): Promise<AxeViolation[]> {
  return run(page, null);
}

/** axe's violations in the open card (see above); throws when no card is open. */
export async function axeCard(page: ReaderPage): Promise<AxeViolation[]> {
  const copied = await page.evaluateInCard((root, id) => {
    if (!root) return false;
    const original = root.host as HTMLElement;
    const host = document.createElement('div');
    host.id = id;
    // The attribute's text, then each declaration as the card set it: parsed again, `all: initial !important`
    // alone would outrank the plain `line-height` the card sets after it (Chromium does not list `all`).
    host.setAttribute('style', original.getAttribute('style') ?? '');
    for (const property of original.style) {
      host.style.setProperty(
        property,
        original.style.getPropertyValue(property),
        original.style.getPropertyPriority(property),
      );
    }
    const open = host.attachShadow({ mode: 'open' });
    for (const node of root.childNodes) open.append(node.cloneNode(true));
    document.documentElement.append(host);
    // The card itself out of sight meanwhile: with two cards one over the other, axe cannot tell the colours
    // behind the copy's text and does not judge their contrast.
    original.style.setProperty('visibility', 'hidden', 'important');
    return true;
  }, COPY_ID);
  if (!copied) throw new Error('no card open to check');
  try {
    return [...(await run(page, `#${COPY_ID}`)), ...(await cardContrast(page))];
  } finally {
    await page.evaluate((id) => document.getElementById(id)?.remove(), COPY_ID);
    await page.evaluateInCard(
      (root) => (root?.host as HTMLElement | undefined)?.style.removeProperty('visibility'),
      null,
    );
  }
}

/**
 * Text contrast in the card, measured here: inside a shadow tree axe leaves colour contrast "incomplete" (it cannot
 * tell what lies behind the text), so every element with text of its own is checked against WCAG AA (4.5:1, 3:1
 * for large text) over the backgrounds of its ancestors, translucent ones composited. Disabled controls are exempt.
 */
export async function cardContrast(page: ReaderPage): Promise<AxeViolation[]> {
  const low = await page.evaluateInCard((root) => {
    if (!root) return [];
    const parse = (css: string) => {
      const [r = 0, g = 0, b = 0, a = 1] = (css.match(/[\d.]+/g) ?? []).map(Number);
      return { r, g, b, a: css.startsWith('rgba') ? a : 1 };
    };
    const luminance = ({ r, g, b }: { r: number; g: number; b: number }) => {
      const lin = (v: number) => {
        const c = v / 255;
        return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    };
    const over = (
      top: { r: number; g: number; b: number; a: number },
      under: { r: number; g: number; b: number },
    ) => ({
      r: top.r * top.a + under.r * (1 - top.a),
      g: top.g * top.a + under.g * (1 - top.a),
      b: top.b * top.a + under.b * (1 - top.a),
    });
    const background = (el: Element) => {
      const layers: { r: number; g: number; b: number; a: number }[] = [];
      for (let at: Element | null = el; at; at = at.parentElement) {
        const c = parse(getComputedStyle(at).backgroundColor);
        if (c.a > 0) layers.push(c);
        if (c.a >= 1) break;
      }
      let colour = { r: 255, g: 255, b: 255 };
      for (const layer of layers.reverse()) colour = over(layer, colour);
      return colour;
    };
    const found: string[] = [];
    for (const el of root.querySelectorAll('*')) {
      if (el.matches(':disabled, style')) continue;
      const ownText = [...el.childNodes].some((n) => n.nodeType === 3 && (n.textContent ?? '').trim() !== '');
      if (!ownText) continue;
      const style = getComputedStyle(el);
      const bg = background(el);
      const fg = over(parse(style.color), bg);
      const [hi, lo] = [luminance(fg), luminance(bg)].sort((x, y) => y - x) as [number, number];
      const ratio = (hi + 0.05) / (lo + 0.05);
      const size = Number.parseFloat(style.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
      if (ratio < (large ? 3 : 4.5)) found.push(`${el.localName}.${el.className} ${ratio.toFixed(2)}:1`);
    }
    return found;
  }, null);
  return low.map((text) => ({
    id: 'color-contrast',
    impact: 'serious',
    help: 'text contrast in the card',
    nodes: [text],
  }));
}
