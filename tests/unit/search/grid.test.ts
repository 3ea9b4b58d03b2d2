import { describe, expect, it } from 'vitest';
import type { Dimension, Params } from '../../../src/lib/core/space';
import { createGridSearch, gridLevels } from '../../../src/lib/search/grid';

const drain = (ask: () => Params | null) => {
  const proposals: Params[] = [];
  for (let params = ask(); params; params = ask()) proposals.push(params);
  return proposals;
};

describe('grid', () => {
  it('gridLevels spreads the budget evenly: 16 trials in 4-D give 2 levels each', () => {
    const space: Dimension[] = ['a', 'b', 'c', 'd'].map((name) => ({ name, type: 'real', low: 0, high: 1 }));
    expect(gridLevels(space, 16)).toEqual([2, 2, 2, 2]);
    expect(gridLevels(space.slice(0, 2), 50)).toEqual([7, 7]);
  });

  it('gridLevels never gives an int or choice more levels than it has values', () => {
    const space: Dimension[] = [
      { name: 'activation', type: 'choice', values: ['relu', 'tanh'] },
      { name: 'rate', type: 'real', low: 0, high: 1 },
    ];
    expect(gridLevels(space, 20)).toEqual([2, 10]);
    expect(gridLevels(space, 20, { rate: 3 })).toEqual([2, 3]);
  });

  it('covers every combination exactly once and then returns null', () => {
    const space: Dimension[] = [
      { name: 'units', type: 'int', low: 1, high: 3 },
      { name: 'activation', type: 'choice', values: ['relu', 'tanh'] },
      { name: 'learningRate', type: 'log', low: 1e-3, high: 1e-1 },
    ];
    const strategy = createGridSearch(space, { seed: 1, budget: 100, levels: { learningRate: 3 } });
    const proposals = drain(() => strategy.ask());
    expect(proposals).toHaveLength(18);
    const keys = new Set(proposals.map((params) => `${params.units}|${params.activation}|${params.learningRate}`));
    expect(keys.size).toBe(18);
    expect(new Set(proposals.map((params) => params.units))).toEqual(new Set([1, 2, 3]));
    expect(new Set(proposals.map((params) => params.activation))).toEqual(new Set(['relu', 'tanh']));
    const rates = [...new Set(proposals.map((params) => params.learningRate as number))].sort((a, b) => a - b);
    // Log-spaced cell centres of [1e-3, 1e-1]: 10^−2.667, 10^−2, 10^−1.333.
    expect(rates.map((rate) => Math.log10(rate))).toEqual([expect.closeTo(-8 / 3, 10), expect.closeTo(-2, 10), expect.closeTo(-4 / 3, 10)]);
    expect(strategy.ask()).toBeNull();
  });

  it('stays within the budget and is unaffected by failed trials', () => {
    const space: Dimension[] = [{ name: 'x', type: 'real', low: -1, high: 1 }];
    const strategy = createGridSearch(space, { seed: 1, budget: 5 });
    const proposals = drain(() => {
      const params = strategy.ask();
      if (params) strategy.tell(params, null);
      return params;
    });
    expect(proposals.map((params) => params.x)).toEqual([-0.8, -0.4, 0, 0.4, 0.8].map((x) => expect.closeTo(x, 12)));
  });
});
