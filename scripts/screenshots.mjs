// `npm run screenshots`: rebuilds, then runs the screenshot test with docs/screenshots/ as its output folder, so
// the README's images show the current build. (`npm test` writes them to a temporary folder instead.)
import { execFileSync } from 'node:child_process';

execFileSync('node', ['scripts/build.mjs'], { stdio: 'inherit' });
execFileSync('npx', ['vitest', 'run', 'test/e2e/screenshots.test.ts'], {
  stdio: 'inherit',
  env: { ...process.env, CITELENS_SCREENSHOTS_DIR: 'docs/screenshots' },
});
