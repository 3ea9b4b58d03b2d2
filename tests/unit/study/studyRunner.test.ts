import { describe, expect, it } from 'vitest';
import type { Dimension, Params } from '../../../src/lib/core/space';
import type { EpochRecord, StudyTrial } from '../../../src/lib/core/trial';
import { createSchedule } from '../../../src/lib/search/schedules';
import { createStrategy } from '../../../src/lib/search';
import { replayAt } from '../../../src/lib/analysis/replay';
import { StudyRunner, type ExecutorResult, type TrialExecutor } from '../../../src/lib/study/studyRunner';

const space: Dimension[] = [
  { name: 'learningRate', type: 'log', low: 1e-4, high: 1 },
  { name: 'units', type: 'int', low: 1, high: 64 },
];

/** The deterministic objective of the fake trainer: best near learningRate 0.01, more units help a little. */
function finalLoss(params: Params): number {
  return (Math.log10(params.learningRate as number) + 2) ** 2 + 1 / (params.units as number);
}

/** A fake trainer: each epoch's validation loss decays towards finalLoss; some params diverge or fail. */
function fakeExecutor(behaviour: (params: Params, id: number) => 'ok' | 'diverge' | 'fail' = () => 'ok', epochDelay = 0): TrialExecutor & { started: number[] } {
  const started: number[] = [];
  return {
    started,
    start({ id, params, maxEpochs }, onEpochs) {
      started.push(id);
      let stopped = false;
      const done = (async (): Promise<ExecutorResult> => {
        const kind = behaviour(params, id);
        if (kind === 'fail') return { end: 'failed', durationMs: 1, keptEpoch: 0, error: 'out of memory (fake)' };
        for (let epoch = 1; epoch <= maxEpochs; epoch++) {
          await new Promise((resolve) => setTimeout(resolve, epochDelay));
          if (stopped) return { end: 'stopped', durationMs: epoch, keptEpoch: epoch - 1 };
          const loss = kind === 'diverge' && epoch >= 2 ? Number.NaN : finalLoss(params) + 2 / epoch;
          const record: EpochRecord = { epoch, trainLoss: loss * 0.9, validationLoss: loss, validationAccuracy: 0.5 };
          onEpochs([record]);
          if (kind === 'diverge' && epoch >= 2) return { end: 'diverged', durationMs: epoch, keptEpoch: epoch };
        }
        return { end: 'complete', durationMs: maxEpochs, keptEpoch: maxEpochs };
      })();
      return {
        stop: () => {
          stopped = true;
        },
        done,
      };
    },
  };
}

function runner(
  budget: number,
  executor: TrialExecutor,
  options: { schedule?: string; strategy?: string; seed?: number; maxEpochs?: number; parallel?: number; epochBudget?: number; replay?: StudyTrial[] } = {},
) {
  const seed = options.seed ?? 3;
  return new StudyRunner(
    {
      strategy: createStrategy(options.strategy ?? 'random', space, { seed, budget }),
      schedule: createSchedule(options.schedule ?? 'none', { maxEpochs: options.maxEpochs ?? 5 }),
      budget,
      metric: 'validationLoss',
      parallel: options.parallel,
      epochBudget: options.epochBudget,
      replay: options.replay,
      now: () => 0,
    },
    executor,
  );
}

describe('StudyRunner', () => {
  it('runs to its budget and names the best trial', async () => {
    const study = runner(6, fakeExecutor());
    await study.run();
    expect(study.status).toBe('finished');
    expect(study.trials).toHaveLength(6);
    expect(study.trials.every((trial) => trial.state === 'complete' && trial.epochs.length === 5)).toBe(true);
    const values = study.trials.map((trial) => trial.value as number);
    expect(study.best?.value).toBe(Math.min(...values));
    expect(study.message).toMatch(/all 6 trials/);
  });

  it('pauses and resumes without losing or repeating trials', async () => {
    const uninterrupted = runner(6, fakeExecutor());
    await uninterrupted.run();

    const executor = fakeExecutor();
    const study = runner(6, executor);
    const running = study.run();
    await new Promise((resolve) => setTimeout(resolve, 0));
    study.pause();
    await running;
    expect(study.status).toBe('paused');
    const pausedAt = study.trials.length;
    expect(pausedAt).toBeGreaterThanOrEqual(1);
    expect(pausedAt).toBeLessThan(6);
    await study.step();
    expect(study.trials).toHaveLength(pausedAt + 1);
    expect(study.status).toBe('paused');
    await study.run();
    expect(study.status).toBe('finished');
    expect(executor.started).toEqual([1, 2, 3, 4, 5, 6]);
    expect(study.trials.map((trial) => trial.params)).toEqual(uninterrupted.trials.map((trial) => trial.params));
  });

  it('stops: the running trial ends as stopped and no other trial starts', async () => {
    const executor = fakeExecutor(() => 'ok', 2);
    const study = runner(6, executor, { maxEpochs: 50 });
    const running = study.run();
    await new Promise((resolve) => setTimeout(resolve, 20));
    study.stop();
    await running;
    expect(study.status).toBe('stopped');
    expect(study.trials).toHaveLength(1);
    expect(study.trials[0].state).toBe('failed');
    expect(study.trials[0].reason).toBe('stopped before it finished');
    expect(executor.started).toEqual([1]);
  });

  it('continues past a diverged and a failed trial, marking each with its reason', async () => {
    const study = runner(5, fakeExecutor((_, id) => (id === 2 ? 'diverge' : id === 3 ? 'fail' : 'ok')));
    await study.run();
    expect(study.status).toBe('finished');
    expect(study.trials.map((trial) => trial.state)).toEqual(['complete', 'diverged', 'failed', 'complete', 'complete']);
    expect(study.trials[1].reason).toMatch(/learning rate/);
    expect(study.trials[2].reason).toBe('out of memory (fake)');
    expect(study.trials[1].value).toBeNull();
  });

  it('stops after three failures in a row and says why', async () => {
    const study = runner(8, fakeExecutor((_, id) => (id >= 2 && id <= 4 ? 'fail' : 'ok')));
    await study.run();
    expect(study.status).toBe('stopped');
    expect(study.trials).toHaveLength(4);
    expect(study.message).toMatch(/3 failed trials in a row.*out of memory/);
  });

  it("applies the schedule's stop decisions: successive halving prunes trials at its rungs", async () => {
    const study = runner(12, fakeExecutor(), { schedule: 'successiveHalving', maxEpochs: 9 });
    await study.run();
    const pruned = study.trials.filter((trial) => trial.state === 'pruned');
    expect(pruned.length).toBeGreaterThan(0);
    for (const trial of pruned) {
      expect(trial.epochs.length).toBeLessThan(9);
      expect(trial.reason).toMatch(/schedule/);
    }
    expect(study.trials.filter((trial) => trial.state === 'complete').every((trial) => trial.epochs.length === 9)).toBe(true);
  });

  it('replays to trial k exactly: the first k trials, their best and best-so-far curve', async () => {
    const study = runner(8, fakeExecutor());
    await study.run();
    for (let k = 0; k <= 8; k++) {
      const frame = replayAt(study.trials, k);
      expect(frame.trials).toEqual(study.trials.slice(0, k));
      const values = study.trials.slice(0, k).map((trial) => trial.value as number);
      expect(frame.best?.value ?? null).toBe(k === 0 ? null : Math.min(...values));
      expect(frame.bestSoFar).toHaveLength(k);
    }
  });

  it('runs a manual trial outside the budget without telling the strategy', async () => {
    const study = runner(2, fakeExecutor());
    const trial = await study.runManual({ learningRate: 0.01, units: 32 }, 4);
    expect(trial.manual).toBe(true);
    expect(trial.epochs).toHaveLength(4);
    await study.run();
    expect(study.trials).toHaveLength(3);
  });

  it('trains trials in parallel waves: each wave starts together and the budget is respected', async () => {
    const executor = fakeExecutor();
    const starts: number[][] = [];
    const inWave: number[] = [];
    const recording: TrialExecutor = {
      start(trial, onEpochs) {
        inWave.push(trial.id);
        queueMicrotask(() => {
          if (inWave.length) starts.push(inWave.splice(0));
        });
        return executor.start(trial, onEpochs);
      },
    };
    const study = runner(10, recording, { parallel: 4 });
    await study.run();
    expect(study.trials).toHaveLength(10);
    expect(starts).toEqual([[1, 2, 3, 4], [5, 6, 7, 8], [9, 10]]);
    expect(new Set(study.trials.map((trial) => JSON.stringify(trial.params))).size).toBe(10);
  });

  it('asks a Bayesian search for a batch of distinct points per wave', async () => {
    const study = runner(9, fakeExecutor(), { parallel: 3, strategy: 'bayesian' });
    await study.run();
    expect(study.trials).toHaveLength(9);
    expect(new Set(study.trials.map((trial) => JSON.stringify(trial.params))).size).toBe(9);
  });

  it('stop ends every trial of the running wave', async () => {
    const study = runner(8, fakeExecutor(() => 'ok', 2), { parallel: 4, maxEpochs: 50 });
    const running = study.run();
    await new Promise((resolve) => setTimeout(resolve, 20));
    study.stop();
    await running;
    expect(study.trials).toHaveLength(4);
    expect(study.trials.every((trial) => trial.state === 'failed' && trial.reason === 'stopped before it finished')).toBe(true);
  });

  it('step runs exactly one trial even when trials run in parallel', async () => {
    const study = runner(8, fakeExecutor(), { parallel: 4 });
    await study.step();
    expect(study.trials).toHaveLength(1);
    expect(study.status).toBe('paused');
  });

  it('stops when the epoch budget is spent, giving the last trial only the epochs left', async () => {
    const study = runner(10, fakeExecutor(), { maxEpochs: 5, epochBudget: 12 });
    await study.run();
    expect(study.status).toBe('finished');
    expect(study.trials.map((trial) => trial.epochs.length)).toEqual([5, 5, 2]);
    expect(study.message).toMatch(/budget of 12 epochs/);
  });

  it('resumes after a reload: trials that had ended are replayed, not trained again, and the study ends as if never interrupted', async () => {
    for (const [strategy, parallel] of [['random', 2], ['bayesian', 1], ['bayesian', 3]] as const) {
      const uninterrupted = runner(8, fakeExecutor(), { strategy, parallel, schedule: 'successiveHalving', maxEpochs: 9 });
      await uninterrupted.run();
      const executor = fakeExecutor();
      // Trials 1-3 had ended; trial 4 was running when the page reloaded.
      const before = uninterrupted.trials.slice(0, 4).map((trial, index) => (index === 3 ? { ...trial, state: 'running' as const, epochs: [] } : trial));
      const resumed = runner(8, executor, { strategy, parallel, schedule: 'successiveHalving', maxEpochs: 9, replay: before });
      await resumed.run();
      expect(executor.started).toEqual([4, 5, 6, 7, 8]);
      expect(resumed.trials).toEqual(uninterrupted.trials);
    }
  });
});
