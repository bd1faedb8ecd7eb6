/**
 * Content script entry, run on every http(s) page: small, and all a page without citations ever runs.
 *
 * 1. The idle test (src/core/page-hints.ts): a few native queries over the body (a huge page: one walk that stops
 *    at the first hint, in steps of under a millisecond over several tasks), no layout read. A page that cannot
 *    hold a marker or a linked claim stops there, with one MutationObserver that looks only at what arrives later
 *    (a clock or a ticker costs one regular expression per change) and a message listener for the popup.
 * 2. Otherwise, or once content that may cite arrives: the reader's settings. CiteLens off for the page: nothing
 *    more until they change.
 * 3. Then the main part (src/content/main.ts: scanner, highlights, controller) is imported from the extension,
 *    and takes over the page and the messages. The card and its positioning load on the first click.
 *
 * No error ever escapes into the page.
 */
import { addedNodeMightCite, type HintOptions, HintWalk, quickTest } from '../core/page-hints';
import { declaredUrl, pageTitle } from '../core/page-info';
import { extensionApi } from '../shared/browser-differences';
import { handleMessages, type PageState } from '../shared/messages';
import { activityFor, loadSettings, watchSettings } from '../shared/settings';
import { CONTENT_MAIN_FILE } from './lazy-files';

function logError(error: unknown): void {
  console.warn('[CiteLens]', error);
}

const url = location.href;
let declared: string | null | undefined;
/** The declared address is read once a link to another host needs it: most pages never do. */
const hints: HintOptions = {
  pageUrl: url,
  declaredUrl: () => {
    if (declared === undefined) declared = declaredUrl(document);
    return declared;
  },
};
let observer: MutationObserver | null = null;
let unwatchSettings: (() => void) | null = null;
/** Settings asked for and the main part on its way: the popup hears "scanning". */
let waking = false;
let awake = false;
/** The idle test has not answered yet (a huge page). */
let walking = false;

/** What the popup hears while the main part is not loaded. */
async function idlePageState(): Promise<PageState> {
  if (waking || walking) return { status: 'scanning', url, report: null };
  const activity = activityFor(await loadSettings(), url);
  if (activity !== 'on') return { status: activity, url, report: null };
  return {
    status: 'ready',
    url,
    report: { url, title: pageTitle(document), claims: [], sources: [], findings: [] },
  };
}

const stopIdleMessages = handleMessages({
  getPageState: idlePageState,
  showClaim: () => ({ shown: false }),
  step: () => ({ claimId: null }),
  checkState: () => ({ ok: true }),
});

function onMutations(records: MutationRecord[]): void {
  for (const record of records) {
    const arrived = record.type === 'characterData' ? [record.target] : record.addedNodes;
    for (const node of arrived) {
      if (addedNodeMightCite(node, hints)) {
        void wake().catch(logError);
        return;
      }
    }
  }
}

function watchPage(): void {
  if (observer || !document.body) return;
  observer = new MutationObserver((records) => {
    try {
      onMutations(records);
    } catch (error) {
      logError(error);
    }
  });
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
}

/** The page may cite: settings, then the main part. */
async function wake(): Promise<void> {
  if (waking || awake) return;
  waking = true;
  try {
    observer?.disconnect();
    observer = null;
    if (activityFor(await loadSettings(), url) !== 'on') {
      // Off for this page: woken again when the reader turns it on.
      unwatchSettings ??= watchSettings((settings) => {
        if (activityFor(settings, url) === 'on') void wake().catch(logError);
      });
      return;
    }
    const main: typeof import('./main') = await import(
      /* @vite-ignore */ extensionApi().runtime.getURL(CONTENT_MAIN_FILE)
    );
    awake = true;
    unwatchSettings?.();
    unwatchSettings = null;
    // Handed over in one go: the controller answers the messages from here on.
    stopIdleMessages();
    main.startController(document, window);
  } finally {
    waking = false;
  }
}

/** Longest stretch of the idle test in one task, and nodes between two looks at the clock. */
const STEP_MS = 0.5;
const NODES_PER_LOOK = 256;

/** Walks the page in steps of at most STEP_MS, each in its own task after the first. */
function walkPage(walk: HintWalk): void {
  const started = performance.now();
  walking = true;
  for (;;) {
    const answer = walk.step(NODES_PER_LOOK);
    if (answer !== null) walking = false;
    if (answer === true) {
      observer?.disconnect();
      void wake().catch(logError);
      return;
    }
    if (answer === false) return;
    if (performance.now() - started > STEP_MS) break;
  }
  setTimeout(() => {
    try {
      if (!waking && !awake) walkPage(walk);
      else walking = false;
    } catch (error) {
      logError(error);
    }
  }, 0);
}

/**
 * Pages of up to this much HTML take the native test in one go (`quickTest`: from the isolated world far cheaper
 * than a walk, which makes a wrapper for every node); bigger ones are walked in steps, so no task grows with them.
 */
const QUICK_TEST_MAX_HTML_BYTES = 1_500_000;

function htmlBytes(): number {
  const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  return navigation?.decodedBodySize || Number.POSITIVE_INFINITY;
}

try {
  const body = document.body;
  if (body) {
    // Watching from the start: what arrives while the test goes on is tested as it arrives.
    watchPage();
    if (htmlBytes() > QUICK_TEST_MAX_HTML_BYTES) walkPage(new HintWalk(body, hints));
    else if (quickTest(body, hints)) void wake().catch(logError);
  }
} catch (error) {
  logError(error);
}
