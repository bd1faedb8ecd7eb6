// The source archive addons.mozilla.org asks for when a build is minified: every file of the repository that the
// build reads (git's tracked and not-ignored files, without the test fixtures and screenshots), with BUILDING.md
// saying how to rebuild dist/firefox from it. A test (test/e2e/source-archive.test.ts) rebuilds from the archive
// and compares the result with dist/firefox byte for byte.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Folders a rebuild does not need: saved test pages (megabytes) and the README's images. */
const LEFT_OUT = [/^test\//, /^docs\//, /^\.ci\//];

export function sourceFiles(root) {
  const listed = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], {
    cwd: root,
    encoding: 'utf8',
  });
  return listed
    .split('\0')
    .filter((f) => f && !LEFT_OUT.some((re) => re.test(f)))
    .sort();
}

/** Writes `<dir>/<name>` (a .tar.gz) and returns its path. */
export function writeSourceArchive(root, dir, name) {
  mkdirSync(dir, { recursive: true });
  const list = join(tmpdir(), `citelens-source-list-${process.pid}.txt`);
  writeFileSync(list, sourceFiles(root).join('\n'));
  const archive = join(dir, name);
  // Fixed owner and modes so the archive does not carry this machine's account names.
  execFileSync(
    'tar',
    ['--owner=0', '--group=0', '--numeric-owner', '-czf', archive, '-C', root, '--files-from', list],
    { stdio: 'inherit' },
  );
  return archive;
}
