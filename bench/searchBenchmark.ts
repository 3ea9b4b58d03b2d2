/**
 * The measurements behind `npm run bench:search`: simple regret of each strategy on a test
 * function, time per Bayesian ask, and Bergstra & Bengio's grid-versus-random check.
 */
import { createRandom } from '../src/lib/core/random';
import type { Dimension, Params } from '../src/lib/core/space';
import { centredDiscrepancy, createStrategy, SobolSequence, type StrategyOptions } from '../src/lib/search';
import { latinHypercube } from '../src/lib/search/latinHypercube';
import type { TestFunction } from './testFunctions';

/** A strategy to benchmark: a label, a registry name and extra options. */
export interface Contender {
  label: string;
  name: string;
  options?: Record<string, unknown>;
}

/** Value at quantile q (0..1) of numbers, by linear interpolation. */
export function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
}

/** Best value found after each evaluation of one run, shape [budget]. */
export function bestSoFar(testFunction: TestFunction, contender: Contender, seed: number, budget: number): number[] {
  const options: StrategyOptions = { seed, budget, ...contender.options };
  const strategy = createStrategy(contender.name, testFunction.space, options);
  const trace: number[] = [];
  let best = Infinity;
  for (let i = 0; i < budget; i++) {
    const params = strategy.ask();
    if (!params) break;
    const value = testFunction.evaluate(params);
    strategy.tell(params, value);
    best = Math.min(best, value);
    trace.push(best);
  }
  return trace;
}

/** Median and 90th-percentile simple regret (best − known minimum, floored at 0) at each checkpoint over seeds. */
export function regretTable(
  testFunction: TestFunction,
  contender: Contender,
  seeds: number[],
  checkpoints: number[],
): { median: number[]; p90: number[] } {
  const regretAt: number[][] = checkpoints.map(() => []);
  for (const seed of seeds) {
    if (contender.name === 'grid') {
      // A grid is laid out for its budget, so each checkpoint gets its own grid (the seed plays no part).
      checkpoints.forEach((checkpoint, c) => {
        const trace = bestSoFar(testFunction, contender, seed, checkpoint);
        regretAt[c].push(Math.max(0, trace[trace.length - 1] - testFunction.minimum));
      });
      continue;
    }
    const trace = bestSoFar(testFunction, contender, seed, Math.max(...checkpoints));
    checkpoints.forEach((checkpoint, c) => regretAt[c].push(Math.max(0, trace[checkpoint - 1] - testFunction.minimum)));
  }
  return { median: regretAt.map((values) => quantile(values, 0.5)), p90: regretAt.map((values) => quantile(values, 0.9)) };
}

/**
 * Median and mean milliseconds per ask of a strategy (default Bayesian) with `observations` results in a d-dimensional
 * cube: the model is warmed by one ask, then each timed ask follows one more tell, as in a real search.
 */
export function askTime(
  observations: number,
  dimensions: number,
  repeats: number,
  seed: number,
  strategyName = 'bayesian',
): { median: number; mean: number } {
  const space: Dimension[] = Array.from({ length: dimensions }, (_, k) => ({ name: `x${k}`, type: 'real', low: 0, high: 1 }));
  const objective = (params: Params) =>
    space.reduce((sum, dimension, k) => sum + Math.sin(3 * (k + 1) * Number(params[dimension.name])) + Number(params[dimension.name]) ** 2, 0);
  const strategy = createStrategy(strategyName, space, { seed, budget: observations + repeats + 10 });
  const random = createRandom(seed);
  for (let i = 0; i < observations - 1; i++) {
    const params: Params = Object.fromEntries(space.map((dimension) => [dimension.name, random.next()]));
    strategy.tell(params, objective(params));
  }
  let params = strategy.ask()!;
  const times: number[] = [];
  for (let r = 0; r < repeats; r++) {
    strategy.tell(params, objective(params));
    const start = performance.now();
    params = strategy.ask()!;
    times.push(performance.now() - start);
  }
  return { median: quantile(times, 0.5), mean: times.reduce((sum, time) => sum + time, 0) / times.length };
}

/**
 * Bergstra & Bengio (2012): a 4-D problem where only 2 randomly chosen dimensions matter,
 * budget 16; median best value of grid and random search over seeds (lower is better).
 */
export function lowEffectiveDimension(seeds: number[]): { grid: number; random: number } {
  const space: Dimension[] = ['a', 'b', 'c', 'd'].map((name) => ({ name, type: 'real', low: 0, high: 1 }));
  const best = { grid: [] as number[], random: [] as number[] };
  for (const seed of seeds) {
    const random = createRandom(seed).fork('problem');
    const important = random.shuffle([0, 1, 2, 3]).slice(0, 2);
    const centre = important.map(() => random.uniform(0.1, 0.9));
    const objective = (params: Params) =>
      important.reduce((sum, k, i) => sum + (Number(params[space[k].name]) - centre[i]) ** 2, 0);
    for (const name of ['grid', 'random'] as const) {
      const strategy = createStrategy(name, space, { seed, budget: 16 });
      let lowest = Infinity;
      for (let params = strategy.ask(); params; params = strategy.ask()) {
        const value = objective(params);
        strategy.tell(params, value);
        lowest = Math.min(lowest, value);
      }
      best[name].push(lowest);
    }
  }
  return { grid: quantile(best.grid, 0.5), random: quantile(best.random, 0.5) };
}

/** Median centred L2 discrepancy over seeds of n uniform random, Latin hypercube and scrambled Sobol' points in [0, 1]^d. */
export function designDiscrepancy(dimensions: number, n: number, seeds: number[]): { random: number; latinHypercube: number; sobol: number } {
  const values = { random: [] as number[], latinHypercube: [] as number[], sobol: [] as number[] };
  for (const seed of seeds) {
    const random = createRandom(seed);
    values.random.push(centredDiscrepancy(Array.from({ length: n }, () => Array.from({ length: dimensions }, () => random.next()))));
    values.latinHypercube.push(centredDiscrepancy(latinHypercube(n, dimensions, createRandom(seed).fork('design'))));
    const sobol = new SobolSequence(dimensions, createRandom(seed).fork('scramble'));
    values.sobol.push(centredDiscrepancy(Array.from({ length: n }, () => sobol.next())));
  }
  return { random: quantile(values.random, 0.5), latinHypercube: quantile(values.latinHypercube, 0.5), sobol: quantile(values.sobol, 0.5) };
}
