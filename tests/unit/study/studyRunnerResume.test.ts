/**
 * Resume, proved: a fake trainer, reloads at random moments, and the study that comes out must be
 * the study an uninterrupted run with the same seed makes — every strategy, schedule and wave size.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Dimension } from '../../../src/lib/core/space';
import type { EpochRecord, StudyTrial } from '../../../src/lib/core/trial';
import { createStrategy } from '../../../src/lib/search';
import { createSchedule } from '../../../src/lib/search/schedules';
import { replayTrials } from '../../../src/lib/storage/resumeStudy';
import { StudyRunner, type ExecutorResult, type TrialExecutor } from '../../../src/lib/study/studyRunner';

const space: Dimension[] = [
  { name: 'learningRate', type: 'log', low: 0.01, high: 10 },
  { name: 'units', type: 'int', low: 1, high: 16 },
];
const maxEpochs = 9;

/**
 * A deterministic trainer whose epochs arrive as soon as a trial starts, so every run sees the
 * same order of events: loss falls towards a bowl around learning rate 0.1; learning rates
 * above 3 diverge at epoch 2; 13 units fail.
 */
function fakeExecutor(): TrialExecutor & { started: number[] } {
  const started: number[] = [];
  return {
    started,
    start({ id, params, maxEpochs: epochs }, onEpochs) {
      started.push(id);
      const learningRate = params.learningRate as number;
      const units = params.units as number;
      let stopped = false;
      const result = ((): ExecutorResult => {
        if (units === 13) return { end: 'failed', durationMs: 1, keptEpoch: 0, error: 'out of memory (fake)' };
        for (let epoch = 1; epoch <= epochs; epoch++) {
          if (stopped) return { end: 'stopped', durationMs: epoch, keptEpoch: epoch - 1 };
          const diverged = learningRate > 3 && epoch >= 2;
          const loss = diverged ? Number.NaN : (Math.log10(learningRate) + 1) ** 2 + 1 / units + 2 / epoch;
          const record: EpochRecord = { epoch, trainLoss: loss, validationLoss: loss, validationAccuracy: 0.5 };
          onEpochs([record]);
          if (diverged) return { end: 'diverged', durationMs: epoch, keptEpoch: epoch };
        }
        return { end: 'complete', durationMs: epochs, keptEpoch: epochs };
      })();
      return {
        stop: () => {
          stopped = true;
        },
        done: Promise.resolve(result),
      };
    },
  };
}

interface Plan {
  strategy: string;
  schedule: string;
  parallel: number;
  budget: number;
  seed: number;
}

/** A runner for the plan; `onChange` sees every change (each a moment the page could reload at). */
function runnerFor(plan: Plan, executor: TrialExecutor, replay: StudyTrial[], onChange?: (runner: StudyRunner) => void): StudyRunner {
  return new StudyRunner(
    {
      strategy: createStrategy(plan.strategy, space, { seed: plan.seed, budget: plan.budget }),
      schedule: createSchedule(plan.schedule, { maxEpochs, minEpochs: 1 }),
      budget: plan.budget,
      metric: 'validationLoss',
      parallel: plan.parallel,
      replay,
      now: () => 0,
    },
    executor,
    onChange,
  );
}

/** What the saved study keeps of a trial (the study@1 fields). */
function saved(trial: StudyTrial) {
  const { id, params, state, value, durationMs, epochs, error } = trial;
  return { id, params, state, value, durationMs, epochs, ...(error ? { error } : {}) };
}

const ended = (trial: StudyTrial) => trial.state !== 'running' && trial.state !== 'queued';

const planArbitrary: fc.Arbitrary<Plan> = fc
  .record({
    strategy: fc.constantFrom('grid', 'random', 'quasi-random', 'bayesian', 'evolution'),
    schedule: fc.constantFrom('none', 'median', 'successiveHalving', 'hyperband'),
    parallel: fc.integer({ min: 1, max: 4 }),
    budget: fc.integer({ min: 2, max: 14 }),
    seed: fc.integer({ min: 1, max: 1000 }),
  })
  // Bayesian search refits its Gaussian process every trial: small budgets keep the test quick.
  .map((plan) => (plan.strategy === 'bayesian' ? { ...plan, budget: Math.min(plan.budget, 7) } : plan));

/**
 * The trials as a reload at this moment could find them: trials of the last wave end in any order
 * when they train in parallel, so any of them may still be running (`running[i]` for the i-th
 * of that wave), with the epochs it had then.
 */
function atReload(trials: StudyTrial[], parallel: number, running: boolean[]): StudyTrial[] {
  const lastWave = Math.floor((trials.length - 1) / parallel);
  return trials.map((trial, index) =>
    Math.floor(index / parallel) === lastWave && running[index % parallel] ? { ...trial, state: 'running', value: null, epochs: trial.epochs.slice(0, 1), error: undefined } : trial,
  );
}

/** A reload: when (a fraction 0..1 of the changes seen) and which trials of the last wave still ran. */
interface Reload {
  at: number;
  running: boolean[];
}

/** Runs the plan, reloading at each moment, then to the end. */
async function runWithReloads(plan: Plan, reloads: Reload[]): Promise<{ final: StudyTrial[]; retrained: number[] }> {
  let replay: StudyTrial[] = [];
  const retrained: number[] = [];
  for (const { at, running } of reloads) {
    const moments: StudyTrial[][] = [];
    const executor = fakeExecutor();
    await runnerFor(plan, executor, replay, (runner) => moments.push(runner.trials)).run();
    const endedBefore = new Set(replay.filter(ended).map((trial) => trial.id));
    retrained.push(...executor.started.filter((id) => endedBefore.has(id)));
    const moment = moments[Math.min(moments.length - 1, Math.floor(at * moments.length))] ?? [];
    // The page saves the study@1 export; resuming reads it back.
    replay = replayTrials(atReload(moment, plan.parallel, running).map(saved));
  }
  const executor = fakeExecutor();
  const runner = runnerFor(plan, executor, replay);
  await runner.run();
  const endedBefore = new Set(replay.filter(ended).map((trial) => trial.id));
  retrained.push(...executor.started.filter((id) => endedBefore.has(id)));
  expect(runner.status === 'finished' || runner.status === 'stopped').toBe(true);
  for (const trial of replay.filter(ended)) expect(saved(runner.trials[trial.id - 1])).toEqual(saved(trial));
  return { final: runner.trials, retrained };
}

describe('StudyRunner resuming after reloads', () => {
  it('ends with the study an uninterrupted run makes: each id once, ended trials kept and never trained again', async () => {
    await fc.assert(
      fc.asyncProperty(planArbitrary, fc.array(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), running: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }) }), { minLength: 1, maxLength: 3 }), async (plan, reloads) => {
        const uninterrupted = runnerFor(plan, fakeExecutor(), []);
        await uninterrupted.run();
        const { final, retrained } = await runWithReloads(plan, reloads);
        expect(retrained).toEqual([]);
        expect(final.map((trial) => trial.id)).toEqual(final.map((_, index) => index + 1));
        expect(final.map(saved)).toEqual(uninterrupted.trials.map(saved));
      }),
      { numRuns: 150, seed: 20261130, interruptAfterTimeLimit: 40_000 },
    );
  });

  it('keeps a trial of a wave that ended while an earlier one of the same wave still ran (evolution, successive halving, 4 in parallel, seed 4)', async () => {
    const plan: Plan = { strategy: 'evolution', schedule: 'successiveHalving', parallel: 4, budget: 12, seed: 4 };
    const uninterrupted = runnerFor(plan, fakeExecutor(), []);
    await uninterrupted.run();
    // Reloaded when trials 1-4 and 6-8 had ended (8 diverged in the audit) while trial 5 still ran.
    const replay = replayTrials(atReload(uninterrupted.trials.slice(0, 8), 4, [true, false, false, false]).map(saved));
    expect(replay[4].state).toBe('running');
    const executor = fakeExecutor();
    const resumed = runnerFor(plan, executor, replay);
    await resumed.run();
    const endedIds = replay.filter(ended).map((trial) => trial.id);
    expect(executor.started.filter((id) => endedIds.includes(id))).toEqual([]);
    for (const id of endedIds) expect(saved(resumed.trials[id - 1])).toEqual(saved(replay[id - 1]));
  });
});
