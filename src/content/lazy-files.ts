/**
 * Where the build puts the content script's parts loaded after its entry, each one self-contained ES module
 * (vite.config.ts builds them and makes them web-accessible): the entry imports the main part
 * (src/content/main.ts), which imports the card (src/content/card.ts) on the first click, and the public suffix
 * list (src/content/sites.ts) when a page's prose links to another host.
 */
export const CONTENT_MAIN_FILE = 'assets/content-main.js';
export const CONTENT_CARD_FILE = 'assets/content-card.js';
/** The public suffix list (src/content/sites.ts), imported by the main part only for a page that links out. */
export const CONTENT_SITES_FILE = 'assets/content-sites.js';
