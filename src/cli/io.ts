export interface CliIo {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

/** Splits `--flag` words from the rest; `--name value` for the flags in `withValue`. */
export function parseFlags(
  args: string[],
  known: string[],
  withValue: string[] = [],
): { positional: string[]; flags: Set<string>; values: Map<string, string> } {
  const positional: string[] = [];
  const flags = new Set<string>();
  const values = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg.startsWith('--')) {
      const name = arg.slice(2);
      if (withValue.includes(name)) {
        const value = args[++i];
        if (value === undefined) throw new Error(`--${name} needs a value`);
        values.set(name, value);
      } else if (known.includes(name)) flags.add(name);
      else throw new Error(`unknown option --${name}`);
    } else positional.push(arg);
  }
  return { positional, flags, values };
}
