// Store packages from the builds: artifacts/citelens-<version>-chrome.zip and -firefox.zip (web-ext build,
// which zips the folder the way addons.mozilla.org expects), and artifacts/citelens-<version>-source.tar.gz, the
// source with BUILDING.md that Firefox's review asks for. Run `npm run build` first.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './serve-pages.mjs';
import { writeSourceArchive } from './source-archive.mjs';

const { version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
const artifacts = join(repoRoot, 'artifacts');

for (const browser of ['chrome', 'firefox']) {
  const dir = join(repoRoot, 'dist', browser);
  if (!existsSync(join(dir, 'manifest.json'))) {
    console.error(`No build in ${dir}: run \`npm run build\` first.`);
    process.exit(1);
  }
  const filename = `citelens-${version}-${browser}.zip`;
  execFileSync(
    'npx',
    [
      'web-ext',
      'build',
      '--source-dir',
      dir,
      '--artifacts-dir',
      artifacts,
      '--filename',
      filename,
      '--overwrite-dest',
    ],
    { stdio: ['ignore', 'ignore', 'inherit'], cwd: repoRoot },
  );
  console.log(`artifacts/${filename}`);
}

const source = `citelens-${version}-source.tar.gz`;
writeSourceArchive(repoRoot, artifacts, source);
console.log(`artifacts/${source}`);
