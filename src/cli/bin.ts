#!/usr/bin/env node
/** The `citelens` executable: wires the process to `main`. */
import { exitQuietlyOnClosedPipe } from './epipe';
import type { CliIo } from './io';
import { main } from './main';

exitQuietlyOnClosedPipe([process.stdout, process.stderr], (code) => process.exit(code));
const io: CliIo = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };
main(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`citelens: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
