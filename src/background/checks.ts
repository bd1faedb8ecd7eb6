/**
 * Each tab's source check: started when the reader asks (or on a site they allowed), read under the core's
 * fetch policy, cached by URL for a day, reported step by step, cancellable. State is kept per tab and page
 * address, so a result is never shown on another page (a navigation forgets it). A finished check is also kept
 * in `storage.session`, because Chrome stops an idle service worker and the popup must still find the result.
 */
import { parseHTML } from 'linkedom';
import browser from 'webextension-polyfill';
import type { JsonReport } from '../core';
import { cacheKey } from '../core/check/cache';
import { checkReport, MAX_SOURCES_PER_CHECK } from '../core/check/check-report';
import type { SourceLoader } from '../core/check/types';
import { fetchSource } from '../core/fetch/fetch-source';
import { FetchQueue } from '../core/fetch/queue';
import type { CheckRequestOutcome, CheckState } from '../shared/messages';
import { grantedOrigins, originPattern, sourceOrigins } from '../shared/permissions';
import { resolveHost } from './resolve-host';
import { StorageSourceCache } from './source-cache';
import { sourceFetch } from './source-fetch';
import { testServerName } from './test-build';

/**
 * Readability needs a DOM, and Chrome's service worker has none (no `DOMParser`): linkedom, a DOM written in
 * JavaScript, parses source pages in both browsers, the same parser the CLI and the unit tests use.
 */
const parse = (html: string) => parseHTML(html).document as unknown as Document;

interface TabCheck {
  pageUrl: string;
  state: CheckState;
  controller: AbortController | null;
}

export class Checks {
  private readonly tabs = new Map<number, TabCheck>();
  /** One queue for every tab: at most a few requests per host and a bounded total, whatever is open. */
  private readonly queue = new FetchQueue();
  private readonly cache = new StorageSourceCache();
  /**
   * Every redirect is followed by the core, each hop checked (host policy, the reader's consent, in Firefox what
   * the name resolves to) before it is asked. The test build reads its test servers' names only (test-build.ts).
   */
  private readonly load: SourceLoader = (url, signal, mayRead) =>
    fetchSource(url, {
      queue: this.queue,
      fetch: sourceFetch,
      redirects: 'manual',
      allowPrivateHosts: testServerName,
      ...(resolveHost ? { resolveHost } : {}),
      ...(mayRead ? { mayRead } : {}),
      ...(signal ? { signal } : {}),
    });

  constructor(private readonly notify: (tabId: number, state: CheckState) => void) {}

  /** The check of this tab's page at `pageUrl`: idle when there is none or it belongs to another page. */
  stateOf(tabId: number, pageUrl: string): CheckState {
    const known = this.tabs.get(tabId);
    return known && known.pageUrl === pageUrl ? known.state : { kind: 'idle' };
  }

  /** As `stateOf`, and after the background restarted, the finished check it kept for the session. */
  async restoredStateOf(tabId: number, pageUrl: string): Promise<CheckState> {
    if (!this.tabs.has(tabId)) {
      const key = sessionKey(tabId);
      const all: Record<string, unknown> =
        (await browser.storage.session?.get(key).catch(() => undefined)) ?? {};
      const stored = all[key] as { pageUrl?: unknown; state?: CheckState } | undefined;
      if (!this.tabs.has(tabId) && stored?.pageUrl === pageUrl && stored.state?.kind === 'done') {
        this.tabs.set(tabId, { pageUrl, state: stored.state, controller: null });
      }
    }
    return this.stateOf(tabId, pageUrl);
  }

  /**
   * Starts a check of the sites the reader has allowed (every other source is `not-checked`). An automatic check
   * with no allowed site does nothing, so the reader's own "Check sources" can ask for them.
   */
  async start(
    tabId: number,
    pageUrl: string,
    report: JsonReport,
    auto: boolean,
  ): Promise<CheckRequestOutcome> {
    const origins = sourceOrigins(report);
    if (origins.length === 0) return 'nothing';
    // Already reading this page (the grant started it, and the popup that asked says so again): go on.
    const current = this.tabs.get(tabId);
    if (current?.pageUrl === pageUrl && current.state.kind === 'checking') return 'started';
    const granted = await grantedOrigins(origins);
    if (auto && granted.size === 0) return 'nothing';
    this.abort(tabId);
    const controller = new AbortController();
    // The pages to read, as the check counts them: each address once, on the sites allowed, up to the bound.
    const pages = new Set(
      report.sources.flatMap((s) =>
        s.url && granted.has(originPattern(s.url) ?? '') ? [cacheKey(s.url)] : [],
      ),
    );
    const total = Math.min(pages.size, MAX_SOURCES_PER_CHECK);
    const entry: TabCheck = { pageUrl, state: { kind: 'checking', done: 0, total }, controller };
    this.tabs.set(tabId, entry);
    this.notify(tabId, entry.state);
    const update = (state: CheckState) => {
      if (this.tabs.get(tabId) !== entry) return; // superseded by a newer check or a navigation
      entry.state = state;
      if (state.kind !== 'checking') entry.controller = null;
      if (state.kind === 'done') {
        void browser.storage.session?.set({ [sessionKey(tabId)]: { pageUrl, state } }).catch(() => {});
      }
      this.notify(tabId, state);
    };
    await this.cache.prune().catch(() => {});
    checkReport(report, {
      load: this.load,
      parse,
      cache: this.cache,
      signal: controller.signal,
      mayRead: (url) => granted.has(originPattern(url) ?? ''),
      // A full or failing storage.local is said, not hidden: the check goes on uncached.
      onCacheError: (error) => console.warn('CiteLens: a read source could not be cached:', error),
      onProgress: ({ done, total }) => update({ kind: 'checking', done, total }),
    }).then(
      (result) => update({ kind: 'done', result }),
      (error: unknown) =>
        update(
          controller.signal.aborted
            ? { kind: 'cancelled' }
            : { kind: 'failed', message: error instanceof Error ? error.message : String(error) },
        ),
    );
    return 'started';
  }

  /** Whether the tab waits for the reader's answer in the consent window. */
  awaitsConsent(tabId: number): boolean {
    return this.tabs.get(tabId)?.state.kind === 'consent';
  }

  /** The reader pressed "Check sources" on the card and the consent window is open. */
  awaitConsent(tabId: number, pageUrl: string): void {
    this.abort(tabId);
    this.tabs.set(tabId, { pageUrl, state: { kind: 'consent' }, controller: null });
    this.notify(tabId, { kind: 'consent' });
  }

  /** The consent window closed without a check: back to where the reader was. */
  consentClosed(tabId: number): void {
    const known = this.tabs.get(tabId);
    if (known?.state.kind !== 'consent') return;
    known.state = { kind: 'idle' };
    this.notify(tabId, known.state);
  }

  cancel(tabId: number): void {
    const known = this.tabs.get(tabId);
    if (!known?.controller) return;
    known.controller.abort(new DOMException('The reader cancelled the check.', 'AbortError'));
  }

  /** The tab closed or moved to another page. */
  forget(tabId: number): void {
    this.abort(tabId);
    this.tabs.delete(tabId);
    void browser.storage.session?.remove(sessionKey(tabId)).catch(() => {});
  }

  private abort(tabId: number): void {
    void browser.storage.session?.remove(sessionKey(tabId)).catch(() => {});
    const known = this.tabs.get(tabId);
    known?.controller?.abort(new DOMException('Superseded.', 'AbortError'));
    if (known) known.controller = null;
  }
}

const sessionKey = (tabId: number) => `check:${tabId}`;
