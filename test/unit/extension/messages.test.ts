import { beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = (message: unknown, sender: object) => Promise<unknown> | undefined;
const listeners: Listener[] = [];
const sent: unknown[] = [];

vi.mock('webextension-polyfill', () => ({
  default: {
    runtime: {
      onMessage: {
        addListener: (l: Listener) => listeners.push(l),
        removeListener: (l: Listener) => listeners.splice(listeners.indexOf(l), 1),
      },
      sendMessage: async (m: unknown) => {
        sent.push(m);
        return { ok: true };
      },
    },
    tabs: { sendMessage: async (_tab: number, m: unknown) => m },
  },
}));

const { handleMessages, sendMessage } = await import('../../../src/shared/messages');

describe('typed messages', () => {
  beforeEach(() => {
    listeners.length = 0;
    sent.length = 0;
  });

  it('answers the messages it handles, and only those', async () => {
    const stop = handleMessages({
      step: ({ direction }) => ({ claimId: direction === 'next' ? 'c2' : 'c0' }),
    });
    const listener = listeners[0] as Listener;
    await expect(listener({ citelens: 'step', data: { direction: 'next' } }, {})).resolves.toEqual({
      claimId: 'c2',
    });
    expect(listener({ citelens: 'showClaim', data: { claimId: 'x' } }, {})).toBeUndefined();
    expect(listener({ citelens: 'nope', data: {} }, {})).toBeUndefined();
    expect(listener('step', {})).toBeUndefined();
    expect(listener(null, {})).toBeUndefined();
    stop();
    expect(listeners).toHaveLength(0);
  });

  it('turns a handler that throws into a rejected answer, not an exception in the listener', async () => {
    handleMessages({
      getPageState: () => {
        throw new Error('boom');
      },
    });
    await expect((listeners[0] as Listener)({ citelens: 'getPageState', data: {} }, {})).rejects.toThrow(
      'boom',
    );
  });

  it('sends an envelope naming the message', async () => {
    await sendMessage('requestCheck', { auto: false });
    expect(sent).toEqual([{ citelens: 'requestCheck', data: { auto: false } }]);
  });
});
