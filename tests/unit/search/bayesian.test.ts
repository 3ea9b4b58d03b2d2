import { describe, expect, it } from 'vitest';
import { paramsKey, type Dimension, type Params } from '../../../src/lib/core/space';
import { createRandom } from '../../../src/lib/core/random';
import { fitGaussianProcess } from '../../../src/lib/gp/fitGaussianProcess';
import { createBayesianSearch } from '../../../src/lib/search/bayesian';

const plane: Dimension[] = [
  { name: 'x', type: 'real', low: -2, high: 2 },
  { name: 'y', type: 'real', low: -2, high: 2 },
];
const bowl = (params: Params) => ((params.x as number) - 0.5) ** 2 + ((params.y as number) + 0.3) ** 2;

function runSearch(budget: number, options: Record<string, unknown> = {}) {
  const search = createBayesianSearch(plane, { seed: 11, budget, ...options });
  const proposals: Params[] = [];
  for (let params = search.ask(); params; params = search.ask()) {
    proposals.push(params);
    search.tell(params, bowl(params));
  }
  return { search, proposals };
}

describe('bayesian', () => {
  it('opens with its initial design, then models: 5 design points by default, configurable', () => {
    const search = createBayesianSearch(plane, { seed: 1, budget: 10, initialPoints: 3 });
    const phases: string[] = [];
    for (let i = 0; i < 5; i++) {
      const params = search.ask()!;
      phases.push(search.explainProposal()!.phase);
      search.tell(params, bowl(params));
    }
    expect(phases).toEqual(['initial design', 'initial design', 'initial design', 'acquisition', 'acquisition']);
  });

  it('sizes its default initial design by dimension: 5 points in 2-D, 10 in 6-D', () => {
    const cube: Dimension[] = Array.from({ length: 6 }, (_, k) => ({ name: `x${k}`, type: 'real', low: 0, high: 1 }));
    for (const [space, expected] of [[plane, 5], [cube, 10]] as const) {
      const search = createBayesianSearch(space, { seed: 2, budget: 20 });
      let designed = 0;
      for (let i = 0; i < 12; i++) {
        const params = search.ask()!;
        if (search.explainProposal()!.phase === 'initial design') designed++;
        search.tell(params, Object.values(params).reduce<number>((sum, value) => sum + (value as number) ** 2, 0));
      }
      expect(designed).toBe(expected);
    }
  });

  it('between hyperparameter refits past 50 results, the model grows incrementally and equals a full fit with the kept hyperparameters', () => {
    const search = createBayesianSearch(plane, { seed: 3, budget: 100 });
    const random = createRandom(3);
    const tellRandom = () => {
      const params = { x: random.uniform(-2, 2), y: random.uniform(-2, 2) };
      search.tell(params, bowl(params));
    };
    for (let i = 0; i < 60; i++) tellRandom();
    const refitted = search.model()!;
    tellRandom();
    const grown = search.model()!;
    expect(grown.count).toBe(61);
    expect(grown.hyperparameters).toBe(refitted.hyperparameters);
    const reference = fitGaussianProcess(grown.points, Array.from(grown.standardisedValues, (value) => grown.outputMean + grown.outputScale * value), {
      hyperparameters: grown.hyperparameters,
    });
    for (const query of [[0.1, 0.9], [0.5, 0.5], [0.95, 0.05]]) {
      expect(grown.predict(query).mean).toBeCloseTo(reference.predict(query).mean, 6);
      expect(grown.predict(query).std).toBeCloseTo(reference.predict(query).std, 6);
    }
    for (let i = 0; i < 3; i++) tellRandom();
    expect(search.model()!.hyperparameters).not.toBe(refitted.hyperparameters);
  });

  it('finds the minimum of a bowl within 20 trials', () => {
    const { proposals } = runSearch(20);
    expect(Math.min(...proposals.map(bowl))).toBeLessThan(1e-3);
  });

  for (const acquisition of ['probability-of-improvement', 'upper-confidence-bound', 'thompson-sampling']) {
    it(`with ${acquisition} still closes in on the minimum of a bowl`, () => {
      // Probability of improvement needs a margin xi, or it keeps polishing the incumbent.
      const { proposals } = runSearch(15, { acquisition, xi: 0.01 });
      expect(Math.min(...proposals.map(bowl))).toBeLessThan(0.05);
    });
  }

  it('never proposes a point already evaluated, even one told without being asked', () => {
    const space: Dimension[] = [{ name: 'units', type: 'int', low: 1, high: 6 }];
    const search = createBayesianSearch(space, { seed: 2, budget: 6, initialPoints: 2 });
    // The best points are told up front; a model that ignored history would propose them.
    search.tell({ units: 3 }, 0);
    search.tell({ units: 4 }, 0.1);
    const seen = [3, 4];
    for (let params = search.ask(); params; params = search.ask()) {
      expect(seen).not.toContain(params.units);
      seen.push(params.units as number);
      search.tell(params, Math.abs((params.units as number) - 3));
    }
    expect(seen.sort()).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('does not feed failed trials to the model, and never proposes them again', () => {
    const search = createBayesianSearch(plane, { seed: 3, budget: 12 });
    const failed: string[] = [];
    for (let i = 0; i < 12; i++) {
      const params = search.ask()!;
      const key = paramsKey(plane, params);
      expect(failed).not.toContain(key);
      if (i % 3 === 0) {
        failed.push(key);
        search.tell(params, null);
      } else {
        search.tell(params, bowl(params));
      }
    }
    expect(search.model()!.count).toBe(8);
    expect(search.model()!.standardisedValues.every(Number.isFinite)).toBe(true);
  });

  for (const batch of ['kriging-believer', 'constant-liar'] as const) {
    it(`askBatch returns k distinct points with ${batch}`, () => {
      const search = createBayesianSearch(plane, { seed: 4, budget: 30, batch });
      for (const params of search.askBatch(6)) search.tell(params, bowl(params));
      const batchProposals = search.askBatch(4);
      expect(batchProposals).toHaveLength(4);
      expect(new Set(batchProposals.map((params) => paramsKey(plane, params))).size).toBe(4);
      // Distinct, and not piled up: fantasised results push later points apart.
      const [a, b] = batchProposals;
      expect(Math.hypot((a.x as number) - (b.x as number), (a.y as number) - (b.y as number))).toBeGreaterThan(1e-3);
    });
  }

  it('askBatch stops at the budget', () => {
    const search = createBayesianSearch(plane, { seed: 5, budget: 3 });
    expect(search.askBatch(5)).toHaveLength(3);
    expect(search.ask()).toBeNull();
  });

  it('posteriorSlice gives mean, std and acquisition over a 2-D grid, and a 1-D slice along one dimension', () => {
    const { search } = runSearch(8);
    const grid = search.posteriorSlice({ dimensions: ['x', 'y'], resolution: 6 })!;
    expect(grid.axes.map((axis) => axis.values.length)).toEqual([6, 6]);
    expect(grid.axes[0].values[0]).toBe(-2);
    expect(grid.axes[0].values[5]).toBe(2);
    expect(grid.mean).toHaveLength(36);
    expect(grid.std.every((value) => value >= 0)).toBe(true);
    expect(grid.acquisition.every((value) => value >= 0)).toBe(true);
    const line = search.posteriorSlice({ dimensions: ['x'], resolution: 9, fixed: { y: -0.3 } })!;
    expect(line.mean).toHaveLength(9);
    // Along y = −0.3 the bowl is (x − 0.5)²: the posterior mean is lowest near x = 0.5.
    const lowest = line.mean.indexOf(Math.min(...line.mean));
    expect(line.axes[0].values[lowest]).toBe(0.5);
  });

  it('posteriorSlice is null before two results and rejects an unknown dimension', () => {
    const search = createBayesianSearch(plane, { seed: 6, budget: 5 });
    expect(search.posteriorSlice({ dimensions: ['x'] })).toBeNull();
    const { search: fitted } = runSearch(6);
    expect(() => fitted.posteriorSlice({ dimensions: ['z'] })).toThrow('invalid dimension: z');
  });

  it('explains each model-based proposal with its acquisition and the best alternative elsewhere', () => {
    const { search } = runSearch(9);
    const explanation = search.explainProposal()!;
    expect(explanation.phase).toBe('acquisition');
    expect(explanation.acquisitionName).toBe('expected-improvement');
    expect(explanation.acquisition).toBeGreaterThanOrEqual(0);
    expect(explanation.std).toBeGreaterThanOrEqual(0);
    const alternative = explanation.alternative!;
    expect(alternative.acquisition).toBeLessThanOrEqual(explanation.acquisition!);
    const gap = Math.hypot(
      ((alternative.params.x as number) - (explanation.params.x as number)) / 4,
      ((alternative.params.y as number) - (explanation.params.y as number)) / 4,
    );
    expect(gap).toBeGreaterThanOrEqual(0.1);
  });

  it('rejects an unknown acquisition or batch rule', () => {
    expect(() => createBayesianSearch(plane, { seed: 1, budget: 5, acquisition: 'magic' as never })).toThrow(
      'invalid acquisition: magic',
    );
    expect(() => createBayesianSearch(plane, { seed: 1, budget: 5, batch: 'guess' as never })).toThrow('invalid batch: guess');
  });
});
