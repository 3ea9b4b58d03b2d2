import { describe, expect, it } from 'vitest';
import { BayesianSearch, type BayesianOptions } from '../../../src/lib/search/bayesian';
import { replaySearch, toldValue, type ReplayTrial } from '../../../src/lib/search/replayModel';
import type { Dimension, Params } from '../../../src/lib/core/space';

const space: Dimension[] = [
  { name: 'learningRate', type: 'log', low: 1e-3, high: 1 },
  { name: 'units', type: 'int', low: 2, high: 32 },
];
/** A smooth made-up loss with its minimum near learning rate 0.03 and 16 units. */
const loss = (params: Params) => (Math.log10(params.learningRate as number) + 1.5) ** 2 + ((params.units as number) - 16) ** 2 / 200 + 0.3;

/** A sequential live search (ask, tell) for `steps` trials; the trials and the explanation of each proposal. */
function live(options: BayesianOptions, steps: number): { search: BayesianSearch; trials: ReplayTrial[]; explanations: ReturnType<BayesianSearch['explainProposal']>[] } {
  const search = new BayesianSearch(space, options);
  const trials: ReplayTrial[] = [];
  const explanations = [];
  for (let i = 0; i < steps; i++) {
    const params = search.ask();
    if (!params) break;
    explanations.push(search.explainProposal());
    const value = loss(params);
    search.tell(params, value);
    trials.push({ params, state: 'complete', value, endedAtMs: i * 100 });
  }
  return { search, trials, explanations };
}

describe('replaySearch', () => {
  const options: BayesianOptions = { seed: 11, budget: 14 };

  it.each([5, 7, 9, 12])('after %i results draws the underlay the live search had then', (n) => {
    const { search } = live(options, n);
    const { trials } = live(options, 14);
    const replayed = replaySearch(space, options, trials.slice(0, n));
    const request = { dimensions: ['learningRate', 'units'], resolution: 8 };
    const expected = search.posteriorSlice(request);
    const actual = replayed.slice(request);
    expect(expected).not.toBeNull();
    expect(actual).not.toBeNull();
    for (let i = 0; i < expected!.mean.length; i++) {
      expect(actual!.mean[i]).toBeCloseTo(expected!.mean[i], 6);
      expect(actual!.std[i]).toBeCloseTo(expected!.std[i], 6);
      expect(actual!.acquisition[i]).toBeCloseTo(expected!.acquisition[i], 6);
    }
  });

  it('changes its underlay from one step to the next', () => {
    const { trials } = live(options, 10);
    const request = { dimensions: ['learningRate'], resolution: 20 };
    const before = replaySearch(space, options, trials.slice(0, 7)).slice(request)!;
    const after = replaySearch(space, options, trials.slice(0, 8)).slice(request)!;
    expect(Array.from(before.mean)).not.toEqual(Array.from(after.mean));
  });

  it('explains the next trial with the figures the live search gave when it chose it', () => {
    const { trials, explanations } = live(options, 12);
    for (let n = 5; n < 11; n++) {
      const replayed = replaySearch(space, options, trials.slice(0, n));
      const explanation = replayed.explainAt(trials[n].params);
      const then = explanations[n]!;
      expect(explanation.phase).toBe(then.phase);
      if (then.phase === 'acquisition') {
        expect(explanation.mean!).toBeCloseTo(then.mean!, 6);
        expect(explanation.std!).toBeCloseTo(then.std!, 6);
        expect(explanation.acquisition!).toBeCloseTo(then.acquisition!, 8);
      }
    }
  });

  it('calls the first trials the initial design and reports the best it was told', () => {
    const { trials } = live(options, 6);
    const replayed = replaySearch(space, options, trials.slice(0, 3));
    expect(replayed.explainAt(trials[3].params).phase).toBe('initial design');
    expect(replayed.results).toBe(3);
    expect(replayed.best).toBe(Math.min(trials[0].value!, trials[1].value!, trials[2].value!));
  });

  it('tells results in the order they ended, leaving running trials out', () => {
    const { trials } = live(options, 8);
    const shuffled = [...trials.slice(0, 6)].reverse();
    const withRunning = [...shuffled, { ...trials[6], state: 'running' as const, value: null }];
    const request = { dimensions: ['units'], resolution: 10 };
    expect(Array.from(replaySearch(space, options, withRunning).slice(request)!.mean)).toEqual(Array.from(replaySearch(space, options, trials.slice(0, 6)).slice(request)!.mean));
    expect(replaySearch(space, options, withRunning).results).toBe(6);
  });

  it('tells failed and diverged trials as failures, pruned ones with their value', () => {
    expect(toldValue({ state: 'diverged', value: 3 })).toBeNull();
    expect(toldValue({ state: 'pruned', value: 0.4 })).toBe(0.4);
  });
});
