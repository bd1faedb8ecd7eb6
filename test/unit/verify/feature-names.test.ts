import { describe, expect, it } from 'vitest';
import {
  FEATURE_NAMES,
  type FeatureName,
  type Features,
  featureVector,
} from '../../../src/core/verify/features';
import { JUDGE_MODEL } from '../../../src/core/verify/weights';

const features = Object.fromEntries(FEATURE_NAMES.map((n, i) => [n, i + 1])) as Features;

describe('judge feature names', () => {
  it('reads each named feature in the order asked', () => {
    expect(featureVector(features, ['shareTop', 'shareBest'])).toEqual([2, 1]);
    expect(featureVector(features)).toHaveLength(FEATURE_NAMES.length);
  });

  it('throws on a name the judge does not measure, instead of reading 0', () => {
    // A model read from JSON, or fitted before a rename, gets past the compiler: the runtime must still refuse it.
    const stale = ['shareBest', 'shareBestPassage'] as unknown as FeatureName[];
    expect(() => featureVector(features, stale)).toThrow(/shareBestPassage/);
  });

  it('ships weights that name only features the judge measures, one weight each', () => {
    for (const model of [JUDGE_MODEL.model, JUDGE_MODEL.notFoundModel]) {
      expect(model.features.length).toBeGreaterThan(0);
      for (const name of model.features) expect(FEATURE_NAMES).toContain(name);
      expect(model.weights).toHaveLength(model.features.length);
      expect(model.mean).toHaveLength(model.features.length);
      expect(model.scale).toHaveLength(model.features.length);
    }
  });
});
