/** How the e2e tests' own servers answer: never cached, so each test sees what its server says now. */
import type { ServerResponse } from 'node:http';

export function sendHtml(res: ServerResponse, body: string, status = 200): void {
  res
    .writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
    .end(body);
}
