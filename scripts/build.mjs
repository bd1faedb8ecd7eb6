// One build for everything: the extension for Chrome and Firefox from one tree, and the command-line tool.
import { execFileSync } from 'node:child_process';

const vite = (args) => execFileSync('npx', ['vite', 'build', ...args], { stdio: 'inherit' });

vite(['-c', 'vite.cli.config.ts']);
