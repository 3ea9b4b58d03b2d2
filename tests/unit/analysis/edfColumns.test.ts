import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { empiricalDistribution } from '../../../src/lib/analysis/edf';
import { edfColumns, edfSteps, maxEdfSteps } from '../../../src/lib/analysis/edfColumns';
import { historyColumns } from '../../../src/lib/analysis/historyColumns';
import type { Trial, TrialState } from '../../../src/lib/core/trial';
import { createRandom } from '../../../src/lib/core/random';

/** Share of the thinned curve at `value`: the share of the last kept step at or below it. */
function drawnShare(steps: { value: number; share: number }[], value: number): number {
  let share = 0;
  for (const step of steps) if (step.value <= value) share = step.share;
  return share;
}

describe('edfColumns', () => {
  it('equals empiricalDistribution for up to a thousand scores, duplicates and diverged ones included', () => {
    const score = fc.oneof(fc.constantFrom(0.1, 0.2, 0.5, Infinity, NaN), fc.double({ min: -1e6, max: 1e6, noNaN: true }));
    fc.assert(
      fc.property(fc.array(score, { maxLength: maxEdfSteps }), (scores) => {
        const columns = edfColumns(Float64Array.from(scores));
        expect(edfSteps(columns)).toEqual(empiricalDistribution(scores));
        expect(columns.count).toBe(scores.length);
      }),
      { seed: 20261130, numRuns: 300 },
    );
  });

  it('thins 200,000 distinct scores to about a thousand steps that stay within a thousandth of the exact curve', () => {
    const random = createRandom(7);
    const scores = Float64Array.from({ length: 200_000 }, (_, index) => (index % 50 === 0 ? Infinity : random.next()));
    const columns = edfColumns(scores);
    const steps = edfSteps(columns);
    expect(steps.length).toBeLessThanOrEqual(maxEdfSteps + 2);
    const exact = empiricalDistribution(Array.from(scores));
    expect(steps[0]).toEqual(exact[0]);
    expect(steps.at(-1)).toEqual(exact.at(-1));
    let worst = 0;
    for (let index = 0; index < exact.length; index += 97) worst = Math.max(worst, Math.abs(drawnShare(steps, exact[index].value) - exact[index].share));
    expect(worst).toBeLessThan(1 / maxEdfSteps);
    expect(worst).toBeGreaterThan(0);
  });
});

describe('historyColumns edf', () => {
  const trial = (id: number, state: TrialState, value: number | null): Trial => ({ id, params: {}, state, value, durationMs: 1, epochs: [] });

  it('counts ended trials that were not pruned, diverged and failed ones as never reaching a value', () => {
    const columns = historyColumns([trial(1, 'complete', 0.5), trial(2, 'pruned', 0.1), trial(3, 'running', null), trial(4, 'diverged', Infinity), trial(5, 'complete', 0.3), trial(6, 'failed', null)]);
    expect(edfSteps(columns.edf)).toEqual([
      { value: 0.3, share: 0.25 },
      { value: 0.5, share: 0.5 },
    ]);
    expect(columns.edf.count).toBe(4);
  });
});
