import { describe, expect, it } from 'vitest';
import { winnersCurse } from '../../../src/lib/analysis/winnersCurse';
import type { Params } from '../../../src/lib/core/space';

/** True quality of each configuration; the search's scores add luck to it. */
const quality: Record<string, number> = { a: 0.12, b: 0.1, c: 0.11 };
const candidates = [
  { id: 3, params: { name: 'c' }, value: 0.1 },
  { id: 1, params: { name: 'a' }, value: 0.05 }, // the search's best, by luck
  { id: 2, params: { name: 'b' }, value: 0.09 },
];
/** A fake retraining: the true quality plus a small noise that depends only on the seed. */
const fakeRetrain = async (params: Params, seed: number) => quality[params.name as string] + ((seed % 7) - 3) * 0.001;

describe('winnersCurse', () => {
  it('retrains every configuration on the same fresh seeds and shows the lucky winner regressing', async () => {
    const calls: [string, number][] = [];
    const result = await winnersCurse(candidates, async (params, seed) => {
      calls.push([params.name as string, seed]);
      return fakeRetrain(params, seed);
    }, { seeds: 4, seed: 1 });
    expect(result.complete).toBe(true);
    expect(result.seeds).toHaveLength(4);
    expect(new Set(result.seeds).size).toBe(4);
    // One seed at a time across the configurations, best of the search first.
    expect(calls.slice(0, 3)).toEqual([['a', result.seeds[0]], ['b', result.seeds[0]], ['c', result.seeds[0]]]);
    expect(calls).toHaveLength(12);
    const [winner, second, third] = result.candidates;
    expect([winner.id, second.id, third.id]).toEqual([1, 2, 3]);
    expect(winner.searchRank).toBe(1);
    const noise = result.seeds.map((seed) => ((seed % 7) - 3) * 0.001);
    const meanNoise = noise.reduce((sum, value) => sum + value, 0) / 4;
    expect(winner.mean).toBeCloseTo(0.12 + meanNoise, 12);
    expect(winner.regression).toBeCloseTo(0.07 + meanNoise, 12);
    expect(winner.std).toBeCloseTo(Math.sqrt(noise.reduce((sum, value) => sum + (value - meanNoise) ** 2, 0) / 3), 12);
    expect(result.candidates.map((candidate) => candidate.freshRank)).toEqual([3, 1, 2]);
    expect(result.winnerRegression).toBeGreaterThan(result.othersRegression);
    expect(result.message).toContain("The search's best (trial 1, 0.05)");
    expect(result.message).toContain('ranks 3rd of 3; trial 2 is best there');
  });

  it('counts a failed or diverged retraining as NaN and summarises the rest', async () => {
    let call = 0;
    const result = await winnersCurse(candidates.slice(2), async (params, seed) => {
      call++;
      if (call === 1) throw new Error('out of memory');
      if (call === 2) return Infinity;
      return fakeRetrain(params, seed);
    }, { seeds: 3, seed: 2 });
    const [only] = result.candidates;
    expect(only.values.slice(0, 2)).toEqual([Number.NaN, Number.NaN]);
    expect(only.mean).toBeCloseTo(quality.b + ((result.seeds[2] % 7) - 3) * 0.001, 12);
    expect(only.std).toBe(0);
    expect(result.othersRegression).toBeNaN();
    expect(result.message).toContain('on 3 fresh seeds');
  });

  it('stops when aborted, reports progress, and says the result is incomplete', async () => {
    const controller = new AbortController();
    const progress: number[] = [];
    const result = await winnersCurse(candidates, fakeRetrain, {
      seeds: 5,
      seed: 3,
      signal: controller.signal,
      onProgress: (done, total) => {
        progress.push(done);
        expect(total).toBe(15);
        if (done === 4) controller.abort();
      },
    });
    expect(progress).toEqual([1, 2, 3, 4]);
    expect(result.complete).toBe(false);
    expect(result.candidates.map((candidate) => candidate.values.length)).toEqual([2, 1, 1]);
  });

  it('gives the same fresh seeds for the same seed, and a clear message with nothing to retrain', async () => {
    const first = await winnersCurse(candidates, fakeRetrain, { seeds: 3, seed: 9 });
    const again = await winnersCurse(candidates, fakeRetrain, { seeds: 3, seed: 9 });
    expect(again.seeds).toEqual(first.seeds);
    const empty = await winnersCurse([], fakeRetrain, { seeds: 3, seed: 9 });
    expect(empty.message).toBe('There were no configurations to train again.');
  });
});
