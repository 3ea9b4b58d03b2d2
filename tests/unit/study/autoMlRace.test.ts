import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../../src/lib/datasets/dataset';
import { createRandom } from '../../../src/lib/core/random';
import { splitDataset } from '../../../src/lib/datasets/split';
import { createStrategy } from '../../../src/lib/search';
import { dataFacts } from '../../../src/lib/search/automl/facts';
import type { AutoMlFamily } from '../../../src/lib/search/automl/familyCost';
import { planAutoMl } from '../../../src/lib/search/automl/plan';
import { localProposer } from '../../../src/lib/search/proposer';
import { AutoMlRace } from '../../../src/lib/study/autoMlRace';
import { classicExecutor, fakeClock } from './classicExecutor';

const classic: AutoMlFamily[] = ['tree', 'linear', 'knn', 'boosting', 'forest'];

/** Rows whose class is an axis-aligned rule on 2 of 8 features (x0 > 0.2 xor x1 > -0.3): trees' home ground; 6 noise columns blur k-NN's distances, and no line separates xor. */
function axisAligned(seed: number, size = 300): Dataset {
  const random = createRandom(seed);
  const featureCount = 8;
  const features = new Float32Array(size * featureCount);
  const targets = new Float32Array(size);
  for (let row = 0; row < size; row++) {
    for (let column = 0; column < featureCount; column++) features[row * featureCount + column] = random.uniform(-1, 1);
    targets[row] = Number((features[row * featureCount] > 0.2) !== (features[row * featureCount + 1] > -0.3));
  }
  return { name: 'axis-aligned', task: 'classification', size, featureCount, features, targets, classCount: 2, featureNames: Array.from({ length: featureCount }, (_, index) => `x${index}`), classNames: ['a', 'b'] };
}

/** A regression that is a plane in 10 features plus a little noise: linear models' home ground. */
function linearRegression(seed: number, size = 200): Dataset {
  const random = createRandom(seed);
  const featureCount = 10;
  const features = new Float32Array(size * featureCount);
  const targets = new Float32Array(size);
  for (let row = 0; row < size; row++) {
    let target = 0;
    for (let column = 0; column < featureCount; column++) {
      const value = random.uniform(-1, 1);
      features[row * featureCount + column] = value;
      target += ((column % 3) - 1 + 0.5) * value;
    }
    targets[row] = target + 0.05 * (random.next() - 0.5);
  }
  return { name: 'plane', task: 'regression', size, featureCount, features, targets, classCount: 0, featureNames: Array.from({ length: featureCount }, (_, index) => `x${index}`), classNames: [] };
}

/** Races the classic families on `dataset` with a clock that charges each trial 4 times its estimated time (a slow machine; it keeps the test short), or `charge(family)`. */
async function race(dataset: Dataset, seed: number, charge?: (family: AutoMlFamily) => number): Promise<AutoMlRace> {
  const split = splitDataset(dataset, { train: 0.6, validation: 0.2, test: 0.2 }, seed);
  const plan = planAutoMl(dataFacts(dataset, split), 'quick', seed, classic);
  const clock = fakeClock();
  const run = new AutoMlRace(plan, {
    executorFor: (family, familySeed) => classicExecutor(dataset, split, family.fixed, familySeed, charge?.(family.family) ?? 4 * family.estimatedTrialMs, clock),
    proposerFor: (family, familySeed) => localProposer(createStrategy(plan.strategy, family.space, { seed: familySeed, budget: 100 })),
    now: clock.now,
  });
  await run.run();
  return run;
}

describe('AutoMlRace', () => {
  it('keeps a tree family and drops the linear model on axis-aligned data, over seeds', async () => {
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const run = await race(axisAligned(seed), seed);
      expect(['tree', 'forest', 'boosting'], `seed ${seed}`).toContain(run.winner?.family);
      expect(run.standings.find((standing) => standing.family === 'linear')?.droppedAfter, `seed ${seed}`).toBe(1);
    }
  }, 120_000);

  it('crowns the linear model on data that is a plane, over seeds', async () => {
    for (const seed of [1, 2, 3, 4]) {
      const run = await race(linearRegression(seed), seed);
      expect(run.winner?.family, `seed ${seed}`).toBe('linear');
    }
  }, 120_000);

  it('logs each round and each dropped family with a reason, and names the winner with its settings', async () => {
    const run = await race(axisAligned(7), 7);
    const topics = run.decisions.map((decision) => decision.topic);
    expect(topics.filter((topic) => topic === 'race').length).toBeGreaterThanOrEqual(run.plan.rounds.length + run.plan.families.length - 1);
    const winnerLine = run.decisions.find((decision) => decision.topic === 'winner');
    expect(winnerLine?.decision).toContain(`trial ${run.winner?.trial.id}`);
    expect(run.winner?.settings.kind).toBe(run.winner?.family);
    for (const [name, value] of Object.entries(run.winner?.trial.params ?? {})) expect((run.winner?.settings as unknown as Record<string, unknown>)[name]).toBe(value);
    expect(run.standings.filter((standing) => standing.status === 'winner')).toHaveLength(1);
    expect(run.status).toBe('finished');
  }, 60_000);

  it('spends no more than the budget and one round of trials in flight', async () => {
    const run = await race(axisAligned(8), 8);
    const slowest = 4 * run.plan.families.reduce((most, family) => Math.max(most, family.estimatedTrialMs), 0);
    expect(run.elapsedMs).toBeLessThanOrEqual(run.plan.budgetMs + slowest);
    expect(run.elapsedMs).toBeGreaterThan(0);
  }, 60_000);

  it('leaves out after its first trial a family far slower than the cost model said', async () => {
    const run = await race(axisAligned(9), 9, (family) => (family === 'knn' ? 6000 : 20));
    const knn = run.standings.find((standing) => standing.family === 'knn');
    expect(knn?.status).toBe('dropped');
    expect(knn?.trials).toBe(1);
    const line = run.decisions.find((decision) => decision.decision === 'K-nearest neighbours is left out after its first trial.');
    expect(line?.because).toContain('that trial took 6 s');
    const roundOne = run.decisions.find((decision) => decision.decision.startsWith('Round 1:'));
    expect(roundOne?.decision).not.toContain('1 trial ');
  }, 60_000);

  it('stops without naming a winner when Stop is pressed', async () => {
    const dataset = axisAligned(10);
    const split = splitDataset(dataset, { train: 0.6, validation: 0.2, test: 0.2 }, 10);
    const plan = planAutoMl(dataFacts(dataset, split), 'quick', 10, classic);
    const clock = fakeClock();
    const run = new AutoMlRace(plan, {
      executorFor: (family, familySeed) => classicExecutor(dataset, split, family.fixed, familySeed, 10, clock),
      proposerFor: (family, familySeed) => localProposer(createStrategy('random', family.space, { seed: familySeed, budget: 100 })),
      now: clock.now,
    });
    const finished = run.run();
    run.stop();
    await finished;
    expect(run.status).toBe('stopped');
    expect(run.winner).toBeNull();
    expect(run.decisions.at(-1)?.decision).toBe('Stopped.');
    expect(run.decisions.some((decision) => decision.topic === 'winner')).toBe(false);
  });

  it('keeps every family to the planned trials when the plan chose random search for having few', async () => {
    const dataset = axisAligned(11);
    const split = splitDataset(dataset, { train: 0.6, validation: 0.2, test: 0.2 }, 11);
    // The plan of a large table (random search, few trials), raced on small data whose trials are charged as planned.
    const plan = planAutoMl({ name: 'large', task: 'classification', trainRows: 20_000, validationRows: 6000, features: 10, classes: 2 }, 'quick', 11, classic);
    expect(plan.strategy).toBe('random');
    const clock = fakeClock();
    const run = new AutoMlRace(plan, {
      executorFor: (family, familySeed) => classicExecutor(dataset, split, family.fixed, familySeed, family.estimatedTrialMs / 4, clock),
      proposerFor: (family, familySeed) => localProposer(createStrategy('random', family.space, { seed: familySeed, budget: 100 })),
      now: clock.now,
    });
    await run.run();
    const planned = plan.rounds.reduce((sum, round) => sum + round.trialsPerFamily, 0);
    expect(planned).toBeLessThanOrEqual(10);
    for (const standing of run.standings) expect(standing.trials, standing.family).toBeLessThanOrEqual(planned);
    expect(run.winner).not.toBeNull();
  }, 60_000);
});
