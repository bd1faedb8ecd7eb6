/**
 * Refits the support judge on all the support data and rewrites its weights: measures every pair's features
 * (../shared/support), writes them rounded to test/fixtures/support/features.json, fits from that table and writes
 * src/core/verify/weights.ts. Run after any change to the judge's features: `npm run fit:support`.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { FEATURE_NAMES } from '../src/core/verify/features';
import { loadAttribution, loadWice, loadWicePartial } from './support/data';
import {
  fitShipped,
  readTable,
  round6,
  TABLE_FILE,
  type Table,
  WEIGHTS_FILE,
  weightsSource,
} from './support/weights-file';

const examples = [...loadWice(), ...loadWicePartial(), ...loadAttribution()];
const table: Table = {
  note: 'Measured by scripts/fit-support.ts from ../shared/support (WiCE dev and unsupported-token files, ODC-BY; AttributionBench dev, Apache-2.0): features of each claim/source pair, not the texts.',
  features: [...FEATURE_NAMES],
  rows: examples.map((e) => [e.id, e.dataset, e.label, ...FEATURE_NAMES.map((n) => round6(e.features[n]))]),
};
mkdirSync(dirname(TABLE_FILE), { recursive: true });
writeFileSync(TABLE_FILE, `${JSON.stringify(table)}\n`);
const rows = readTable();
const judge = fitShipped(rows);
writeFileSync(WEIGHTS_FILE, weightsSource(judge, rows));
execFileSync('npx', ['biome', 'format', '--write', WEIGHTS_FILE], { stdio: 'ignore' });
console.log(`wrote ${TABLE_FILE} (${rows.length} pairs) and ${WEIGHTS_FILE}`);
console.log(`supported model inputs: ${judge.model.features.join(', ')}`);
