import { beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = (message: unknown, sender: object) => Promise<unknown> | undefined;
const listeners: Listener[] = [];
const sent: unknown[] = [];

// The extension API as Chrome gives it, without the polyfill (src/shared/browser-differences.ts `extensionApi`).
vi.stubGlobal('chrome', {
  runtime: {
    id: 'citelens-id',
    getURL: (path: string) => `chrome-extension://citelens-id/${path}`,
    onMessage: {
      addListener: (l: ChromeListener) => listeners.push(asked(l)),
      removeListener: () => listeners.pop(),
    },
    sendMessage: async (m: unknown) => {
      sent.push(m);
      return { ok: true };
    },
  },
  tabs: { sendMessage: async (_tab: number, m: unknown) => m },
});

type ChromeListener = (message: unknown, sender: object, sendResponse: (answer: unknown) => void) => unknown;

/**
 * A Chrome listener as a sender hears it: its answer through `sendResponse` after `return true`, a refusal (the
 * polyfill's shape) as a rejection, and undefined when it does not answer.
 */
function asked(l: ChromeListener): Listener {
  return (message, sender) => {
    let reply: (answer: unknown) => void = () => {};
    const answered = new Promise((resolve, reject) => {
      reply = (answer) => {
        const refusal = answer as { __mozWebExtensionPolyfillReject__?: boolean; message?: string } | null;
        if (refusal?.__mozWebExtensionPolyfillReject__) reject(new Error(refusal.message));
        else resolve(answer);
      };
    });
    return l(message, sender, reply) === true ? answered : undefined;
  };
}

const { ALLOWED_SENDERS, acceptedSender, handleMessages, senderContext, sendMessage } = await import(
  '../../../src/shared/messages'
);

const SELF = { id: 'citelens-id', base: 'chrome-extension://citelens-id/' };
/** What the browser says of each kind of sender. */
const POPUP = { id: 'citelens-id', url: 'chrome-extension://citelens-id/src/popup/index.html' };
const POPUP_IN_TAB = { ...POPUP, url: `${POPUP.url}?tab=4`, tab: { id: 9 }, frameId: 0 };
const WORKER = { id: 'citelens-id', url: 'chrome-extension://citelens-id/service-worker-loader.js' };
const CONTENT = { id: 'citelens-id', url: 'https://news.example/a', tab: { id: 7 }, frameId: 0 };
const CONTENT_IN_FRAME = { ...CONTENT, url: 'https://ads.example/frame', frameId: 3 };
const OTHER_EXTENSION = { id: 'someone-else', url: 'chrome-extension://someone-else/page.html' };
const OTHER_EXTENSION_POSING = { id: 'someone-else', url: POPUP.url };
const CONTENT_ON_FILE = { ...CONTENT, url: 'file:///home/reader/a.html' };
const NO_URL = { id: 'citelens-id', tab: { id: 7 }, frameId: 0 };
const LOOKALIKE = { ...CONTENT, url: 'https://chrome-extension.citelens-id.example/' };

describe('who may send what', () => {
  it('names the context from what the browser says of the sender', () => {
    expect(senderContext(POPUP, SELF)).toEqual({ context: 'extension-page', url: POPUP.url });
    expect(senderContext(POPUP_IN_TAB, SELF)?.context).toBe('extension-page');
    expect(senderContext(WORKER, SELF)?.context).toBe('extension-page');
    expect(senderContext(CONTENT, SELF)).toEqual({ context: 'content', tabId: 7, url: CONTENT.url });
    for (const nobody of [
      CONTENT_IN_FRAME,
      OTHER_EXTENSION,
      OTHER_EXTENSION_POSING,
      CONTENT_ON_FILE,
      NO_URL,
      { ...CONTENT, tab: undefined },
      { ...CONTENT, tab: { id: -1 } },
      {},
    ]) {
      expect(senderContext(nobody, SELF)).toBeNull();
    }
    expect(senderContext(LOOKALIKE, SELF)?.context).toBe('content');
    // Without a known id (no runtime), nobody is trusted.
    expect(senderContext(POPUP, { id: '', base: '' })).toBeNull();
  });

  it("answers a tab's view, and starts checks for a named tab, only to CiteLens's own pages", () => {
    for (const type of ['tabView', 'startCheck', 'expectGrant'] as const) {
      expect(acceptedSender(type, POPUP, SELF)).not.toBeNull();
      expect(acceptedSender(type, POPUP_IN_TAB, SELF)).not.toBeNull();
      expect(acceptedSender(type, CONTENT, SELF)).toBeNull();
      expect(acceptedSender(type, OTHER_EXTENSION, SELF)).toBeNull();
    }
  });

  it("hears a page's state and its request for a check only from the content script of that page's tab", () => {
    for (const type of ['pageState', 'requestCheck'] as const) {
      expect(acceptedSender(type, CONTENT, SELF)).toEqual({ context: 'content', tabId: 7, url: CONTENT.url });
      expect(acceptedSender(type, CONTENT_IN_FRAME, SELF)).toBeNull();
      // An extension page has no page to speak for, even when it sits in a tab.
      expect(acceptedSender(type, POPUP_IN_TAB, SELF)).toBeNull();
      expect(acceptedSender(type, POPUP, SELF)).toBeNull();
    }
    expect(acceptedSender('cancelCheck', CONTENT, SELF)?.context).toBe('content');
    expect(acceptedSender('cancelCheck', POPUP, SELF)?.context).toBe('extension-page');
  });

  it('lets the content script take orders only from CiteLens itself', () => {
    for (const type of ['showClaim', 'step', 'getPageState', 'checkState', 'selectedClaims'] as const) {
      expect(acceptedSender(type, WORKER, SELF)).not.toBeNull();
      expect(acceptedSender(type, POPUP, SELF)).not.toBeNull();
      expect(acceptedSender(type, CONTENT, SELF)).toBeNull();
      expect(acceptedSender(type, OTHER_EXTENSION, SELF)).toBeNull();
    }
  });

  it("lets the side panel, an extension page, ask for tab views and show claims, and hear of tabs' changes", () => {
    const PANEL = { ...POPUP, url: `${SELF.base}src/panel/index.html` };
    for (const type of ['tabView', 'startCheck', 'cancelCheck', 'showClaim', 'tabChanged'] as const)
      expect(acceptedSender(type, PANEL, SELF)?.context).toBe('extension-page');
    // A page cannot make its content script pass for the background telling the panel a tab changed.
    expect(acceptedSender('tabChanged', CONTENT, SELF)).toBeNull();
  });

  it('declares senders for every message', () => {
    expect(Object.keys(ALLOWED_SENDERS).sort()).toEqual(
      [
        'cancelCheck',
        'checkState',
        'expectGrant',
        'getPageState',
        'pageState',
        'requestCheck',
        'selectedClaims',
        'showClaim',
        'startCheck',
        'step',
        'tabChanged',
        'tabView',
      ].sort(),
    );
  });
});

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
    await expect(listener({ citelens: 'step', data: { direction: 'next' } }, WORKER)).resolves.toEqual({
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
    await expect((listeners[0] as Listener)({ citelens: 'getPageState', data: {} }, WORKER)).rejects.toThrow(
      'boom',
    );
  });

  it('refuses a sender the map does not name, without running the handler', async () => {
    const asked: number[] = [];
    const handled: string[] = [];
    handleMessages({
      tabView: ({ tabId }) => {
        asked.push(tabId);
        return { kind: 'restricted' as const };
      },
      requestCheck: (_data, from) => {
        handled.push(`${from.context}:${from.tabId}`);
        return { outcome: 'nothing' as const };
      },
    });
    const listener = listeners[0] as Listener;
    // A content script (a page steering it) asking for another tab's address and report.
    await expect(listener({ citelens: 'tabView', data: { tabId: 1 } }, CONTENT)).rejects.toThrow(
      'does not take "tabView"',
    );
    await expect(listener({ citelens: 'tabView', data: { tabId: 1 } }, OTHER_EXTENSION)).rejects.toThrow();
    expect(asked).toEqual([]);
    await expect(listener({ citelens: 'tabView', data: { tabId: 1 } }, POPUP)).resolves.toEqual({
      kind: 'restricted',
    });
    expect(asked).toEqual([1]);
    // A check asked for from a frame, or by an extension page posing as a page: refused.
    await expect(
      listener({ citelens: 'requestCheck', data: { auto: false } }, CONTENT_IN_FRAME),
    ).rejects.toThrow();
    await expect(
      listener({ citelens: 'requestCheck', data: { auto: false } }, POPUP_IN_TAB),
    ).rejects.toThrow();
    expect(handled).toEqual([]);
    await listener({ citelens: 'requestCheck', data: { auto: false } }, CONTENT);
    expect(handled).toEqual(['content:7']);
  });

  it('sends an envelope naming the message', async () => {
    await sendMessage('requestCheck', { auto: false });
    expect(sent).toEqual([{ citelens: 'requestCheck', data: { auto: false } }]);
  });
});
