/**
 * The one switch that only tests can turn on. `vite build --mode chrome-test` / `firefox-test` (written to
 * dist/test/<browser> by `npm run build`, loaded only by the end-to-end tests) defines
 * `__CITELENS_TEST_BUILD__` as true; the builds for readers and the stores define it as false, so the branch
 * that reads the test servers is not even in their code. No setting, storage key or message can turn it on.
 */
declare const __CITELENS_TEST_BUILD__: boolean | undefined;

export const TEST_BUILD: boolean = typeof __CITELENS_TEST_BUILD__ === 'boolean' && __CITELENS_TEST_BUILD__;

/**
 * The hosts the test build may read although they resolve to loopback: the test servers' names, under `.test`,
 * the top-level name reserved for testing (RFC 6761), which the tests' browsers resolve to 127.0.0.1. Only
 * these: loopback and private address literals (127.0.0.1, localhost, 10.x…), and any other name resolving to
 * one, are refused as in the readers' build, so the tests can play those attacks against the real policy.
 */
export const testServerName = (hostname: string): boolean =>
  TEST_BUILD && /^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.test\.?$/i.test(hostname);
