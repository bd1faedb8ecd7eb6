/**
 * Passages: every sentence alone and every window of two and three adjacent sentences. Evidence often spans a
 * sentence boundary ("Arnold joined in 2009. He became its publisher."), and short windows keep the evidence
 * shown to a reader small.
 */
export interface Passage {
  text: string;
  /** Index of the first sentence. */
  start: number;
  /** Index past the last sentence. */
  end: number;
}

export const MAX_WINDOW = 3;

export function buildPassages(sentences: readonly string[], maxWindow = MAX_WINDOW): Passage[] {
  const out: Passage[] = [];
  for (let start = 0; start < sentences.length; start++) {
    for (let size = 1; size <= maxWindow && start + size <= sentences.length; size++) {
      out.push({ text: sentences.slice(start, start + size).join(' '), start, end: start + size });
    }
  }
  return out;
}
