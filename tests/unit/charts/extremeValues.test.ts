/**
 * Charts given the largest finite values (±1e308), whose differences and padded ranges overflow to
 * Infinity: they must still draw numbers, never a `NaN`, `Infinity` or `undefined` in a path or a coordinate.
 */
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import type { Dimension } from '../../../src/lib/core/space';
import type { EpochRecord } from '../../../src/lib/core/trial';
import type { StudyTrial } from '../../../src/lib/core/trial';
import LearningCurves from '../../../src/lib/charts/LearningCurves.svelte';
import ParallelCoordinates from '../../../src/lib/charts/ParallelCoordinates.svelte';
import SearchHistory from '../../../src/lib/charts/SearchHistory.svelte';

const space: Dimension[] = [
  { name: 'learningRate', type: 'log', low: 1e-4, high: 1 },
  { name: 'units', type: 'int', low: 1, high: 64 },
];

const extremes = [1e308, -1e308, 0, Number.MAX_VALUE, -Number.MAX_VALUE, 5e-324, 1];

function trial(id: number, value: number | null): StudyTrial {
  return {
    id, params: { learningRate: 0.01 * id, units: id }, state: 'complete', value, durationMs: 10, epochs: [],
    maxEpochs: 5, startedAtMs: id * 10, endedAtMs: id * 10 + 5,
  };
}

const trials = extremes.map((value, index) => trial(index + 1, value));

/** Every number-bearing attribute of the markup that is not a finite number. */
function badNumbers(markup: string): string[] {
  const attributes = markup.match(/\s(d|cx|cy|r|x|y|x1|x2|y1|y2|width|height|transform|points|fill|stroke)="[^"]*"/g) ?? [];
  return attributes.filter((attribute) => /NaN|Infinity|undefined|null/.test(attribute));
}

describe('charts with values of ±1e308', () => {
  it('SearchHistory draws the best-so-far line and every dot with finite coordinates', () => {
    const { body } = render(SearchHistory, { props: { series: [{ name: 'study', color: '#000', trials }] } });
    expect(body).toContain('data-testid="best-so-far"');
    expect(badNumbers(body)).toEqual([]);
    expect(/data-testid="best-so-far"/.test(body) && /\sd="M/.test(body)).toBe(true);
  });

  it('SearchHistory draws finite coordinates against time, for one extreme value alone too', () => {
    for (const series of [trials, [trial(1, 1e308)], [trial(1, -1e308), trial(2, 1e308)]]) {
      const { body } = render(SearchHistory, { props: { series: [{ name: 's', color: '#000', trials: series }], against: 'time' } });
      expect(badNumbers(body)).toEqual([]);
    }
  });

  it('ParallelCoordinates draws every trial line with finite coordinates', () => {
    const { body } = render(ParallelCoordinates, { props: { space, trials } });
    expect(badNumbers(body)).toEqual([]);
  });

  it('LearningCurves draws losses of 1e308 with finite coordinates, on linear and log axes', () => {
    const epochs: EpochRecord[] = [
      { epoch: 1, trainLoss: 1e308, validationLoss: Number.MAX_VALUE },
      { epoch: 2, trainLoss: 1, validationLoss: 5e-324 },
      { epoch: 3, trainLoss: 0.5, validationLoss: 0.4 },
    ];
    for (const logScale of [false, true]) {
      const { body } = render(LearningCurves, { props: { epochs, plannedEpochs: 5, logScale } });
      expect(badNumbers(body)).toEqual([]);
    }
  });
});
