/**
 * Firefox fetches http sources as http (issue 7, item 4). Without a `content_security_policy` in the manifest,
 * Firefox's MV3 default for extension pages adds `upgrade-insecure-requests`, and every http source was asked for
 * as https (a network error). Loopback addresses are exempt from the upgrade, so the test asks a non-loopback
 * name that the test profile resolves to the local server (network.dns.localDomains).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FIREFOX_TEST_HOSTS, launchFirefox } from './helpers/browsers';

let server: Server;
let port = 0;
let browser: Awaited<ReturnType<typeof launchFirefox>>;

beforeAll(async () => {
  server = createServer((_req, res) =>
    res.writeHead(200, { 'content-type': 'text/plain' }).end('read over http'),
  );
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  port = (server.address() as AddressInfo).port;
  browser = await launchFirefox({ build: 'test' });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  server?.closeAllConnections();
  await new Promise((r) => server?.close(r));
});

it('an extension page (same CSP as the background) reads an http source at a non-loopback name as http', async () => {
  const page = await browser.openExtensionPage('src/options/index.html', 'body');
  const url = `http://${FIREFOX_TEST_HOSTS[0]}:${port}/source`;
  const answer = await page.evaluate(async (u) => {
    try {
      const r = await fetch(u, { credentials: 'omit' });
      return `${r.url} ${await r.text()}`;
    } catch (error) {
      return `failed: ${String(error)}`;
    }
  }, url);
  expect(answer).toBe(`${url} read over http`);
}, 60_000);
