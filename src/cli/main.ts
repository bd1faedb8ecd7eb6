import { runScan, SCAN_USAGE } from './commands/scan';
import type { CliIo } from './io';
import { UserError } from './load-page';

const USAGE = `CiteLens: check the citations of a page.

usage:
  ${SCAN_USAGE}
  citelens check <file.html | URL> [--json] [--sources DIR]
  citelens score  < pairs.jsonl > verdicts.jsonl
`;

type Command = (args: string[], io: CliIo) => Promise<number>;

/** Commands load lazily so `scan` never pays for the support judge. */
const commands: Record<string, () => Promise<Command>> = {
  scan: async () => runScan,
  check: async () => (await import('./commands/check')).runCheck,
  score: async () => {
    const { runScore } = await import('./commands/score');
    return (_args, io) => runScore(io);
  },
};

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    (name ? io.stdout : io.stderr).write(USAGE);
    return name ? 0 : 2;
  }
  const load = commands[name];
  if (!load) {
    io.stderr.write(`citelens: unknown command "${name}"\n${USAGE}`);
    return 2;
  }
  try {
    return await (await load())(args, io);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`citelens ${name}: ${message}\n`);
    return error instanceof UserError ? 1 : 2;
  }
}
