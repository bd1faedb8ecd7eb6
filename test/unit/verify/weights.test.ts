import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type AttributionRow,
  attributionExample,
  readLines,
  SUPPORT_DIR,
  type WiceRow,
  wiceExample,
} from '../../../scripts/support/data';
import { fitShipped, readTable, round6 } from '../../../scripts/support/weights-file';
import { FEATURE_NAMES } from '../../../src/core/verify/features';
import { JUDGE_MODEL } from '../../../src/core/verify/weights';

describe('the shipped judge weights', () => {
  it('are exactly what scripts/fit-support.ts fits from the feature table', () => {
    expect(fitShipped(readTable())).toEqual(JUDGE_MODEL);
  });

  // The table must be what today's judge measures: a changed feature without a refit fails here.
  it.skipIf(!existsSync(join(SUPPORT_DIR, 'wice-dev.jsonl')))(
    'come from features the judge measures today',
    () => {
      const table = readTable();
      const byDataset = (d: string) => table.filter((r) => r.dataset === d);
      const fresh = [
        ...readLines<WiceRow>('wice-dev.jsonl')
          .slice(0, 3)
          .map((r) => wiceExample(r, 'wice')),
        ...readLines<AttributionRow>('attributionbench-dev.jsonl').slice(0, 3).map(attributionExample),
      ];
      const stored = [...byDataset('wice').slice(0, 3), ...byDataset('attribution').slice(0, 3)];
      fresh.forEach((e, i) => {
        for (const name of FEATURE_NAMES)
          expect(round6(e.features[name]), name).toBe(stored[i]?.features[name]);
      });
    },
  );
});
