import { describe, expect, it } from 'vitest';
import type { LayerWeights } from '../../../src/lib/core/networkWeights';
import { spiral } from '../../../src/lib/datasets/spiral';
import { weightRegions } from '../../../src/lib/lessons/weightRegions';

// A network with no hidden layer whose class 1 wins where x > 0: logits (0, 10x).
const splitAtZero: LayerWeights[] = [{ inputs: 2, units: 2, kernel: Float32Array.from([0, 10, 0, 0]), bias: Float32Array.from([0, 0]) }];

describe('weightRegions', () => {
  it('gives class probabilities over the padded plane, one row per cell, that follow the weights', () => {
    const dataset = spiral({ samples: 80, noise: 0.1, seed: 2 });
    const regions = weightRegions(dataset, splitAtZero, 'relu', 8);
    expect(regions).not.toBeNull();
    const { extent, boundary } = regions!;
    expect(boundary.outputSize).toBe(2);
    expect(boundary.outputs.length).toBe(8 * 8 * 2);
    for (let cell = 0; cell < 64; cell++) {
      const [p0, p1] = [boundary.outputs[2 * cell], boundary.outputs[2 * cell + 1]];
      expect(p0 + p1).toBeCloseTo(1, 5);
      const x = extent[0] + (((cell % 8) + 0.5) / 8) * (extent[1] - extent[0]);
      expect(p1 > p0).toBe(x > 0);
    }
  });

  it('draws nothing without weights or without a plane to draw on', () => {
    const dataset = spiral({ samples: 40, noise: 0.1, seed: 2 });
    expect(weightRegions(dataset, undefined, 'relu')).toBeNull();
    expect(weightRegions(dataset, [], 'relu')).toBeNull();
    expect(weightRegions({ ...dataset, task: 'regression' }, splitAtZero, 'relu')).toBeNull();
    expect(weightRegions({ ...dataset, featureCount: 3 }, splitAtZero, 'relu')).toBeNull();
  });
});
