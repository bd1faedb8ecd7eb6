/**
 * The content script's main part, loaded by the entry (src/content/index.ts) only on a page that may hold
 * citations, with CiteLens on for it: the scanner, the highlights and the controller. The card loads later still,
 * on the first click (src/content/lazy-card.ts).
 */
import { Controller, logError } from './controller';

export function startController(doc: Document, win: Window): void {
  try {
    void new Controller(doc, win).start().catch(logError);
  } catch (error) {
    logError(error);
  }
}
