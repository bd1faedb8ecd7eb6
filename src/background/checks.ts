/**
 * Each tab's source check, driven by the consent → check flow (check-flow.ts): this class feeds it events and
 * carries out its effects. A check reads only the source sites the reader allowed for the page's site
 * (may-read.ts), under the core's fetch policy, cached by URL for a day, reported step by step, cancellable. A
 * result is never shown on another page (a navigation resets the flow). A finished check is also kept in
 * `storage.session`, because Chrome stops an idle service worker and the popup must still find the result.
 */
import { parseHTML } from 'linkedom';
import browser from 'webextension-polyfill';
import type { JsonReport } from '../core';
import { cacheKey } from '../core/check/cache';
import { checkReport, MAX_SOURCES_PER_CHECK } from '../core/check/check-report';
import { type CheckScope, scopedReport } from '../core/check/scope';
import type { SourceLoader } from '../core/check/types';
import { fetchSource } from '../core/fetch/fetch-source';
import { FetchQueue } from '../core/fetch/queue';
import { t } from '../shared/i18n';
import type { CheckRequestOutcome, CheckState, PageState } from '../shared/messages';
import { sourceOrigins } from '../shared/permissions';
import { type Flow, type FlowEffect, type FlowEvent, INITIAL_FLOW, transition, viewOf } from './check-flow';
import { mayReadFor, readableOrigins, recordAllowed } from './may-read';
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
  flow: Flow;
  /** The reading in flight, if any. */
  controller: AbortController | null;
}

/** What the checks need of the rest of the background. */
export interface ChecksHost {
  /** Tell the tab's content script where its check is. */
  notify(tabId: number, state: CheckState): void;
  /** The tab's page as its content script last reported it. */
  pageState(tabId: number): Promise<PageState | null>;
  /** Open the consent window for the tab; its window id (null when it opened as a tab). */
  openConsentWindow(tabId: number): Promise<number | null>;
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

  constructor(private readonly host: ChecksHost) {}

  /** The check of this tab's page at `pageUrl`: idle when there is none or it belongs to another page. */
  stateOf(tabId: number, pageUrl: string): CheckState {
    return viewOf(this.tabs.get(tabId)?.flow ?? INITIAL_FLOW, pageUrl, Date.now());
  }

  /** As `stateOf`, and after the background restarted, the finished check it kept for the session. */
  async restoredStateOf(tabId: number, pageUrl: string): Promise<CheckState> {
    if (!this.tabs.has(tabId)) {
      const key = sessionKey(tabId);
      const all: Record<string, unknown> =
        (await browser.storage.session?.get(key).catch(() => undefined)) ?? {};
      const stored = all[key] as { pageUrl?: unknown; state?: CheckState } | undefined;
      if (!this.tabs.has(tabId) && stored?.pageUrl === pageUrl && stored.state?.kind === 'done') {
        this.dispatch(tabId, { type: 'restored', pageUrl, result: stored.state.result });
      }
    }
    return this.stateOf(tabId, pageUrl);
  }

  /**
   * The reader asked for a check of the tab's page: the card's "Check sources" (`auto` false) or the automatic
   * check of a site they listed. It starts at once when every source site is one the reader allowed for this
   * page's site; else the card's ask opens the consent window, and an automatic one reads what is allowed, or
   * nothing. With a `scope` (the context menu's "Check this claim"), only that part of the page: its sites are
   * the ones asked about and the only ones read.
   */
  async request(tabId: number, auto: boolean, scope?: CheckScope): Promise<CheckRequestOutcome> {
    const state = await this.readyPage(tabId);
    if (!state) return 'nothing';
    if (scope && scope.claimIds.length === 0) return 'nothing';
    const origins = sourceOrigins(scopedReport(state.report, scope));
    if (origins.length === 0) return 'nothing';
    const readable = await readableOrigins(state.url);
    const allowed = origins.every((o) => readable.has(o));
    if (auto && !origins.some((o) => readable.has(o))) return 'nothing';
    this.dispatch(tabId, {
      type: 'ask',
      pageUrl: state.url,
      origins,
      allowed: allowed || auto,
      via: 'window',
      now: Date.now(),
      ...(scope ? { scope } : {}),
    });
    return this.tab(tabId).flow.kind === 'asked' ? 'consent' : 'started';
  }

  /** The popup is asking the browser for these sites now; the grant may arrive after the popup closed. */
  async expectGrant(tabId: number, origins: readonly string[]): Promise<void> {
    const state = await this.readyPage(tabId);
    if (!state) return;
    this.dispatch(tabId, {
      type: 'ask',
      pageUrl: state.url,
      origins,
      allowed: false,
      via: 'popup',
      now: Date.now(),
    });
  }

  /** The reader allowed these sites in one of CiteLens's pages (the consent window, the popup): read them. */
  async allowed(tabId: number, origins: readonly string[]): Promise<CheckRequestOutcome> {
    const state = await this.readyPage(tabId);
    if (!state) return 'nothing';
    this.dispatch(tabId, { type: 'grant', from: 'page', pageUrl: state.url, origins });
    return 'started';
  }

  /** The browser granted host access to these sites: the asks waiting for it go on. */
  granted(origins: readonly string[]): void {
    for (const tabId of [...this.tabs.keys()])
      this.dispatch(tabId, { type: 'grant', from: 'browser', origins, now: Date.now() });
  }

  windowClosed(windowId: number): void {
    for (const [tabId, tab] of [...this.tabs]) {
      if (tab.flow.kind === 'asked' && tab.flow.windowId === windowId)
        this.dispatch(tabId, { type: 'windowClosed', windowId });
    }
  }

  cancel(tabId: number): void {
    this.dispatch(tabId, { type: 'cancel' });
  }

  /**
   * The tab moved to another page, or closed (`closed`). A tab that moved on keeps its run count, so nothing of
   * a run from its old page can pass for a run of the new one.
   */
  forget(tabId: number, closed = false): void {
    if (this.tabs.has(tabId)) this.dispatch(tabId, { type: 'navigated' });
    if (closed) this.tabs.delete(tabId);
    void browser.storage.session?.remove(sessionKey(tabId)).catch(() => {});
  }

  private tab(tabId: number): TabCheck {
    let tab = this.tabs.get(tabId);
    if (!tab) {
      tab = { flow: INITIAL_FLOW, controller: null };
      this.tabs.set(tabId, tab);
    }
    return tab;
  }

  /** Moves the tab's flow on by one event, carries out what it asks, and tells the page what changed. */
  private dispatch(tabId: number, event: FlowEvent): void {
    const tab = this.tab(tabId);
    const before = tab.flow;
    const { flow, effects } = transition(before, event);
    tab.flow = flow;
    for (const effect of effects) this.perform(tabId, tab, effect);
    if (flow === before) return;
    if (flow.kind === 'done') {
      const state = viewOf(flow, flow.pageUrl, Date.now());
      void browser.storage.session
        ?.set({ [sessionKey(tabId)]: { pageUrl: flow.pageUrl, state } })
        .catch(() => {});
    } else if (before.kind === 'done') {
      void browser.storage.session?.remove(sessionKey(tabId)).catch(() => {});
    }
    // The page hears of a run once it has counted its pages, not while it is about to start.
    if (flow.kind === 'allowed') return;
    const pageUrl = 'pageUrl' in flow ? flow.pageUrl : '';
    this.host.notify(tabId, viewOf(flow, pageUrl, Date.now()));
  }

  private perform(tabId: number, tab: TabCheck, effect: FlowEffect): void {
    switch (effect.kind) {
      case 'abort':
        tab.controller?.abort(new DOMException('Stopped.', 'AbortError'));
        tab.controller = null;
        return;
      case 'record':
        recordAllowed(effect.pageUrl, effect.origins).catch((error: unknown) =>
          console.warn('CiteLens: the sites the reader allowed could not be recorded:', error),
        );
        return;
      case 'openWindow':
        void this.host.openConsentWindow(tabId).then(
          (windowId) => {
            if (windowId !== null) this.dispatch(tabId, { type: 'windowOpened', windowId });
          },
          () => this.dispatch(tabId, { type: 'cancel' }),
        );
        return;
      case 'start':
        void this.run(tabId, effect.run, effect.pageUrl, effect.scope).catch((error: unknown) =>
          this.dispatch(tabId, { type: 'error', run: effect.run, message: messageOf(error) }),
        );
        return;
    }
  }

  /** The tab's page once its scan is done and it has a report; null before (or without a content script). */
  private async readyPage(tabId: number): Promise<(PageState & { report: JsonReport }) | null> {
    const state = await this.host.pageState(tabId);
    return state?.report && state.status === 'ready' ? { ...state, report: state.report } : null;
  }

  /** Reads the sources of the page at `pageUrl` (or the part `scope` names) as run `run`, telling the flow how it goes. */
  private async run(tabId: number, run: number, pageUrl: string, scope?: CheckScope): Promise<void> {
    const state = await this.host.pageState(tabId);
    const current = () => {
      const flow = this.tabs.get(tabId)?.flow;
      return flow !== undefined && flow.run === run && (flow.kind === 'allowed' || flow.kind === 'checking');
    };
    if (!current()) return;
    if (!state?.report || state.url !== pageUrl) throw new Error(t('checkPageChanged'));
    const report = scopedReport(state.report, scope);
    const mayRead = await mayReadFor(pageUrl);
    if (!current()) return;
    // The pages to read, as the check counts them: each address once, on the sites allowed, up to the bound.
    const pages = new Set(report.sources.flatMap((s) => (s.url && mayRead(s.url) ? [cacheKey(s.url)] : [])));
    const total = Math.min(pages.size, MAX_SOURCES_PER_CHECK);
    const controller = new AbortController();
    const tab = this.tab(tabId);
    tab.controller = controller;
    this.dispatch(tabId, { type: 'started', run, total });
    await this.cache.prune().catch(() => {});
    if (controller.signal.aborted) return;
    try {
      const result = await checkReport(report, {
        load: this.load,
        parse,
        cache: this.cache,
        signal: controller.signal,
        mayRead,
        // A full or failing storage.local is said, not hidden: the check goes on uncached.
        onCacheError: (error) => console.warn('CiteLens: a read source could not be cached:', error),
        onProgress: ({ done, total }) => this.dispatch(tabId, { type: 'progress', run, done, total }),
      });
      this.dispatch(tabId, { type: 'finished', run, result });
    } catch (error) {
      // Aborted: cancelled or superseded, and the flow has said so already.
      if (!controller.signal.aborted) this.dispatch(tabId, { type: 'error', run, message: messageOf(error) });
    } finally {
      if (tab.controller === controller) tab.controller = null;
    }
  }
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

const sessionKey = (tabId: number) => `check:${tabId}`;
