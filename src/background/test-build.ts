/**
 * The one switch that only tests can turn on. `vite build --mode chrome-test` / `firefox-test` (written to
 * dist/test/<browser> by `npm run build`, loaded only by the end-to-end tests) defines
 * `__CITELENS_TEST_BUILD__` as true; the builds for readers and the stores define it as false, so the branch
 * that reads loopback addresses is not even in their code. No setting, storage key or message can turn it on.
 */
declare const __CITELENS_TEST_BUILD__: boolean | undefined;

export const TEST_BUILD: boolean = typeof __CITELENS_TEST_BUILD__ === 'boolean' && __CITELENS_TEST_BUILD__;
