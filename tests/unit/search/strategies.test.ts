import { describe, expect, it } from 'vitest';
import type { Dimension, Params } from '../../../src/lib/core/space';
import { createStrategy, strategyNames } from '../../../src/lib/search';

const space: Dimension[] = [
  { name: 'learningRate', type: 'log', low: 1e-4, high: 1 },
  { name: 'units', type: 'int', low: 2, high: 9 },
  { name: 'activation', type: 'choice', values: ['relu', 'tanh', 'sigmoid'] },
  { name: 'dropout', type: 'real', low: 0, high: 0.5 },
];

// A smooth objective with its minimum inside the space.
const objective = (params: Params) =>
  (Math.log10(params.learningRate as number) + 2) ** 2 +
  0.1 * ((params.units as number) - 6) ** 2 +
  (params.activation === 'tanh' ? 0 : 0.5) +
  (params.dropout as number);

const run = (name: string, seed: number, budget: number, fail?: (i: number) => boolean) => {
  const strategy = createStrategy(name, space, { seed, budget });
  const proposals: Params[] = [];
  for (let i = 0; i < budget; i++) {
    const params = strategy.ask();
    if (!params) break;
    proposals.push(params);
    strategy.tell(params, fail?.(i) ? null : objective(params));
  }
  return { strategy, proposals };
};

const key = (params: Params) => JSON.stringify(space.map((dimension) => params[dimension.name]));

describe('strategies', () => {
  it('createStrategy throws invalid strategy on an unknown name', () => {
    expect(() => createStrategy('simulated-annealing', space, { seed: 1, budget: 5 })).toThrow(
      'invalid strategy: simulated-annealing',
    );
    expect(() => createStrategy('toString', space, { seed: 1, budget: 5 })).toThrow('invalid strategy: toString');
  });

  for (const name of strategyNames) {
    describe(name, () => {
      const budget = name === 'bayesian' ? 12 : 25;

      it('gives the same proposals for the same seed', () => {
        expect(run(name, 7, budget).proposals).toEqual(run(name, 7, budget).proposals);
      });

      it('respects bounds, int and choice dimensions', () => {
        for (const params of run(name, 3, budget).proposals) {
          expect(params.learningRate).toBeGreaterThanOrEqual(1e-4);
          expect(params.learningRate).toBeLessThanOrEqual(1);
          expect(Number.isInteger(params.units)).toBe(true);
          expect(params.units).toBeGreaterThanOrEqual(2);
          expect(params.units).toBeLessThanOrEqual(9);
          expect(['relu', 'tanh', 'sigmoid']).toContain(params.activation);
          expect(params.dropout).toBeGreaterThanOrEqual(0);
          expect(params.dropout).toBeLessThanOrEqual(0.5);
        }
      });

      it('never proposes the same point twice and stops at the budget', () => {
        const { strategy, proposals } = run(name, 5, budget);
        expect(new Set(proposals.map(key)).size).toBe(proposals.length);
        expect(proposals.length).toBeLessThanOrEqual(budget);
        expect(strategy.ask()).toBeNull();
      });

      it('keeps proposing distinct valid points when every trial fails', () => {
        const { proposals } = run(name, 9, budget, () => true);
        expect(proposals.length).toBeGreaterThan(0);
        expect(new Set(proposals.map(key)).size).toBe(proposals.length);
      });
    });
  }

  it('random search with another seed proposes other points', () => {
    expect(run('random', 1, 5).proposals).not.toEqual(run('random', 2, 5).proposals);
  });

  it('quasi-random search puts exactly one point in each of the budget slices of every real axis', () => {
    const budget = 20;
    const { proposals } = run('quasi-random', 4, budget);
    const slices = proposals.map((params) => Math.floor(((params.dropout as number) / 0.5) * budget));
    expect(new Set(slices).size).toBe(budget);
  });

  it('evolution improves on its random first generation', () => {
    let first = 0;
    let last = 0;
    for (let seed = 1; seed <= 5; seed++) {
      const values = run('evolution', seed, 60).proposals.map(objective);
      first += Math.min(...values.slice(0, 10));
      last += Math.min(...values);
    }
    expect(last).toBeLessThan(first * 0.7);
  });

  it('grid, random and evolution stop on a small discrete space once every point was proposed', () => {
    const small: Dimension[] = [
      { name: 'units', type: 'int', low: 1, high: 2 },
      { name: 'activation', type: 'choice', values: ['relu', 'tanh'] },
    ];
    for (const name of ['grid', 'random', 'evolution', 'bayesian', 'tpe', 'sobol']) {
      const strategy = createStrategy(name, small, { seed: 1, budget: 10 });
      const seen: string[] = [];
      for (let params = strategy.ask(); params; params = strategy.ask()) {
        seen.push(`${params.units}${params.activation}`);
        strategy.tell(params, Number(params.units));
      }
      expect(new Set(seen).size).toBe(4);
      expect(seen).toHaveLength(4);
    }
  });
});
