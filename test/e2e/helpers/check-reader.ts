/**
 * What a reader sees of a source check: the card's check box and per-source verdicts, and the popup's check
 * panel. Functions passed to `evaluate` run in the browser and must not use anything from this module's scope.
 */
import type { ReaderPage } from './browsers';

export interface CheckedSourceView {
  label: string;
  status: string | null;
  verdict: string | null;
  verdictText: string;
  linkStatus: string;
  evidence: string;
  marks: string[];
  missing: string;
  openHref: string | null;
}

export interface CheckCardView {
  open: boolean;
  check: string | null;
  note: string;
  progress: string;
  overall: string | null;
  sources: CheckedSourceView[];
}

export function readCheckCard(page: ReaderPage): Promise<CheckCardView> {
  return page.evaluateInCard((root) => {
    const dialog = root?.querySelector('[role="dialog"]');
    const text = (root: ParentNode | null | undefined, selector: string) =>
      root?.querySelector(selector)?.textContent ?? '';
    if (!dialog) return { open: false, check: null, note: '', progress: '', overall: null, sources: [] };
    const box = dialog.querySelector('.check');
    return {
      open: true,
      check: box?.getAttribute('data-check') ?? null,
      note: text(box, '.note'),
      progress: text(box, '.progress'),
      overall: box?.querySelector('.overall')?.getAttribute('data-verdict') ?? null,
      sources: [...dialog.querySelectorAll('li.source')].map((li) => ({
        label: text(li, '.label'),
        status: li.getAttribute('data-status'),
        verdict: li.getAttribute('data-verdict'),
        verdictText: text(li, '.verdict'),
        linkStatus: text(li, '.link-status'),
        evidence: text(li, 'blockquote.evidence'),
        marks: [...li.querySelectorAll('blockquote.evidence mark')].map((m) => m.textContent ?? ''),
        missing: text(li, '.missing-terms'),
        openHref: li.querySelector('a.open-passage')?.getAttribute('href') ?? null,
      })),
    };
  }, null);
}

export interface PopupCheckView {
  check: string | null;
  progress: { done: number; total: number } | null;
  summary: string;
  sources: { label: string; status: string | null; supports: string | null; statusText: string }[];
  claimVerdicts: (string | null)[];
}

export function readPopupCheck(popup: ReaderPage): Promise<PopupCheckView> {
  return popup.evaluate(() => {
    const panel = document.querySelector('.check-panel');
    const progress = panel?.querySelector('.progress');
    return {
      check: panel?.getAttribute('data-check') ?? null,
      progress: progress
        ? {
            done: Number(progress.getAttribute('data-done')),
            total: Number(progress.getAttribute('data-total')),
          }
        : null,
      summary: panel?.querySelector('[data-summary]')?.textContent ?? '',
      sources: [...document.querySelectorAll('li.source')].map((li) => ({
        label: li.querySelector('.label')?.textContent ?? '',
        status: li.getAttribute('data-status'),
        supports: li.getAttribute('data-supports'),
        statusText: li.querySelector('.status-text')?.textContent ?? '',
      })),
      claimVerdicts: [...document.querySelectorAll('button.claim')].map((b) =>
        b.getAttribute('data-verdict'),
      ),
    };
  }, null);
}

/** The sizes of the highlights registered under each name. */
export function highlightSizes(page: ReaderPage): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const sizes: Record<string, number> = {};
    for (const name of CSS.highlights.keys()) sizes[name] = CSS.highlights.get(name)?.size ?? 0;
    return sizes;
  }, null);
}
