/**
 * The support data (../shared/support, see its README) read into examples whose features are measured once:
 * every fold of every cross-validation reuses them, so a run extracts each pair once.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { computeFeatures, type Features } from '../../src/core/verify/features';
import { gatherEvidence } from '../../src/core/verify/judge';
import { missingWords } from '../../src/core/verify/missing';
import { indexSource } from '../../src/core/verify/rank';
import { fromPlainText } from '../../src/core/verify/source-text';
import { STOP_WORDS } from '../../src/core/verify/stop-words';
import { foldText, stem, wordTokens } from '../../src/core/verify/text';

export type Label = 'supported' | 'partially_supported' | 'not_supported';
/** wice: WiCE dev; attribution: AttributionBench dev; wice-partial: the claims of the unsupported-token files. */
export type Dataset = 'wice' | 'attribution' | 'wice-partial';

export interface Example {
  id: string;
  dataset: Dataset;
  label: Label;
  features: Features;
  /** The plain word-overlap baseline: share of the claim's distinct non-stop words found on the page. */
  overlap: number;
  /** Supported WiCE claims: whether the top three / the best passage hold a gold evidence sentence. */
  evidenceHit?: boolean;
  evidenceHitFirst?: boolean;
  /** Unsupported-token claims: each claim token, whether WiCE marks it unsupported, and the judge's guesses. */
  tokens?: { word: string; unsupported: boolean }[];
  missingBest?: string[];
  missingTop?: string[];
}

export const SUPPORT_DIR = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  '..',
  'shared',
  'support',
);

export function readLines<T>(file: string): T[] {
  return readFileSync(join(SUPPORT_DIR, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}

/** Folded words as the judge first read them: the baseline stays what it was across versions of the judge. */
function plainWords(text: string): string[] {
  return foldText(text)
    .replace(/n't\b/g, ' not')
    .replace(/[,;:](?=\s|$)|[!?()[\]]/g, ' | ')
    .split(/[^\p{L}\p{N}|]+/u)
    .filter((w) => w.length > 0 && w !== '|');
}

function plainOverlap(claim: string, sentences: string[]): number {
  const page = new Set(sentences.flatMap((s) => plainWords(s)));
  const words = [...new Set(plainWords(claim).filter((w) => !STOP_WORDS.has(w)))];
  return words.length === 0 ? 0 : words.filter((w) => page.has(w)).length / words.length;
}

export interface WiceRow {
  id: string;
  claim: string;
  source_sentences: string[];
  label: Label;
  evidence: number[];
  claim_tokens?: string[];
  unsupported_tokens?: boolean[];
}

export function wiceExample(row: WiceRow, dataset: Dataset): Example {
  const index = indexSource({ sentences: row.source_sentences });
  const evidence = gatherEvidence(row.claim, index);
  const gold = new Set(row.evidence);
  const hits = (id: number) => {
    const passage = index.passages[id];
    if (!passage) return false;
    for (let i = passage.start; i < passage.end; i++) if (gold.has(i)) return true;
    return false;
  };
  const example: Example = {
    id: row.id,
    dataset,
    label: row.label,
    features: computeFeatures(evidence),
    overlap: plainOverlap(row.claim, row.source_sentences),
    evidenceHit: evidence.picks.some((p) => hits(p.id)),
    evidenceHitFirst: evidence.picks[0] !== undefined && hits(evidence.picks[0].id),
  };
  if (row.claim_tokens && row.unsupported_tokens) {
    const flags = row.unsupported_tokens;
    example.tokens = row.claim_tokens.map((word, i) => ({ word, unsupported: flags[i] === true }));
    example.missingBest = missingWords(evidence, evidence.picks.slice(0, 1));
    example.missingTop = missingWords(evidence, evidence.picks);
  }
  return example;
}

export interface AttributionRow {
  id: string;
  claim: string;
  source_text: string;
  label: 'supported' | 'not_supported';
}

export function attributionExample(row: AttributionRow): Example {
  const source = fromPlainText(row.source_text);
  const evidence = gatherEvidence(row.claim, indexSource(source));
  return {
    id: row.id,
    dataset: 'attribution',
    label: row.label,
    features: computeFeatures(evidence),
    overlap: plainOverlap(row.claim, source.sentences),
  };
}

const here = dirname(fileURLToPath(import.meta.url));

/**
 * Examples are cached on disk under a hash of the judge's code and this file: a rerun with the judge unchanged
 * skips the minute of measuring, and any change to the judge measures afresh.
 */
function cached(name: string, make: () => Example[]): Example[] {
  const hash = createHash('sha1');
  const verify = join(here, '..', '..', 'src', 'core', 'verify');
  for (const f of readdirSync(verify).sort()) hash.update(f).update(readFileSync(join(verify, f)));
  hash.update(readFileSync(join(here, 'data.ts')));
  hash.update(readFileSync(join(SUPPORT_DIR, name)));
  const dir = join(tmpdir(), 'citelens-support-cache');
  const file = join(dir, `${name}.${hash.digest('hex').slice(0, 16)}.json`);
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as Example[];
  const examples = make();
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, JSON.stringify(examples));
  return examples;
}

export function loadWice(): Example[] {
  return cached('wice-dev.jsonl', () =>
    readLines<WiceRow>('wice-dev.jsonl').map((r) => wiceExample(r, 'wice')),
  );
}
export function loadAttribution(): Example[] {
  return cached('attributionbench-dev.jsonl', () =>
    readLines<AttributionRow>('attributionbench-dev.jsonl').map(attributionExample),
  );
}
/** The partially supported claims with marked words, dev (124) then train (374). */
export function loadWicePartial(): Example[] {
  return ['wice-dev-unsupported-tokens.jsonl', 'wice-train-unsupported-tokens.jsonl'].flatMap((f) =>
    cached(f, () =>
      readLines<WiceRow>(f).map((r) => wiceExample({ ...r, evidence: r.evidence ?? [] }, 'wice-partial')),
    ),
  );
}

/** Keys a claim word and a missing word compare on: folded, stemmed, digits alone for figures. */
export function wordKeys(text: string): string[] {
  return wordTokens(text)
    .filter((w) => w !== '|')
    .map((w) => (/\d/.test(w) ? w.replace(/\D/g, '') : stem(w)));
}
