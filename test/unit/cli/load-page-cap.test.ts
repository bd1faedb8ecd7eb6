/** `citelens scan URL` reads the page as a capped stream: an endless chunked body stops at the cap (issue 7). */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadPage, MAX_PAGE_BYTES } from '../../../src/cli/load-page';

let server: Server;
let base = '';
let sent = 0;

beforeAll(async () => {
  server = createServer((_req, res) => {
    // No content-length: chunked, and it never ends on its own.
    res.writeHead(200, { 'content-type': 'text/html' });
    const chunk = Buffer.from(`<p>${'endless '.repeat(8000)}</p>`);
    const pump = () => {
      while (!res.destroyed && sent < 4 * MAX_PAGE_BYTES) {
        sent += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      if (!res.destroyed) res.end();
    };
    res.write('<!doctype html><html><body>');
    pump();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

it('stops an endless chunked page at the cap with a clear message', async () => {
  await expect(loadPage(`${base}/endless`)).rejects.toThrow(/too large/);
  expect(sent).toBeLessThan(3 * MAX_PAGE_BYTES);
}, 30_000);
