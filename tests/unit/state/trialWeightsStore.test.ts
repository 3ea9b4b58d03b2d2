import { describe, expect, it } from 'vitest';
import type { LayerWeights } from '../../../src/lib/core/networkWeights';
import { TrialWeightsStore } from '../../../src/lib/state/trialWeightsStore';

/** One layer of `values` float32 weights in all (kernel plus a bias of 1). */
const layers = (values: number): LayerWeights[] => [{ inputs: values - 1, units: 1, kernel: new Float32Array(values - 1), bias: new Float32Array(1) }];

describe('TrialWeightsStore', () => {
  it('keeps each trial\'s weights with their epoch, and replaces a trial\'s earlier ones', () => {
    const store = new TrialWeightsStore(1000);
    const first = layers(10);
    store.set(1, first, 3);
    expect(store.get(1)).toEqual({ layers: first, epoch: 3 });
    store.set(1, layers(20), 5);
    expect(store.get(1)?.epoch).toBe(5);
    expect(store.bytes).toBe(80);
    expect(store.get(2)).toBeUndefined();
  });

  it('drops the oldest trials past its byte limit, but never a protected one or the one just set', () => {
    const store = new TrialWeightsStore(4 * 25);
    store.set(1, layers(10), 1);
    store.set(2, layers(10), 1);
    // 30 floats = 120 bytes > 100: trial 1 (protected, the best) stays, trial 2 goes.
    store.set(3, layers(10), 1, (id) => id === 1);
    expect(store.get(1)).toBeDefined();
    expect(store.get(2)).toBeUndefined();
    expect(store.get(3)).toBeDefined();
    expect(store.bytes).toBe(80);
    // A network larger than the whole limit is still kept while it is the newest.
    store.set(4, layers(40), 1);
    expect(store.get(4)).toBeDefined();
    expect(store.get(1)).toBeUndefined();
    expect(store.get(3)).toBeUndefined();
  });
});
