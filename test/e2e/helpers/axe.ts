/**
 * axe-core in the pages a reader sees: the extension's own pages and the claim card. axe cannot enter the card's
 * closed shadow root (nothing but the automation protocol can), so the card is checked as a copy of its shadow
 * tree in an open root, in the same place on the same page, with the same styles; the copy goes afterwards.
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
    // Declaration by declaration, not the attribute's text: parsed again, `all: initial !important` would
    // outrank the plain `line-height` the card sets after it.
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
    return true;
  }, COPY_ID);
  if (!copied) throw new Error('no card open to check');
  try {
    return await run(page, `#${COPY_ID}`);
  } finally {
    await page.evaluate((id) => document.getElementById(id)?.remove(), COPY_ID);
  }
}
