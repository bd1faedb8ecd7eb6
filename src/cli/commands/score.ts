import { createInterface } from 'node:readline';
import { judgeSupport } from '../../core/verify/judge';
import { readSourceText, type SourceText } from '../../core/verify/source-text';
import type { CliIo } from '../io';
import { parseHtml } from '../load-page';
import { count, LINES } from '../words';

/**
 * `citelens score`: JSON lines in, `{"claim": …, "source": …}` (source as plain text or HTML), JSON lines out,
 * `{"verdict", "score", "passages": [{"text", "score"}], "missing", "conflict"}` (top 3 passages; `missing`: the
 * claim's words and numbers the best passage lacks; `conflict`: `{"claim", "source"}` when the best passage says the
 * same thing otherwise, else null), one for each non-blank input line, in order.
 * A line that cannot be read gives `{"error": …}` in its place. An input `id` is echoed back to help joining.
 */
export async function runScore(io: Pick<CliIo, 'stdin' | 'stdout' | 'stderr'>): Promise<number> {
  const lines = createInterface({ input: io.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  const sources = new SourceCache(16);
  let errors = 0;
  let scored = 0;
  for await (const line of lines) {
    if (!line.trim()) continue;
    scored++;
    const out = scoreLine(line, sources);
    if ('error' in out) errors++;
    // Respect back-pressure so a slow reader of thousands of lines does not make us buffer them all.
    if (!io.stdout.write(`${JSON.stringify(out)}\n`)) await new Promise((r) => io.stdout.once('drain', r));
  }
  if (errors > 0)
    io.stderr.write(`citelens score: ${errors} of ${count(scored, LINES)} could not be scored\n`);
  // Every line failing means the input was not what score reads: a script should notice.
  return scored > 0 && errors === scored ? 1 : 0;
}

type Scored =
  | {
      id?: unknown;
      verdict: string;
      score: number;
      passages: { text: string; score: number }[];
      missing: string[];
      conflict: { claim: string; source: string } | null;
    }
  | { id?: unknown; error: string };

export function scoreLine(line: string, sources: SourceCache): Scored {
  let input: unknown;
  try {
    input = JSON.parse(line);
  } catch {
    return { error: 'not a JSON object' };
  }
  if (!input || typeof input !== 'object' || Array.isArray(input)) return { error: 'not a JSON object' };
  const { claim, source, id } = input as Record<string, unknown>;
  const echo = id === undefined ? {} : { id };
  if (typeof claim !== 'string' || !claim.trim())
    return { ...echo, error: '"claim" must be a non-empty string' };
  if (typeof source !== 'string') return { ...echo, error: '"source" must be a string (text or HTML)' };
  try {
    const j = judgeSupport(claim, sources.get(source));
    return {
      ...echo,
      verdict: j.verdict,
      score: j.score,
      passages: j.passages.map((p) => ({ text: p.text, score: p.score })),
      missing: j.missing,
      conflict: j.conflict && { claim: j.conflict.claim, source: j.conflict.source },
    };
  } catch (error) {
    return { ...echo, error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * The last few sources read, by content: a batch often asks many claims of one page, and reusing the same
 * object also reuses the judge's passage index for it.
 */
export class SourceCache {
  private readonly entries = new Map<string, SourceText>();
  constructor(private readonly size: number) {}

  get(content: string): SourceText {
    let text = this.entries.get(content);
    if (text) this.entries.delete(content);
    else text = readSourceText(content, '', parseHtml);
    this.entries.set(content, text);
    if (this.entries.size > this.size) this.entries.delete(this.entries.keys().next().value as string);
    return text;
  }
}
