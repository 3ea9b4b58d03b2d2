import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../src/lib/core/random';
import { featuresFromUnit, toUnit, type Dimension, type Params } from '../../../src/lib/core/space';
import { createBayesianSearch, computeTpeSlice } from '../../../src/lib/search';
import { fitConditionalTpe, rankConditionalCandidates } from '../../../src/lib/search/conditionalTpe';
import { logMarginalDensity } from '../../../src/lib/search/parzen';

const space: Dimension[] = [
  { name: 'learningRate', type: 'real', low: 0, high: 1 },
  { name: 'optimizer', type: 'choice', values: ['sgd', 'momentum'] },
  { name: 'momentum', type: 'real', low: 0, high: 1, when: { dimension: 'optimizer', in: ['momentum'] } },
];

// Good results use momentum near 0.9; plain SGD results (momentum absent) are bad.
const results: { params: Params; value: number }[] = [
  ...[0.88, 0.9, 0.92].map((momentum, i) => ({ params: { learningRate: 0.3 + i * 0.1, optimizer: 'momentum', momentum }, value: i * 0.01 })),
  ...[0.1, 0.2, 0.15, 0.3].map((momentum, i) => ({ params: { learningRate: 0.2 + i * 0.1, optimizer: 'momentum', momentum }, value: 2 + i })),
  ...Array.from({ length: 13 }, (_, i) => ({ params: { learningRate: i / 13, optimizer: 'sgd' }, value: 1 + i * 0.01 })),
];
const observations = results.map(({ params, value }) => ({ unit: toUnit(space, params), value }));
const options = { gamma: () => 3, priorWeight: 1, multivariate: true, bandwidth: 'neighbours' as const };

describe('TPE on conditional spaces', () => {
  it("fits a conditional dimension's densities only on results where it was active", () => {
    const model = fitConditionalTpe(space, observations, options);
    expect(model.base?.indices).toEqual([0, 1]);
    const [momentum] = model.conditional;
    expect(momentum.indices).toEqual([2]);
    // Three good and four bad results had momentum; each density adds its prior component.
    expect(momentum.good.weights.length).toBe(4);
    expect(momentum.bad.weights.length).toBe(5);
    // The SGD results' placeholder (0.5) is no centre of any kernel.
    const kernels = momentum.bad.kernels[0];
    expect(kernels.kind === 'numeric' && Array.from(kernels.mu).slice(0, 4)).toEqual([0.1, 0.2, 0.15, 0.3]);
    expect(logMarginalDensity(momentum.good, 0, 0.9)).toBeGreaterThan(logMarginalDensity(momentum.bad, 0, 0.9));
  });

  it('ranks candidates with momentum near the good results first', () => {
    const model = fitConditionalTpe(space, observations, options);
    const ranked = rankConditionalCandidates(space, model, 48, createRandom(3));
    const best = ranked[0];
    expect(best[1]).toBeGreaterThan(0.5); // momentum optimiser
    expect(best[2]).toBeGreaterThan(0.6);
  });

  it("the why-this-point view of a conditional dimension shows TPE's own densities", () => {
    const slice = computeTpeSlice(space, results, 'momentum', { gamma: () => 3 });
    const at = (x: number) => slice.unit.findIndex((u) => Math.abs(u - x) < 1e-9);
    expect(slice.ratio[at(0.9)]).toBeGreaterThan(slice.ratio[at(0.5)]);
    expect(slice.goodCount).toBe(3);
  });
});

describe('the GP on conditional spaces', () => {
  it('models results with and without a conditional dimension and keeps them in order', () => {
    const search = createBayesianSearch(space, { seed: 1, budget: 40 });
    for (const { params, value } of results) search.tell(params, value);
    const model = search.model()!;
    const slice = search.posteriorSlice({ dimensions: ['learningRate'], fixed: { optimizer: 'sgd' }, resolution: 14 });
    expect(slice).not.toBeNull();
    expect(slice!.mean.every(Number.isFinite)).toBe(true);
    const predict = (params: Params) => model.predict(featuresFromUnit(space, toUnit(space, params))).mean;
    // Good momentum results (about 0), SGD results (about 1) and bad momentum results (2 to 5) stay in order.
    const good = predict(results[1].params);
    const sgd = predict(results[10].params);
    const bad = predict(results[4].params);
    expect(good).toBeLessThan(sgd);
    expect(sgd).toBeLessThan(bad);
    expect(Math.abs(sgd - results[10].value)).toBeLessThan(0.5);
    const proposals = search.askBatch(3);
    expect(proposals).toHaveLength(3);
  });
});
