import { describe, expect, it } from 'vitest';
import { estimateRemainingMs, naiveRemainingMs, type EtaTrial } from '../../../src/lib/analysis/eta';
import { createRandom } from '../../../src/lib/core/random';

/**
 * A search's arrival sequence, as the study runner produces it: `lanes` trials at a time, each
 * lane taking the next trial `gapMs` after its last one ended (the strategy's proposal time).
 */
function arrivals(options: { lanes: number; budget: number; durations: (index: number) => number; gapMs: number; together?: boolean }): EtaTrial[] {
  const { lanes, budget, durations, gapMs, together = false } = options;
  const trials: EtaTrial[] = [];
  const free = Array.from({ length: lanes }, () => 0);
  for (let index = 0; index < budget; index++) {
    // Waves (population training): a wave starts when the whole previous wave has ended.
    const lane = together ? index % lanes : free.indexOf(Math.min(...free));
    const start = together ? (index % lanes === 0 ? Math.max(...free) + gapMs : trials[index - 1].startedAtMs) : free[lane] + (index < lanes ? 0 : gapMs);
    const duration = durations(index);
    trials.push({ state: 'complete', startedAtMs: start, endedAtMs: start + duration, durationMs: duration });
    free[lane] = start + duration;
  }
  return trials;
}

/** The trials as the page saw them at `now`: ended, running, or not started yet. */
function seenAt(trials: readonly EtaTrial[], now: number): EtaTrial[] {
  return trials.filter((trial) => trial.startedAtMs <= now).map((trial) => (trial.endedAtMs <= now ? trial : { ...trial, state: 'running' as const, durationMs: 0 }));
}

/** The estimate's error at every arrival after the first wave, and half-way to the next, until the last wave is running. */
function errorsAfterFirstWave(trials: readonly EtaTrial[], lanes: number): { relative: number; absolute: number; truth: number }[] {
  const end = Math.max(...trials.map((trial) => trial.endedAtMs));
  const ends = trials.map((trial) => trial.endedAtMs).sort((a, b) => a - b);
  const errors = [];
  for (let k = lanes - 1; k < ends.length - lanes; k++) {
    for (const now of [ends[k], (ends[k] + ends[k + 1]) / 2]) {
      const truth = end - now;
      const estimate = estimateRemainingMs(seenAt(trials, now), trials.length, now);
      expect(estimate).not.toBeNull();
      errors.push({ relative: (estimate! - truth) / truth, absolute: estimate! - truth, truth });
    }
  }
  return errors;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];

describe('estimateRemainingMs', () => {
  it.each([1, 2, 4, 8])('with %i lanes of steady trials, is within 30 percent after the first wave (or half a trial, for the last one)', (lanes) => {
    for (let seed = 1; seed <= 20; seed++) {
      const random = createRandom(seed);
      const trials = arrivals({ lanes, budget: 40, durations: () => 2000 * Math.exp(0.1 * random.normal()), gapMs: 30 });
      for (const error of errorsAfterFirstWave(trials, lanes)) {
        expect(Math.abs(error.relative) <= 0.3 || Math.abs(error.absolute) <= 1000, `off by ${error.absolute.toFixed(0)} ms of ${error.truth.toFixed(0)}`).toBe(true);
      }
    }
  });

  it.each([1, 2, 4, 8])('with %i lanes of trials whose durations vary by a third, has a median error under 20 percent', (lanes) => {
    const errors: number[] = [];
    for (let seed = 1; seed <= 20; seed++) {
      const random = createRandom(seed);
      const trials = arrivals({ lanes, budget: 40, durations: () => 2000 * Math.exp(0.35 * random.normal()), gapMs: 30 });
      for (const error of errorsAfterFirstWave(trials, lanes)) errors.push(Math.abs(error.relative));
    }
    expect(median(errors)).toBeLessThan(0.2);
  });

  it('is within 30 percent when all trials of a wave end together (population training)', () => {
    const trials = arrivals({ lanes: 4, budget: 24, durations: () => 1500, gapMs: 100, together: true });
    for (const error of errorsAfterFirstWave(trials, 4)) expect(Math.abs(error.relative)).toBeLessThanOrEqual(0.3);
  });

  it('follows durations that grow as the search moves to larger models better than the mean of all trials does', () => {
    const trials = arrivals({ lanes: 2, budget: 30, durations: (index) => 1000 + 60 * index, gapMs: 20 });
    const now = trials[20].endedAtMs;
    const truth = Math.max(...trials.map((trial) => trial.endedAtMs)) - now;
    const seen = seenAt(trials, now);
    const allMean = naiveRemainingMs(seen, 30)! / 2;
    expect(Math.abs(estimateRemainingMs(seen, 30, now)! - truth)).toBeLessThan(Math.abs(allMean - truth));
  });

  it('repairs the reported case: four lanes, where mean duration × trials left said about 257 s with 54 s to go', () => {
    const trials = arrivals({ lanes: 4, budget: 40, durations: (index) => 21_000 + 300 * (index % 5), gapMs: 200 });
    const now = trials[19].endedAtMs;
    const truth = Math.max(...trials.map((trial) => trial.endedAtMs)) - now;
    const seen = seenAt(trials, now);
    const naive = naiveRemainingMs(seen, 40)!;
    const estimate = estimateRemainingMs(seen, 40, now)!;
    expect(naive / truth).toBeGreaterThan(3);
    expect(Math.abs(estimate - truth) / truth).toBeLessThanOrEqual(0.3);
  });

  it('has no estimate before a trial ends, and none left once all have', () => {
    expect(estimateRemainingMs([{ state: 'running', startedAtMs: 0, endedAtMs: 0, durationMs: 0 }], 5, 1000)).toBeNull();
    const done = arrivals({ lanes: 1, budget: 3, durations: () => 100, gapMs: 0 });
    expect(estimateRemainingMs(done, 3, 400)).toBe(0);
  });

  it('leaves trials a person chose by hand out of the count', () => {
    const trials = arrivals({ lanes: 1, budget: 4, durations: () => 1000, gapMs: 0 });
    const withManual = [...seenAt(trials, 2000), { state: 'complete' as const, startedAtMs: 0, endedAtMs: 10, durationMs: 10, manual: true }];
    expect(estimateRemainingMs(withManual, 4, 2000)).toBeCloseTo(estimateRemainingMs(seenAt(trials, 2000), 4, 2000)!, 6);
  });
});
