import { describe, expect, it } from 'vitest';
import { observationsFromTrials, prepareObservations } from '../../../src/lib/analysis/observations';
import type { Dimension } from '../../../src/lib/core/space';

const space: Dimension[] = [
  { name: 'learningRate', type: 'log', low: 0.001, high: 1 },
  { name: 'activation', type: 'choice', values: ['relu', 'tanh'] },
];

describe('observationsFromTrials', () => {
  it('keeps complete trials with their value and diverged ones as Infinity, and leaves out the rest', () => {
    const trials = [
      { params: { learningRate: 0.01 }, state: 'complete', value: 0.3 },
      { params: { learningRate: 2 }, state: 'diverged', value: null },
      { params: { learningRate: 0.1 }, state: 'pruned', value: 0.5 },
      { params: { learningRate: 0.2 }, state: 'failed', value: null },
      { params: { learningRate: 0.3 }, state: 'running', value: null },
    ];
    expect(observationsFromTrials(trials)).toEqual([
      { params: { learningRate: 0.01 }, value: 0.3 },
      { params: { learningRate: 2 }, value: Infinity },
    ]);
  });
});

describe('prepareObservations', () => {
  it('encodes params as unit coordinates with one-hot choices, and gives diverged trials the worst finished value', () => {
    const prepared = prepareObservations(space, [
      { params: { learningRate: 0.001, activation: 'tanh' }, value: 0.2 },
      { params: { learningRate: 1, activation: 'relu' }, value: Number.NaN },
      { params: { learningRate: 0.1, activation: 'relu' }, value: 0.7 },
      { params: { learningRate: 0.1, activation: 'gelu' }, value: 0.1 },
    ]);
    expect(prepared.skipped).toBe(1);
    expect(prepared.featureCount).toBe(3);
    expect(Array.from(prepared.features.subarray(0, 3))).toEqual([0, 0, 1]);
    expect(Array.from(prepared.features.subarray(3, 6))).toEqual([1, 1, 0]);
    expect(Array.from(prepared.values)).toEqual([0.2, 0.7, 0.7]);
    expect(prepared.diverged).toEqual([false, true, false]);
  });
});
