import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import CurveGrid from '../../../src/lib/charts/CurveGrid.svelte';
import SearchHistory from '../../../src/lib/charts/SearchHistory.svelte';
import ParallelCoordinates from '../../../src/lib/charts/ParallelCoordinates.svelte';
import type { EpochRecord, StudyTrial } from '../../../src/lib/core/trial';
import type { Dimension } from '../../../src/lib/core/space';

const flat = (epochs: number): EpochRecord[] => Array.from({ length: epochs }, (_, i) => ({ epoch: i + 1, trainLoss: 0.69 - 0.001 * i, validationLoss: 0.69 - 0.001 * i }));
const trial = (id: number, state: StudyTrial['state'], value: number | null, epochs: number, params: StudyTrial['params'] = {}): StudyTrial => ({
  id, params, state, value, durationMs: 100, epochs: flat(epochs), maxEpochs: 9, startedAtMs: 0, endedAtMs: id,
});

describe('chart legends and labels, rendered', () => {
  it('labels a pruned trial "pruned at epoch n", not with a curve diagnosis', () => {
    const { body } = render(CurveGrid, { props: { trials: [{ ...trial(1, 'pruned', 0.69, 3), diagnosis: 'not converged' }, trial(2, 'complete', 0.5, 9)], baselineLoss: 0.693 } });
    expect(body).toContain('pruned at epoch 3');
    expect(body).not.toMatch(/>not converged</);
  });

  it('gives the history whole-number trial ticks and a legend of its marks', () => {
    const { body } = render(SearchHistory, { props: { series: [{ name: 'random', color: '#2f6fb0', trials: [trial(1, 'complete', 0.6, 2), trial(2, 'complete', 0.5, 2), trial(3, 'pruned', 0.7, 1)] }] } });
    const ticks = [...body.matchAll(/<text y="15" text-anchor="middle">([^<]*)<\/text>/g)].map((match) => match[1]);
    expect(ticks.length).toBeGreaterThan(1);
    for (const tick of ticks) expect(tick).toMatch(/^\d+$/);
    expect(body).toContain('data-legend="search-history"');
    expect(body).toContain('best so far');
    expect(body).toContain('pruned (faded)');
  });

  it('writes the values on every parallel-coordinate axis, integers as integers', () => {
    const space: Dimension[] = [
      { name: 'hiddenLayers', type: 'int', low: 0, high: 3 },
      { name: 'activation', type: 'choice', values: ['relu', 'tanh'] },
    ];
    const trials = [trial(1, 'complete', 0.6, 2, { hiddenLayers: 0, activation: 'relu' }), trial(2, 'complete', 0.4, 2, { hiddenLayers: 3, activation: 'tanh' })];
    const { body } = render(ParallelCoordinates, { props: { space, trials } });
    const values = [...body.matchAll(/<text x="4" dy="0.32em"[^>]*>([^<]*)<\/text>/g)].map((match) => match[1]);
    for (const value of ['0', '1', '2', '3', 'relu', 'tanh']) expect(values).toContain(value);
    expect(body).not.toMatch(/e\+0|0\.00e/);
    expect(body).toContain('data-legend="parallel-coordinates"');
  });
});
