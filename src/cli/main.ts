import { runScan, SCAN_USAGE } from './commands/scan';
import type { CliIo } from './io';
import { UserError } from './load-page';
import { CHECK_USAGE, SCORE_USAGE } from './usage';
import { VERSION } from './version';

const USAGE = `CiteLens: check the citations of a page.

usage:
  ${SCAN_USAGE}
  ${CHECK_USAGE}
  ${SCORE_USAGE}
  citelens --version

Every command also takes --help and --version.
`;

type Command = (args: string[], io: CliIo) => Promise<number>;

interface CommandEntry {
  usage: string;
  /** What the command does, for its `--help`. */
  about: string;
  /** Commands load lazily so `scan` never pays for the support judge. */
  load: () => Promise<Command>;
}

const commands: Record<string, CommandEntry> = {
  scan: {
    usage: SCAN_USAGE,
    about: "Lists a page's cited claims, its sources and the findings (markers with no reference, …).",
    load: async () => runScan,
  },
  check: {
    usage: CHECK_USAGE,
    about:
      'Reads every cited source (live, or saved copies in --sources DIR) and judges whether it supports each claim.\n' +
      'Exit code 0 when sources were read, 1 when none could be read or the page cannot be loaded.',
    load: async () => (await import('./commands/check')).runCheck,
  },
  score: {
    usage: SCORE_USAGE,
    about:
      'Judges {"claim", "source"} JSON lines and writes one verdict line for each.\n' +
      'Exit code 1 when every line failed.',
    load: async () => {
      const { runScore } = await import('./commands/score');
      return (args, io) => {
        if (args.length > 0) throw new UserError(`usage: ${SCORE_USAGE}`);
        return runScore(io);
      };
    },
  },
};

const isHelp = (arg: string) => arg === '--help' || arg === '-h';
const isVersion = (arg: string) => arg === '--version' || arg === '-V';

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (!name) {
    io.stderr.write(USAGE);
    return 2;
  }
  if (isHelp(name) || name === 'help') {
    io.stdout.write(USAGE);
    return 0;
  }
  if (isVersion(name)) {
    io.stdout.write(`citelens ${VERSION}\n`);
    return 0;
  }
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!command) {
    io.stderr.write(`citelens: unknown command "${name}"\n${USAGE}`);
    return 2;
  }
  if (args.some(isHelp)) {
    io.stdout.write(`usage: ${command.usage}\n\n${command.about}\n`);
    return 0;
  }
  if (args.some(isVersion)) {
    io.stdout.write(`citelens ${VERSION}\n`);
    return 0;
  }
  try {
    return await (await command.load())(args, io);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`citelens ${name}: ${message}\n`);
    return error instanceof UserError ? 1 : 2;
  }
}
