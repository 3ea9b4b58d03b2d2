import { describe, expect, it } from 'vitest';
import { parameterImportance } from '../../../src/lib/analysis/importance';
import { createRandom } from '../../../src/lib/core/random';
import { fromUnit, type Dimension, type Params } from '../../../src/lib/core/space';

const fiveDimensions: Dimension[] = [
  { name: 'learningRate', type: 'log', low: 1e-4, high: 1 },
  { name: 'dropout', type: 'real', low: 0, high: 0.5 },
  { name: 'units', type: 'int', low: 2, high: 32 },
  { name: 'activation', type: 'choice', values: ['relu', 'tanh', 'sigmoid'] },
  { name: 'momentum', type: 'real', low: 0, high: 0.99 },
];

/** Depends on learning rate (log-quadratic) and units only, plus a little noise. */
function twoThatMatter(params: Params, noise: number): number {
  const logRate = Math.log10(Number(params.learningRate));
  return 0.2 * (logRate + 2) ** 2 + 0.6 / Math.sqrt(Number(params.units)) + noise;
}

function randomTrials(space: Dimension[], count: number, seed: number, objective: (params: Params, noise: number) => number) {
  const random = createRandom(seed);
  return Array.from({ length: count }, () => {
    const params = fromUnit(space, Array.from(space, () => random.next()));
    return { params, value: objective(params, 0.02 * random.normal()) };
  });
}

function expectContract(result: ReturnType<typeof parameterImportance>, space: Dimension[]) {
  expect(result.map((entry) => entry.name).sort()).toEqual(space.map((dimension) => dimension.name).sort());
  const total = result.reduce((sum, entry) => sum + entry.importance, 0);
  expect(total).toBeCloseTo(1, 9);
  for (let i = 0; i < result.length; i++) {
    const { importance, low, high } = result[i];
    expect(importance).toBeGreaterThanOrEqual(0);
    expect(importance).toBeLessThanOrEqual(1);
    expect(low).toBeLessThanOrEqual(importance);
    expect(high).toBeGreaterThanOrEqual(importance);
    expect(low).toBeGreaterThanOrEqual(0);
    expect(high).toBeLessThanOrEqual(1);
    if (i > 0) expect(result[i - 1].importance).toBeGreaterThanOrEqual(importance);
  }
}

describe('parameterImportance', () => {
  it('ranks the two settings that matter first for at least 18 of 20 seeds of 60 random trials', () => {
    let right = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const result = parameterImportance(fiveDimensions, randomTrials(fiveDimensions, 60, seed, twoThatMatter), { seed });
      expectContract(result, fiveDimensions);
      const firstTwo = result.slice(0, 2).map((entry) => entry.name).sort();
      if (firstTwo.join() === 'learningRate,units') right++;
    }
    expect(right).toBeGreaterThanOrEqual(18);
  }, 60_000);

  it('finds a choice that matters, with the numeric settings beside it mattering less', () => {
    const objective = (params: Params, noise: number) =>
      ({ relu: 0.2, tanh: 0.5, sigmoid: 0.9 })[params.activation as string]! + 0.05 * Number(params.dropout) + noise;
    const result = parameterImportance(fiveDimensions, randomTrials(fiveDimensions, 50, 3, objective), { seed: 3 });
    expectContract(result, fiveDimensions);
    expect(result[0].name).toBe('activation');
    expect(result[0].importance).toBeGreaterThan(0.8);
  });

  it('gives the same answer for the same seed and data', () => {
    const trials = randomTrials(fiveDimensions, 30, 7, twoThatMatter);
    expect(parameterImportance(fiveDimensions, trials, { seed: 1 })).toEqual(parameterImportance(fiveDimensions, trials, { seed: 1 }));
  });

  it('counts diverged trials (NaN, Infinity) as the worst finished trial instead of failing', () => {
    const trials = randomTrials(fiveDimensions, 40, 5, twoThatMatter).map((trial) =>
      Number(trial.params.learningRate) > 0.3 ? { ...trial, value: Number.NaN } : Number(trial.params.learningRate) > 0.1 ? { ...trial, value: Infinity } : trial,
    );
    const result = parameterImportance(fiveDimensions, trials, { seed: 5 });
    expectContract(result, fiveDimensions);
    expect(result[0].name).toBe('learningRate');
  });

  it('gives every setting an equal share and the whole band when the objective never changes', () => {
    const trials = randomTrials(fiveDimensions, 20, 2, () => 0.25);
    const result = parameterImportance(fiveDimensions, trials, { seed: 2 });
    expectContract(result, fiveDimensions);
    for (const entry of result) expect(entry).toMatchObject({ importance: 0.2, low: 0, high: 1 });
  });

  it('gives equal shares with 0, 1 or 2 trials, since nothing can be told apart', () => {
    for (const count of [0, 1, 2]) {
      const result = parameterImportance(fiveDimensions, randomTrials(fiveDimensions, count, 4, twoThatMatter), { seed: 4 });
      expectContract(result, fiveDimensions);
      for (const entry of result) expect(entry).toMatchObject({ importance: 0.2, low: 0, high: 1 });
    }
  });

  it('gives a single searched setting all the importance', () => {
    const space: Dimension[] = [fiveDimensions[0]];
    const result = parameterImportance(space, randomTrials(space, 12, 6, (params, noise) => Number(params.learningRate) + noise), { seed: 6 });
    expect(result).toEqual([{ name: 'learningRate', importance: 1, low: 1, high: 1 }]);
  });

  it('leaves out trials whose params do not fit the space and returns nothing for an empty space', () => {
    const trials = randomTrials(fiveDimensions, 30, 8, twoThatMatter);
    const odd = [...trials, { params: { learningRate: 0.1 }, value: 5 }, { params: { ...trials[0].params, activation: 'gelu' }, value: 9 }];
    expect(parameterImportance(fiveDimensions, odd, { seed: 8 })).toEqual(parameterImportance(fiveDimensions, trials, { seed: 8 }));
    expect(parameterImportance([], trials, { seed: 8 })).toEqual([]);
  });

  it('fits a seeded subset of a long study, still ranking the settings that matter first', () => {
    const trials = randomTrials(fiveDimensions, 450, 10, twoThatMatter);
    const result = parameterImportance(fiveDimensions, trials, { seed: 10 });
    expectContract(result, fiveDimensions);
    expect(result.slice(0, 2).map((entry) => entry.name).sort()).toEqual(['learningRate', 'units']);
  });

  it('analyses 100 trials of 6 settings, and 450 trials, in well under a second and a half of CPU time each', () => {
    // CPU time, not wall time: the test machine may be shared, and a busy neighbour would only slow the clock.
    const space: Dimension[] = [...fiveDimensions, { name: 'l2', type: 'log', low: 1e-6, high: 1e-2 }];
    for (const count of [100, 450]) {
      const trials = randomTrials(space, count, 9, twoThatMatter);
      const before = process.cpuUsage();
      const result = parameterImportance(space, trials, { seed: 9 });
      const used = process.cpuUsage(before);
      expect((used.user + used.system) / 1000).toBeLessThan(1500);
      expectContract(result, space);
    }
  });
});
