/**
 * Writes the support judge's synonym table (src/core/verify/synonyms-table.ts) from WordNet: `npm run build:synonyms`.
 * See scripts/support/synonyms.ts for what is kept.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
// Not through the judge's modules (the table may be missing or stale while this runs): text.ts alone.
import { buildSynonymTable, synonymTableSource } from './support/synonyms';

const file = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  'src',
  'core',
  'verify',
  'synonyms-table.ts',
);
const table = buildSynonymTable();
writeFileSync(file, synonymTableSource(table));
execFileSync('npx', ['biome', 'format', '--write', file], { stdio: 'ignore' });
console.log(`wrote ${file} (${table.split('\n').length} stems, ${table.length} characters)`);
