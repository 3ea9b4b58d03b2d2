import { describe, expect, it } from 'vitest';
import type { Dimension, Params } from '../../../src/lib/core/space';
import { createStrategy, defaultGamma, fitTpeDensities } from '../../../src/lib/search';

const mixed: Dimension[] = [
  { name: 'learningRate', type: 'log', low: 1e-4, high: 1 },
  { name: 'units', type: 'int', low: 2, high: 9 },
  { name: 'activation', type: 'choice', values: ['relu', 'tanh', 'sigmoid'] },
  { name: 'dropout', type: 'real', low: 0, high: 0.5 },
];
const mixedObjective = (params: Params) =>
  (Math.log10(params.learningRate as number) + 2) ** 2 +
  0.1 * ((params.units as number) - 6) ** 2 +
  (params.activation === 'tanh' ? 0 : 0.5) +
  (params.dropout as number);

const cube = (d: number, low = 0, high = 1): Dimension[] => Array.from({ length: d }, (_, k) => ({ name: `x${k}`, type: 'real', low, high }));
const coordinates = (params: Params, d: number) => Array.from({ length: d }, (_, k) => Number(params[`x${k}`]));

function run(name: string, space: Dimension[], objective: (params: Params) => number, seed: number, budget: number, options = {}) {
  const strategy = createStrategy(name, space, { seed, budget, ...options });
  const proposals: Params[] = [];
  let best = Infinity;
  for (let params = strategy.ask(); params; params = strategy.ask()) {
    proposals.push(params);
    const value = objective(params);
    best = Math.min(best, value);
    strategy.tell(params, value);
  }
  return { strategy, proposals, best };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const modes = [
  { label: 'multivariate (default)', options: {} },
  { label: 'univariate', options: { multivariate: false } },
];

describe('defaultGamma', () => {
  it("counts Optuna's min(ceil(0.1 n), 25) results as good", () => {
    expect([1, 10, 11, 100, 245, 251, 1000].map(defaultGamma)).toEqual([1, 1, 2, 10, 25, 25, 25]);
  });
});

describe('fitTpeDensities', () => {
  it('splits off the best results as good, ties going to the earlier one, and reports the worst good value', () => {
    const values = [5, 1, 3, 1, 4, 9, 2, 8, 7, 6, 0.5, 3];
    const observations = values.map((value, i) => ({ unit: Float64Array.of(i / 12), value }));
    const densities = fitTpeDensities(cube(1), observations);
    expect(densities.goodCount).toBe(2);
    expect(densities.threshold).toBe(1);
    // Good: 0.5 (i = 10) and the first 1 (i = 1), plus the prior; bad: the other ten, plus the prior.
    expect(densities.good.weights).toHaveLength(3);
    expect(densities.bad.weights).toHaveLength(11);
  });
});

describe('tpe', () => {
  for (const { label, options } of modes) {
    describe(label, () => {
      it('gives the same proposals for the same seed and other ones for another seed', () => {
        const first = run('tpe', mixed, mixedObjective, 7, 30, options).proposals;
        expect(run('tpe', mixed, mixedObjective, 7, 30, options).proposals).toEqual(first);
        expect(run('tpe', mixed, mixedObjective, 8, 30, options).proposals).not.toEqual(first);
      });

      it('proposes only points of the space, each once, and stops at the budget', () => {
        const { strategy, proposals } = run('tpe', mixed, mixedObjective, 3, 60, options);
        expect(proposals).toHaveLength(60);
        expect(strategy.ask()).toBeNull();
        expect(new Set(proposals.map((params) => JSON.stringify(params))).size).toBe(60);
        for (const params of proposals) {
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

      it('concentrates its proposals near the minimum of a bowl once the startup trials are done', () => {
        const optimum = [0.7, 0.2];
        const bowl = (params: Params) => coordinates(params, 2).reduce((sum, x, k) => sum + (x - optimum[k]) ** 2, 0);
        for (const seed of [1, 2, 3]) {
          const { proposals } = run('tpe', cube(2), bowl, seed, 60, options);
          const distances = proposals.map((params) => Math.sqrt(bowl(params)));
          // Uniform points in the unit square lie a median ~0.4 from (0.7, 0.2).
          expect(median(distances.slice(0, 10))).toBeGreaterThan(0.2);
          // Kernels stay at least 1 / (components + 1) wide (the magic clip), so TPE keeps some spread.
          expect(median(distances.slice(40))).toBeLessThan(0.22);
          expect(Math.min(...distances.slice(40))).toBeLessThan(0.05);
        }
      });

      it('finds the tanh activation and the learning rate near 0.01 on a mixed space', () => {
        const { proposals } = run('tpe', mixed, mixedObjective, 5, 80, options);
        const late = proposals.slice(60);
        expect(late.filter((params) => params.activation === 'tanh').length).toBeGreaterThan(10);
        expect(median(late.map((params) => Math.abs(Math.log10(params.learningRate as number) + 2)))).toBeLessThan(0.5);
      });
    });
  }

  it('beats random search by a wide margin on a shifted 4-D sphere and on 4-D Rosenbrock (10 seeds, 100 evaluations)', () => {
    const sphere = (params: Params) => coordinates(params, 4).reduce((sum, x, k) => sum + (x - (k - 1.5)) ** 2, 0);
    const rosenbrock = (params: Params) => {
      const x = coordinates(params, 4);
      let sum = 0;
      for (let k = 0; k < 3; k++) sum += 100 * (x[k + 1] - x[k] ** 2) ** 2 + (1 - x[k]) ** 2;
      return sum;
    };
    for (const [objective, space] of [
      [sphere, cube(4, -5, 5)],
      [rosenbrock, cube(4, -2, 2)],
    ] as const) {
      const seeds = Array.from({ length: 10 }, (_, i) => 200 + i);
      const tpe = median(seeds.map((seed) => run('tpe', space, objective, seed, 100).best));
      const random = median(seeds.map((seed) => run('random', space, objective, seed, 100).best));
      expect(tpe).toBeLessThan(0.3 * random);
    }
  });

  it('spreads proposals made while earlier ones still run (the constant liar)', () => {
    const bowl = (params: Params) => coordinates(params, 2).reduce((sum, x) => sum + (x - 0.5) ** 2, 0);
    const spread = (constantLiar: boolean) => {
      let total = 0;
      for (let seed = 1; seed <= 5; seed++) {
        const strategy = createStrategy('tpe', cube(2), { seed, budget: 40, constantLiar });
        for (let i = 0; i < 30; i++) {
          const params = strategy.ask()!;
          strategy.tell(params, bowl(params));
        }
        const batch = Array.from({ length: 8 }, () => coordinates(strategy.ask()!, 2));
        for (const a of batch) for (const b of batch) total += Math.hypot(a[0] - b[0], a[1] - b[1]);
      }
      return total;
    };
    expect(spread(true)).toBeGreaterThan(spread(false));
  });

  it('throws on a candidate count that is not a positive integer', () => {
    expect(() => createStrategy('tpe', cube(1), { seed: 1, budget: 5, candidates: 0 })).toThrow('invalid candidates: 0');
  });
});
