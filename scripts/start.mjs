// The demo: serves the seed article from localhost and opens Chromium with dist/chrome loaded.
// `npm start` builds first. CHROME_PATH picks another Chromium; with no display, prints how to load by hand.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot, startPageServer } from './serve-pages.mjs';

const chromeDir = join(repoRoot, 'dist/chrome');
const firefoxDir = join(repoRoot, 'dist/firefox');
const chromePath = process.env.CHROME_PATH || '/usr/lib/chromium/chromium';

function byHand(origin) {
  const page = origin
    ? `${origin}/seed`
    : 'the seed article (node scripts/serve-pages.mjs serves it at http://127.0.0.1:8788/seed)';
  return [
    'Load the build by hand:',
    `  Chrome/Chromium: open chrome://extensions, turn on Developer mode, "Load unpacked" → ${chromeDir}`,
    `  Firefox:         open about:debugging#/runtime/this-firefox, "Load Temporary Add-on…" → ${join(firefoxDir, 'manifest.json')}`,
    `                   (or: npx web-ext run -s ${firefoxDir} --start-url ${origin ? `${origin}/seed` : 'http://127.0.0.1:8788/seed'})`,
    `Then open ${page}.`,
  ].join('\n');
}

if (!existsSync(join(chromeDir, 'manifest.json'))) {
  console.error(`No build in ${chromeDir}: run \`npm run build\` first (npm start does).`);
  process.exit(1);
}

if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.log('No display here (neither DISPLAY nor WAYLAND_DISPLAY is set), so no browser window can open.');
  console.log(byHand(null));
  process.exit(0);
}

if (!existsSync(chromePath)) {
  console.error(`No Chromium at ${chromePath}. Install it (apt-get install chromium) or set CHROME_PATH.`);
  console.log(byHand(null));
  process.exit(1);
}

const server = await startPageServer({ port: Number(process.env.PORT ?? 8788) }).catch(() =>
  startPageServer(),
);
const url = `${server.origin}/seed`;
const profile = mkdtempSync(join(tmpdir(), 'citelens-demo-'));
const args = [
  `--user-data-dir=${profile}`,
  `--load-extension=${chromeDir}`,
  `--disable-extensions-except=${chromeDir}`,
  '--no-first-run',
  '--no-default-browser-check',
  ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
  url,
];
console.log(`Serving the seed article at ${url}`);
console.log(
  `Opening ${chromePath} with CiteLens loaded from ${chromeDir} (close the browser or press Ctrl-C to stop).`,
);
console.log(
  'Google Chrome 137 and later ignore --load-extension; if no CiteLens icon shows, load it by hand:',
);
console.log(byHand(server.origin));

const browser = spawn(chromePath, args, { stdio: 'ignore' });
const stop = async (code) => {
  await server.close();
  rmSync(profile, { recursive: true, force: true });
  process.exit(code);
};
browser.on('exit', (code) => {
  if (code) console.error(`${chromePath} exited with code ${code} (can it open a window on this display?)`);
  void stop(code ?? 0);
});
browser.on('error', (error) => {
  console.error(`Could not start ${chromePath}: ${error.message}`);
  void stop(1);
});
process.on('SIGINT', () => browser.kill('SIGTERM'));
process.on('SIGTERM', () => browser.kill('SIGTERM'));
