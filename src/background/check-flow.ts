/**
 * The consent → check flow of one tab, as a pure state machine: no extension API, no timer, no promise. The
 * background feeds it events (the reader asked, the reader allowed, the consent window closed, the tab moved on,
 * the check's progress and end, a cancel) and carries out the effects it answers (open the consent window, record
 * the sites the reader allowed, start reading, abort). What the card and the popup show is `viewOf(flow)`.
 *
 *   idle ──ask (allowed)──────────────────────────────▶ allowed ──started──▶ checking ──finished──▶ done
 *     │                                                   ▲                     │  └──error──▶ failed
 *     └──ask (needs consent)──▶ asked ──grant────────────┘                     └──cancel──▶ cancelled
 *                                 └──window closed / cancel / expired──▶ idle
 *   any ──navigated──▶ idle            (done, cancelled, failed take `ask` and `grant` as idle does)
 *
 * Every start gets a new run number, and the check's own events name their run, so a superseded check (the
 * reader asked again, the tab moved on) can never overwrite what followed it.
 *
 * An ask may name a `scope` (the context menu's "Check this claim": some claims, or the sources at one address):
 * the consent is asked for that part's sites only and the run reads that part only. No scope: the whole page.
 */
import { type CheckScope, sameScope } from '../core/check/scope';
import type { CheckResult } from '../core/check/types';
import type { CheckState } from '../shared/messages';

/** How long a grant may take to come back from the browser's prompt after the popup asked for it. */
export const GRANT_WAIT_MS = 60_000;

export type AskedVia =
  /** The card's "Check sources": the consent window is (being) opened. */
  | 'window'
  /** The popup's "Check sources": the popup asked the browser itself, and may be closed by its prompt. */
  | 'popup';

export type Flow =
  | { kind: 'idle'; run: number }
  | {
      kind: 'asked';
      run: number;
      pageUrl: string;
      /** The sources' sites the reader is being asked about (as match patterns). */
      origins: readonly string[];
      via: AskedVia;
      /** The consent window, once open. */
      windowId: number | null;
      /** A grant after this time (ms since the epoch) is no longer taken as the answer. */
      until: number;
      scope?: CheckScope;
    }
  | { kind: 'allowed'; run: number; pageUrl: string; scope?: CheckScope }
  | { kind: 'checking'; run: number; pageUrl: string; done: number; total: number; scope?: CheckScope }
  | { kind: 'done'; run: number; pageUrl: string; result: CheckResult }
  | { kind: 'cancelled'; run: number; pageUrl: string }
  | { kind: 'failed'; run: number; pageUrl: string; message: string };

export type FlowEvent =
  /**
   * The reader asked for a check of the page at `pageUrl` (the card or popup's "Check sources", or the automatic
   * check of a site they listed). `allowed`: every source site is one they allowed for this page already.
   */
  | {
      type: 'ask';
      pageUrl: string;
      origins: readonly string[];
      allowed: boolean;
      via: AskedVia;
      now: number;
      /** Part of the page only (its `origins` are that part's); absent for the whole page. */
      scope?: CheckScope;
    }
  /** The consent window asked for opened. */
  | { type: 'windowOpened'; windowId: number }
  | { type: 'windowClosed'; windowId: number }
  /**
   * The reader allowed sites. `from: 'page'`: in one of CiteLens's pages (the consent window's Allow, the popup's
   * Check sources), for the page at `pageUrl` and the sites it showed. `from: 'browser'`: the browser granted
   * host access to `origins` (`permissions.onAdded`), answering the ask that is waiting, if any.
   */
  | { type: 'grant'; from: 'page'; pageUrl: string; origins: readonly string[] }
  | { type: 'grant'; from: 'browser'; origins: readonly string[]; now: number }
  /** The tab loaded another document or address, or closed. */
  | { type: 'navigated' }
  /** A run began reading: `total` pages to read. */
  | { type: 'started'; run: number; total: number }
  | { type: 'progress'; run: number; done: number; total: number }
  | { type: 'finished'; run: number; result: CheckResult }
  | { type: 'error'; run: number; message: string }
  /** The reader's Cancel (or the popup's prompt refused). */
  | { type: 'cancel' }
  /** A finished check kept for the session, read back after the background restarted. */
  | { type: 'restored'; pageUrl: string; result: CheckResult };

export type FlowEffect =
  | { kind: 'openWindow' }
  /** Remember that the reader allowed these source sites for the page at `pageUrl`'s site. */
  | { kind: 'record'; pageUrl: string; origins: readonly string[] }
  /** Start reading the page's sources (or the part `scope` names) as run `run`. */
  | { kind: 'start'; run: number; pageUrl: string; scope?: CheckScope }
  /** Stop the reading in flight (its run ends as superseded or cancelled). */
  | { kind: 'abort' };

export interface Step {
  flow: Flow;
  effects: FlowEffect[];
}

export const INITIAL_FLOW: Flow = { kind: 'idle', run: 0 };

const stay = (flow: Flow): Step => ({ flow, effects: [] });

/** Whether reading is in flight (started or about to). */
const reading = (flow: Flow): flow is Extract<Flow, { kind: 'allowed' | 'checking' }> =>
  flow.kind === 'allowed' || flow.kind === 'checking';

/** The scope as an optional field: absent for the whole page. */
const scoped = (scope: CheckScope | undefined) => (scope ? { scope } : {});

/** A new run for the page (or the part `scope` names): whatever was reading stops. */
function begin(flow: Flow, pageUrl: string, before: FlowEffect[] = [], scope?: CheckScope): Step {
  const run = flow.run + 1;
  return {
    flow: { kind: 'allowed', run, pageUrl, ...scoped(scope) },
    effects: [
      ...(reading(flow) ? [{ kind: 'abort' } as const] : []),
      ...before,
      { kind: 'start', run, pageUrl, ...scoped(scope) },
    ],
  };
}

export function transition(flow: Flow, event: FlowEvent): Step {
  switch (event.type) {
    case 'ask': {
      // Already reading this page, or this part of it (the grant started it, and the reader's click says so
      // again): go on. A whole-page read covers any part; a part's read does not cover the page or another part.
      if (
        reading(flow) &&
        flow.pageUrl === event.pageUrl &&
        (!flow.scope || sameScope(flow.scope, event.scope))
      )
        return stay(flow);
      if (event.allowed) return begin(flow, event.pageUrl, [], event.scope);
      const asked: Flow = {
        kind: 'asked',
        run: flow.run,
        pageUrl: event.pageUrl,
        origins: [...event.origins],
        via: event.via,
        windowId: null,
        until: event.now + GRANT_WAIT_MS,
        ...scoped(event.scope),
      };
      const effects: FlowEffect[] = reading(flow) ? [{ kind: 'abort' }] : [];
      if (event.via === 'window') effects.push({ kind: 'openWindow' });
      return { flow: asked, effects };
    }
    case 'windowOpened':
      return flow.kind === 'asked' && flow.via === 'window' && flow.windowId === null
        ? stay({ ...flow, windowId: event.windowId })
        : stay(flow);
    case 'windowClosed':
      // Closed without an answer: back to where the reader was. (After a grant the flow has moved on already.)
      return flow.kind === 'asked' && flow.windowId === event.windowId
        ? stay({ kind: 'idle', run: flow.run })
        : stay(flow);
    case 'grant': {
      if (event.from === 'page') {
        const record: FlowEffect = { kind: 'record', pageUrl: event.pageUrl, origins: [...event.origins] };
        if (reading(flow) && flow.pageUrl === event.pageUrl) return { flow, effects: [record] };
        // The consent window answers the ask it was opened for, whole page or part.
        const scope = flow.kind === 'asked' && flow.pageUrl === event.pageUrl ? flow.scope : undefined;
        return begin(flow, event.pageUrl, [record], scope);
      }
      // The browser's grant answers only an ask still waiting for it, in time, and for sites it asked about;
      // only those sites are recorded (the page that asked, if still open, records what it showed).
      if (flow.kind !== 'asked' || event.now > flow.until) return stay(flow);
      const granted = new Set(event.origins);
      const answered = flow.origins.filter((o) => granted.has(o));
      if (answered.length === 0) return stay(flow);
      return begin(
        flow,
        flow.pageUrl,
        [{ kind: 'record', pageUrl: flow.pageUrl, origins: answered }],
        flow.scope,
      );
    }
    case 'navigated':
      return {
        flow: { kind: 'idle', run: flow.run },
        effects: reading(flow) ? [{ kind: 'abort' }] : [],
      };
    case 'started':
      return flow.kind === 'allowed' && flow.run === event.run
        ? stay({
            kind: 'checking',
            run: flow.run,
            pageUrl: flow.pageUrl,
            done: 0,
            total: event.total,
            ...scoped(flow.scope),
          })
        : stay(flow);
    case 'progress':
      return flow.kind === 'checking' && flow.run === event.run
        ? stay({ ...flow, done: event.done, total: event.total })
        : stay(flow);
    case 'finished':
      return reading(flow) && flow.run === event.run
        ? stay({ kind: 'done', run: flow.run, pageUrl: flow.pageUrl, result: event.result })
        : stay(flow);
    case 'error':
      return reading(flow) && flow.run === event.run
        ? stay({ kind: 'failed', run: flow.run, pageUrl: flow.pageUrl, message: event.message })
        : stay(flow);
    case 'cancel':
      if (reading(flow))
        return {
          flow: { kind: 'cancelled', run: flow.run, pageUrl: flow.pageUrl },
          effects: [{ kind: 'abort' }],
        };
      return flow.kind === 'asked' ? stay({ kind: 'idle', run: flow.run }) : stay(flow);
    case 'restored':
      return flow.kind === 'idle'
        ? stay({ kind: 'done', run: flow.run, pageUrl: event.pageUrl, result: event.result })
        : stay(flow);
  }
}

/**
 * What the card and the popup show of the flow for the page at `pageUrl` (a flow of another page shows as idle).
 */
export function viewOf(flow: Flow, pageUrl: string, now: number): CheckState {
  if (flow.kind === 'idle' || flow.pageUrl !== pageUrl) return { kind: 'idle' };
  switch (flow.kind) {
    case 'asked':
      // The popup's ask is the popup's to show (its prompt may be refused unseen); the consent window's is shown.
      return flow.via === 'popup' || now > flow.until
        ? { kind: 'idle' }
        : { kind: 'consent', origins: [...flow.origins] };
    case 'allowed':
      return { kind: 'checking', done: 0, total: 0 };
    case 'checking':
      return { kind: 'checking', done: flow.done, total: flow.total };
    case 'done':
      return { kind: 'done', result: flow.result };
    case 'cancelled':
      return { kind: 'cancelled' };
    case 'failed':
      return { kind: 'failed', message: flow.message };
  }
}
