/**
 * Every message that crosses between CiteLens contexts, declared once: its name, what it carries and what it
 * answers. Senders and handlers are typed from this map, so a context cannot send what nobody handles or answer
 * with the wrong shape.
 *
 *   content    → background  pageState, requestCheck (the card's "Check sources", automatic checks), cancelCheck
 *   popup      → background  tabView, startCheck, expectGrant, cancelCheck   (the consent page and side panel too)
 *   popup      → content     showClaim, step                                 (the side panel too)
 *   background → content     step (the keyboard commands), getPageState (when it holds nothing for a tab),
 *                            checkState (progress and results of a tab's check), selectedClaims (the context menu)
 *   background → side panel  tabChanged (a tab's report or check changed)
 *
 * Who may send each message is declared in `ALLOWED_SENDERS` and enforced by `handleMessages` from the browser's
 * `sender`, in one place for every receiver.
 */
import type { Runtime } from 'webextension-polyfill';
import type { JsonReport } from '../core';
import type { CheckResult } from '../core/check/types';
import { extensionApi, messageListener, unwrapAnswer } from './browser-differences';

/** Where a page's content script is. */
export type PageStatus = 'scanning' | 'ready' | 'disabled-site' | 'disabled-everywhere';

export interface PageState {
  status: PageStatus;
  url: string;
  /** The last scan's report; null until the first scan ends and while CiteLens is off for the page. */
  report: JsonReport | null;
  /**
   * The report left in the tab, and how many claims it holds: what the content script tells the background after
   * each scan (the badge needs no more). Serialising a whole report of tens of thousands of claims is a long task
   * on the page, so the background asks for it (`getPageState`) only when the popup or a check needs it.
   */
  claimsInTab?: number;
}

/** Where the check of a tab's sources is. Nothing is read until the reader asks (or allowed a site). */
export type CheckState =
  | { kind: 'idle' }
  /**
   * The reader pressed "Check sources" on the card (or "Check this claim" in the context menu) and the consent
   * window is open, asking for these sites (match patterns).
   */
  | { kind: 'consent'; origins: string[] }
  | { kind: 'checking'; done: number; total: number }
  | { kind: 'done'; result: CheckResult }
  | { kind: 'cancelled' }
  | { kind: 'failed'; message: string };

/** What the popup shows for a tab. */
export type TabView =
  | { kind: 'restricted' }
  | { kind: 'loading' }
  | { kind: 'unreachable' } // an http(s) page without our content script: opened before CiteLens was installed
  | { kind: 'disabled'; scope: 'site' | 'everywhere'; host: string }
  | { kind: 'report'; url: string; report: JsonReport; check: CheckState; tabId: number };

/** What became of a request to check a page's sources. */
export type CheckRequestOutcome =
  | 'started'
  /** Some sites need the reader's permission: the consent window opened (never for an automatic check). */
  | 'consent'
  /** Nothing to read: no linked source, or (automatic check) no site the reader has allowed. */
  | 'nothing';

export type StepDirection = 'next' | 'previous';

export interface MessageMap {
  /** The page's state after a scan (and when CiteLens turns off or on for it). */
  pageState: { request: PageState; response: { ok: true } };
  /** What the popup shows for a tab. */
  tabView: { request: { tabId: number }; response: TabView };
  /**
   * The reader allowed the sources' sites and asks for a check of a tab's page. Sent by the popup and the consent
   * page right after `permissions.request`, in the reader's click; the background records the sites as allowed
   * for the page's site and reads them.
   */
  startCheck: {
    /** `origins`: the sources' sites the page showed the reader and they allowed (match patterns). */
    request: { tabId: number; origins: string[] };
    response: { outcome: CheckRequestOutcome };
  };
  /**
   * The popup is asking the browser for the sources' sites right now. A prompt can take the popup's focus and
   * close it before it hears the answer, so the background starts the check itself when the grant arrives.
   */
  expectGrant: { request: { tabId: number; origins: string[] }; response: { ok: true } };
  /** From the sender's page: the card's "Check sources" (`auto: false`) or an automatic check (`auto: true`). */
  requestCheck: { request: { auto: boolean }; response: { outcome: CheckRequestOutcome } };
  /** Stop a tab's check (the popup names the tab; the content script means its own). */
  cancelCheck: { request: { tabId?: number }; response: { ok: true } };
  /** A tab's check moved on: progress, results, cancelled. */
  checkState: { request: CheckState; response: { ok: true } };
  /** Scroll to a claim and open its card. */
  showClaim: { request: { claimId: string }; response: { shown: boolean } };
  /** Go to the next or previous claim (the keyboard commands). Answers the claim now shown. */
  step: { request: { direction: StepDirection }; response: { claimId: string | null } };
  /** The content script's current state (the background asks when it has none for a tab). */
  getPageState: { request: Record<string, never>; response: PageState };
  /** The claims the reader's selection in the page touches, in page order (the context menu's "Check this claim"). */
  selectedClaims: { request: Record<string, never>; response: { claimIds: string[] } };
  /** A tab's report or check changed: the side panel showing it asks for its view again. */
  tabChanged: { request: { tabId: number }; response: { ok: true } };
}

export type MessageType = keyof MessageMap;
export type RequestOf<K extends MessageType> = MessageMap[K]['request'];
export type ResponseOf<K extends MessageType> = MessageMap[K]['response'];

/**
 * The contexts a message can come from, as the receiver knows them from the browser's `sender` (never from what
 * the message says about itself):
 *  - `content`: CiteLens's content script in the top frame of a tab showing a web page. The page's own scripts
 *    cannot send extension messages, but whatever the content script sends may have been steered by the page, so
 *    it may speak only for its own tab.
 *  - `extension-page`: a page or worker of this extension (the background, the popup, the side panel, the consent
 *    and options pages), whether in its own window, a side panel or a tab.
 */
export type SenderContext = 'content' | 'extension-page';

export type Sender =
  | { context: 'content'; tabId: number; url: string }
  | { context: 'extension-page'; url: string };

/**
 * Who may send each message, decided here once. The receiver refuses any other sender before a handler runs.
 *  - The background learns a page's state, and is asked for a check, only by the content script of that page's
 *    tab; it tells a tab's view (its address, report and check, for any tab) and starts checks for a named tab
 *    only to CiteLens's own pages.
 *  - The content script takes orders only from CiteLens's own pages (the background, the popup, the side panel).
 *  - The side panel hears that a tab changed only from CiteLens's own pages (the background).
 */
export const ALLOWED_SENDERS = {
  pageState: ['content'],
  tabView: ['extension-page'],
  startCheck: ['extension-page'],
  expectGrant: ['extension-page'],
  requestCheck: ['content'],
  cancelCheck: ['content', 'extension-page'],
  checkState: ['extension-page'],
  showClaim: ['extension-page'],
  step: ['extension-page'],
  getPageState: ['extension-page'],
  selectedClaims: ['extension-page'],
  tabChanged: ['extension-page'],
} as const satisfies { [K in MessageType]: readonly SenderContext[] };

/** The sender a message of this type can have reached its handler from. */
export type SenderOf<K extends MessageType> = Extract<
  Sender,
  { context: (typeof ALLOWED_SENDERS)[K][number] }
>;

/** This extension as the browser names it: its id and the start of its pages' addresses. */
export interface Self {
  id: string;
  /** `chrome-extension://<id>/` or `moz-extension://<uuid>/`. */
  base: string;
}

/** What the receiver reads of `runtime.MessageSender`. */
export interface SenderFacts {
  id?: string;
  url?: string;
  frameId?: number;
  tab?: { id?: number };
}

/**
 * Which context a message came from, from what the browser says of its sender, or null when it is none CiteLens
 * answers (another extension, a content script in a frame, a page that is not http(s)).
 */
export function senderContext(sender: SenderFacts, self: Self): Sender | null {
  if (!self.id || sender.id !== self.id || typeof sender.url !== 'string') return null;
  const url = sender.url;
  // The browser sets `url` itself: a page cannot make its content script's messages come from an extension page.
  if (self.base && url.startsWith(self.base)) return { context: 'extension-page', url };
  const tabId = sender.tab?.id;
  if (tabId === undefined || tabId < 0 || sender.frameId !== 0) return null;
  if (!/^https?:\/\//i.test(url)) return null;
  return { context: 'content', tabId, url };
}

/** The sender, if it may send a message of this type; else null. */
export function acceptedSender<K extends MessageType>(
  type: K,
  sender: SenderFacts,
  self: Self,
): SenderOf<K> | null {
  const from = senderContext(sender, self);
  if (!from) return null;
  const allowed: readonly SenderContext[] = ALLOWED_SENDERS[type];
  return allowed.includes(from.context) ? (from as SenderOf<K>) : null;
}

interface Envelope<K extends MessageType = MessageType> {
  citelens: K;
  data: RequestOf<K>;
}

const MESSAGE_TYPES: ReadonlySet<string> = new Set<MessageType>([
  'pageState',
  'tabView',
  'startCheck',
  'expectGrant',
  'requestCheck',
  'cancelCheck',
  'checkState',
  'showClaim',
  'step',
  'getPageState',
  'selectedClaims',
  'tabChanged',
]);

function isEnvelope(message: unknown): message is Envelope {
  if (typeof message !== 'object' || message === null) return false;
  const type = (message as { citelens?: unknown }).citelens;
  return typeof type === 'string' && MESSAGE_TYPES.has(type);
}

/** Sends to the extension's own pages (the background answers). */
export function sendMessage<K extends MessageType>(type: K, data: RequestOf<K>): Promise<ResponseOf<K>> {
  const envelope: Envelope<K> = { citelens: type, data };
  return unwrapAnswer(extensionApi().runtime.sendMessage(envelope)) as Promise<ResponseOf<K>>;
}

/** Sends to the content script of a tab's top frame. */
export function sendToTab<K extends MessageType>(
  tabId: number,
  type: K,
  data: RequestOf<K>,
): Promise<ResponseOf<K>> {
  const envelope: Envelope<K> = { citelens: type, data };
  return unwrapAnswer(extensionApi().tabs.sendMessage(tabId, envelope, { frameId: 0 })) as Promise<
    ResponseOf<K>
  >;
}

export type Handler<K extends MessageType> = (
  data: RequestOf<K>,
  from: SenderOf<K>,
) => ResponseOf<K> | Promise<ResponseOf<K>>;

export type Handlers<K extends MessageType> = { [P in K]: Handler<P> };

/** Thrown back to a sender that may not send what it sent. */
export class RefusedSender extends Error {
  constructor(type: MessageType) {
    super(`CiteLens does not take "${type}" from this sender.`);
    this.name = 'RefusedSender';
  }
}

function thisExtension(): Self {
  const { runtime } = extensionApi();
  return { id: runtime.id, base: runtime.getURL('') };
}

/**
 * Answers the messages named in `handlers` and leaves every other message to other listeners (returning
 * undefined tells the browser this listener does not answer). A message from a sender `ALLOWED_SENDERS` does not
 * name for it is refused (a rejected answer) and its handler never runs. Returns a function that stops listening.
 */
export function handleMessages<K extends MessageType>(handlers: Handlers<K>): () => void {
  const listener = (message: unknown, sender: Runtime.MessageSender): Promise<unknown> | undefined => {
    if (!isEnvelope(message) || !Object.hasOwn(handlers, message.citelens)) return undefined;
    const type = message.citelens as K;
    const from = acceptedSender(type, sender, thisExtension());
    if (!from) return Promise.reject(new RefusedSender(type));
    const handler = handlers[type] as Handler<K>;
    return Promise.resolve().then(() => handler(message.data as RequestOf<K>, from));
  };
  const onMessage = extensionApi().runtime.onMessage;
  const registered = messageListener(listener) as Parameters<typeof onMessage.addListener>[0];
  onMessage.addListener(registered);
  return () => onMessage.removeListener(registered);
}
