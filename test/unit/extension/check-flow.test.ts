import { describe, expect, it } from 'vitest';
import {
  type Flow,
  type FlowEvent,
  GRANT_WAIT_MS,
  INITIAL_FLOW,
  transition,
  viewOf,
} from '../../../src/background/check-flow';
import type { CheckResult } from '../../../src/core/check/types';

const PAGE = 'https://news.example/story';
const OTHER = 'https://news.example/other';
const ORIGINS = ['https://a.example/*', 'https://b.example/*'];
const RESULT: CheckResult = { url: PAGE, title: 'Story', sources: [], claims: [] };
const T0 = 1_000_000;

/** Runs events from a flow; answers the last flow and every effect on the way. */
function run(events: FlowEvent[], from: Flow = INITIAL_FLOW) {
  let flow = from;
  const effects: unknown[] = [];
  for (const event of events) {
    const step = transition(flow, event);
    flow = step.flow;
    effects.push(...step.effects);
  }
  return { flow, effects };
}

const askWindow = (allowed = false): FlowEvent => ({
  type: 'ask',
  pageUrl: PAGE,
  origins: ORIGINS,
  allowed,
  via: 'window',
  now: T0,
});
const askPopup: FlowEvent = {
  type: 'ask',
  pageUrl: PAGE,
  origins: ORIGINS,
  allowed: false,
  via: 'popup',
  now: T0,
};
const pageGrant: FlowEvent = { type: 'grant', from: 'page', pageUrl: PAGE, origins: ORIGINS };

describe('the consent → check flow', () => {
  it('asks in the consent window for sites not yet allowed, and reads after the grant', () => {
    const asked = run([askWindow(), { type: 'windowOpened', windowId: 5 }]);
    expect(asked.flow).toMatchObject({ kind: 'asked', windowId: 5, via: 'window' });
    expect(asked.effects).toEqual([{ kind: 'openWindow' }]);
    expect(viewOf(asked.flow, PAGE, T0)).toEqual({ kind: 'consent', origins: ORIGINS });

    const allowed = run([pageGrant], asked.flow);
    expect(allowed.flow).toEqual({ kind: 'allowed', run: 1, pageUrl: PAGE });
    expect(allowed.effects).toEqual([
      { kind: 'record', pageUrl: PAGE, origins: ORIGINS },
      { kind: 'start', run: 1, pageUrl: PAGE },
    ]);

    const done = run(
      [
        { type: 'started', run: 1, total: 2 },
        { type: 'progress', run: 1, done: 1, total: 2 },
      ],
      allowed.flow,
    );
    expect(viewOf(done.flow, PAGE, T0)).toEqual({ kind: 'checking', done: 1, total: 2 });
    const finished = transition(done.flow, { type: 'finished', run: 1, result: RESULT });
    expect(viewOf(finished.flow, PAGE, T0)).toEqual({ kind: 'done', result: RESULT });
    // The result belongs to its page only.
    expect(viewOf(finished.flow, OTHER, T0)).toEqual({ kind: 'idle' });
  });

  it('starts at once, recording nothing, when every site is allowed for the page already', () => {
    const { flow, effects } = run([askWindow(true)]);
    expect(flow.kind).toBe('allowed');
    expect(effects).toEqual([{ kind: 'start', run: 1, pageUrl: PAGE }]);
  });

  it('goes back to idle when the consent window closes without an answer, and only for its own window', () => {
    const asked = run([askWindow(), { type: 'windowOpened', windowId: 5 }]).flow;
    expect(transition(asked, { type: 'windowClosed', windowId: 6 }).flow).toBe(asked);
    expect(transition(asked, { type: 'windowClosed', windowId: 5 }).flow).toEqual({ kind: 'idle', run: 0 });
    // After the grant, the window closing changes nothing.
    const reading = run([pageGrant, { type: 'windowClosed', windowId: 5 }], asked).flow;
    expect(reading.kind).toBe('allowed');
  });

  it("takes the browser's grant as the answer only while an ask waits, in time, for the sites it asked about", () => {
    const asked = run([askPopup]).flow;
    expect(viewOf(asked, PAGE, T0)).toEqual({ kind: 'idle' }); // the popup shows its own ask
    const grant = (origins: string[], now: number): FlowEvent => ({
      type: 'grant',
      from: 'browser',
      origins,
      now,
    });
    expect(transition(asked, grant(['https://elsewhere.example/*'], T0 + 10)).flow).toBe(asked);
    expect(transition(asked, grant(ORIGINS, T0 + GRANT_WAIT_MS + 1)).flow).toBe(asked);
    const answered = transition(asked, grant(['https://b.example/*', 'https://c.example/*'], T0 + 10));
    expect(answered.flow.kind).toBe('allowed');
    // Only the sites both asked about and granted are recorded.
    expect(answered.effects).toEqual([
      { kind: 'record', pageUrl: PAGE, origins: ['https://b.example/*'] },
      { kind: 'start', run: 1, pageUrl: PAGE },
    ]);
    // With nothing asked, a grant starts nothing.
    expect(transition(INITIAL_FLOW, grant(ORIGINS, T0)).flow).toBe(INITIAL_FLOW);
  });

  it('a grant from the page while its check runs records the sites and does not start again', () => {
    const reading = run([askWindow(true), { type: 'started', run: 1, total: 3 }]).flow;
    const again = transition(reading, pageGrant);
    expect(again.flow).toBe(reading);
    expect(again.effects).toEqual([{ kind: 'record', pageUrl: PAGE, origins: ORIGINS }]);
    expect(transition(reading, askWindow(true)).flow).toBe(reading);
  });

  it('cancels a check, and stops waiting for an answer', () => {
    const reading = run([askWindow(true), { type: 'started', run: 1, total: 3 }]).flow;
    const cancelled = transition(reading, { type: 'cancel' });
    expect(cancelled.flow).toEqual({ kind: 'cancelled', run: 1, pageUrl: PAGE });
    expect(cancelled.effects).toEqual([{ kind: 'abort' }]);
    // The aborted run's end changes nothing after that.
    expect(transition(cancelled.flow, { type: 'error', run: 1, message: 'aborted' }).flow).toBe(
      cancelled.flow,
    );
    expect(transition(cancelled.flow, { type: 'finished', run: 1, result: RESULT }).flow).toBe(
      cancelled.flow,
    );
    expect(run([askPopup, { type: 'cancel' }]).flow).toEqual({ kind: 'idle', run: 0 });
    expect(transition(INITIAL_FLOW, { type: 'cancel' }).flow).toBe(INITIAL_FLOW);
  });

  it('a navigation ends everything, and the old run can never write over the new one', () => {
    const first = run([askWindow(true), { type: 'started', run: 1, total: 3 }]).flow;
    const moved = transition(first, { type: 'navigated' });
    expect(moved.flow).toEqual({ kind: 'idle', run: 1 });
    expect(moved.effects).toEqual([{ kind: 'abort' }]);
    const second = run([askWindow(true)], moved.flow).flow;
    expect(second).toMatchObject({ kind: 'allowed', run: 2 });
    for (const stale of [
      { type: 'started', run: 1, total: 9 },
      { type: 'progress', run: 1, done: 9, total: 9 },
      { type: 'finished', run: 1, result: RESULT },
      { type: 'error', run: 1, message: 'x' },
    ] as FlowEvent[]) {
      expect(transition(second, stale).flow).toBe(second);
    }
    expect(run([{ type: 'navigated' }], run([askWindow()]).flow).effects).toEqual([]);
  });

  it('asking again supersedes a check of another page and aborts it', () => {
    const reading = run([askWindow(true), { type: 'started', run: 1, total: 3 }]).flow;
    const other = transition(reading, { ...pageGrant, pageUrl: OTHER });
    expect(other.flow).toMatchObject({ kind: 'allowed', run: 2, pageUrl: OTHER });
    expect(other.effects[0]).toEqual({ kind: 'abort' });
    const asked = transition(reading, { ...(askWindow() as object), pageUrl: OTHER } as FlowEvent);
    expect(asked.flow.kind).toBe('asked');
    expect(asked.effects).toEqual([{ kind: 'abort' }, { kind: 'openWindow' }]);
  });

  it('fails with the error of its own run, and restores a kept result only into an idle tab', () => {
    const failed = run([askWindow(true), { type: 'error', run: 1, message: 'no network' }]).flow;
    expect(viewOf(failed, PAGE, T0)).toEqual({ kind: 'failed', message: 'no network' });
    const restored = transition(INITIAL_FLOW, { type: 'restored', pageUrl: PAGE, result: RESULT }).flow;
    expect(viewOf(restored, PAGE, T0)).toEqual({ kind: 'done', result: RESULT });
    expect(transition(failed, { type: 'restored', pageUrl: PAGE, result: RESULT }).flow).toBe(failed);
  });

  it('shows a consent window ask as idle once it is stale', () => {
    const asked = run([askWindow()]).flow;
    expect(viewOf(asked, PAGE, T0 + GRANT_WAIT_MS + 1)).toEqual({ kind: 'idle' });
  });
});

describe('a check of part of the page (the context menu)', () => {
  const SCOPE = { claimIds: ['c2'], sourceIds: ['s1'] };
  const askPart = (allowed: boolean): FlowEvent => ({
    type: 'ask',
    pageUrl: PAGE,
    origins: [ORIGINS[0] as string],
    allowed,
    via: 'window',
    now: T0,
    scope: SCOPE,
  });

  it("asks for the part's sites in the consent window, and the grant reads that part only", () => {
    const asked = run([askPart(false), { type: 'windowOpened', windowId: 5 }]);
    expect(viewOf(asked.flow, PAGE, T0)).toEqual({ kind: 'consent', origins: [ORIGINS[0]] });
    const granted = run(
      [{ type: 'grant', from: 'page', pageUrl: PAGE, origins: [ORIGINS[0] as string] }],
      asked.flow,
    );
    expect(granted.effects).toContainEqual({ kind: 'start', run: 1, pageUrl: PAGE, scope: SCOPE });
    const started = transition(granted.flow, { type: 'started', run: 1, total: 1 });
    expect(started.flow).toMatchObject({ kind: 'checking', scope: SCOPE });
  });

  it('starts at once with the part when its sites are allowed already', () => {
    expect(run([askPart(true)]).effects).toEqual([{ kind: 'start', run: 1, pageUrl: PAGE, scope: SCOPE }]);
  });

  it("a whole page's read covers a part; a part's read does not cover the whole page", () => {
    const whole = run([askWindow(true)]);
    expect(run([askPart(true)], whole.flow).effects).toEqual([]);
    const part = run([askPart(true)]);
    const then = run([askWindow(true)], part.flow);
    expect(then.effects).toEqual([{ kind: 'abort' }, { kind: 'start', run: 2, pageUrl: PAGE }]);
  });

  it("the popup's ask for the whole page replaces a part's ask still waiting", () => {
    const asked = run([askPart(false), askPopup]);
    const granted = run([pageGrant], asked.flow);
    expect(granted.effects).toContainEqual({ kind: 'start', run: 1, pageUrl: PAGE });
  });
});
