/**
 * Reading the card as the reader's browser shows it, though its shadow root is closed (src/content/card.ts): the
 * page's own scripts get `null` from `host.shadowRoot`, so the tests go through the automation protocol, which
 * sees every shadow root, as developer tools do: CDP's `DOM.describeNode({ pierce: true })` in Chromium and
 * WebDriver BiDi's `includeShadowTree: 'all'` in Firefox. The function then runs in the page's main world with
 * the shadow root as its first argument (null when no card is open).
 *
 * The card's host is found as the child of <html> that hosts a shadow root (open or closed, so the same helpers
 * read older builds, whose host was an open `citelens-card`). Functions must be self-contained and return
 * JSON-serialisable data: they are sent as source text.
 */
import type { CDPSession, Page as PlaywrightPage } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';

export type InCard<R, A> = (root: ShadowRoot | null, arg: A) => R;

/** The source of a function that calls `fn(root, arg)` and returns its result as JSON text. */
function caller<R, A>(fn: InCard<R, A>, arg: A, params: string, root: string): string {
  return `(${params}) => JSON.stringify((${fn.toString()})(${root}, ${JSON.stringify(arg) ?? 'undefined'}) ?? null)`;
}

const sessions = new WeakMap<PlaywrightPage, Promise<CDPSession>>();

export async function evaluateInCardChromium<R, A>(
  page: PlaywrightPage,
  fn: InCard<R, A>,
  arg: A,
): Promise<R> {
  let session = sessions.get(page);
  if (!session) {
    session = page.context().newCDPSession(page);
    sessions.set(page, session);
  }
  const cdp = await session;
  const { result } = await cdp.send('Runtime.evaluate', { expression: 'document.documentElement' });
  let shadowBackendId: number | undefined;
  if (result.objectId) {
    const { node } = await cdp.send('DOM.describeNode', {
      objectId: result.objectId,
      depth: 1,
      pierce: true,
    });
    shadowBackendId = node.children?.find((c) => (c.shadowRoots?.length ?? 0) > 0)?.shadowRoots?.[0]
      ?.backendNodeId;
    await cdp.send('Runtime.releaseObject', { objectId: result.objectId });
  }
  if (shadowBackendId === undefined) {
    const text = await page.evaluate(`(${caller(fn, arg, '', 'null')})()`);
    return JSON.parse(text as string) as R;
  }
  const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadowBackendId });
  const answer = await cdp.send('Runtime.callFunctionOn', {
    objectId: object.objectId as string,
    functionDeclaration: `function () { return (${caller(fn, arg, 'root', 'root')})(this); }`,
    returnByValue: true,
    awaitPromise: true,
  });
  await cdp.send('Runtime.releaseObject', { objectId: object.objectId as string });
  if (answer.exceptionDetails) throw new Error(`in the card: ${answer.exceptionDetails.text}`);
  return JSON.parse(answer.result.value as string) as R;
}

/** The few BiDi shapes used here. */
interface BidiNode {
  type: string;
  sharedId?: string;
  value?: { localName?: string; children?: BidiNode[]; shadowRoot?: BidiNode | null };
}
interface BidiResult {
  type: 'success' | 'exception';
  result?: { type: string; value?: unknown };
  exceptionDetails?: { text: string };
}
interface BidiConnection {
  send(method: string, params: object): Promise<{ result: BidiResult }>;
}

export async function evaluateInCardFirefox<R, A>(page: PuppeteerPage, fn: InCard<R, A>, arg: A): Promise<R> {
  // Puppeteer speaks BiDi to Firefox but exposes no call with `includeShadowTree`: its connection does.
  const connection = (page.browser() as unknown as { connection: BidiConnection }).connection;
  const context = (page.mainFrame() as unknown as { _id: string })._id;
  const { result: html } = await connection.send('script.evaluate', {
    expression: 'document.documentElement',
    target: { context },
    awaitPromise: false,
    resultOwnership: 'none',
    serializationOptions: { maxDomDepth: 1, includeShadowTree: 'all' },
  });
  const children = ((html.result as BidiNode | undefined)?.value?.children ?? []) as BidiNode[];
  const shadow = children.find((c) => c.value?.shadowRoot?.sharedId)?.value?.shadowRoot;
  const { result } = await connection.send('script.callFunction', {
    functionDeclaration: shadow ? caller(fn, arg, 'root', 'root') : caller(fn, arg, '', 'null'),
    arguments: shadow ? [{ sharedId: shadow.sharedId }] : [],
    target: { context },
    awaitPromise: true,
    resultOwnership: 'none',
  });
  if (result.type === 'exception') throw new Error(`in the card: ${result.exceptionDetails?.text}`);
  return JSON.parse(String(result.result?.value)) as R;
}
