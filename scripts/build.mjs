// One build for everything: the extension for Chrome and Firefox from one tree, and the command-line tool.
import { execFileSync } from 'node:child_process';

const vite = (args) => execFileSync('npx', ['vite', 'build', ...args], { stdio: 'inherit' });

vite(['-c', 'vite.cli.config.ts']);
// The extension: dist/chrome and dist/firefox (vite.config.ts; the manifest differences are in
// src/shared/browser-differences.ts).
vite(['--mode', 'chrome']);
vite(['--mode', 'firefox']);
// The end-to-end tests' builds, dist/test/chrome and dist/test/firefox: the same extension with the one
// test-only switch on (src/background/test-build.ts). Never packaged.
vite(['--mode', 'chrome-test']);
vite(['--mode', 'firefox-test']);
