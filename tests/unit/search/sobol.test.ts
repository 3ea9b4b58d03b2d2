import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../src/lib/core/random';
import { centredDiscrepancy } from '../../../src/lib/search/discrepancy';
import { SobolSequence, sobolMaxDimensions } from '../../../src/lib/search/sobol';

const take = (sequence: SobolSequence, n: number) => Array.from({ length: n }, () => Array.from(sequence.next()));

/** Whether each of the 2^m elementary boxes of sizes 2^-a × 2^-(m−a) holds exactly one of the 2^m points (a (0, m, 2)-net). */
function isZeroNet(points: number[][], m: number, first: number, second: number): boolean {
  for (let a = 0; a <= m; a++) {
    const counts = new Map<string, number>();
    for (const point of points) {
      const key = `${Math.floor(point[first] * 2 ** a)},${Math.floor(point[second] * 2 ** (m - a))}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    if (counts.size !== 2 ** m) return false;
  }
  return true;
}

describe('SobolSequence', () => {
  it('starts with the published unscrambled points (as scipy.stats.qmc.Sobol(scramble=False) gives them)', () => {
    expect(take(new SobolSequence(3), 8)).toEqual([
      [0, 0, 0],
      [0.5, 0.5, 0.5],
      [0.75, 0.25, 0.25],
      [0.25, 0.75, 0.75],
      [0.375, 0.375, 0.625],
      [0.875, 0.875, 0.125],
      [0.625, 0.125, 0.875],
      [0.125, 0.625, 0.375],
    ]);
  });

  it('puts exactly one of the first 2^m points in every 1-D slice of width 2^-m, in all 21 dimensions', () => {
    const points = take(new SobolSequence(sobolMaxDimensions), 256);
    for (let k = 0; k < sobolMaxDimensions; k++) {
      expect(new Set(points.map((point) => Math.floor(point[k] * 256))).size).toBe(256);
    }
  });

  it('makes the first two dimensions a (0, m, 2)-net, unscrambled and scrambled', () => {
    expect(isZeroNet(take(new SobolSequence(2), 64), 6, 0, 1)).toBe(true);
    expect(isZeroNet(take(new SobolSequence(2, createRandom(5)), 64), 6, 0, 1)).toBe(true);
  });

  it('scrambles differently for each seed and the same for the same seed, keeping points in [0, 1)', () => {
    const first = take(new SobolSequence(5, createRandom(1)), 32);
    expect(take(new SobolSequence(5, createRandom(1)), 32)).toEqual(first);
    expect(take(new SobolSequence(5, createRandom(2)), 32)).not.toEqual(first);
    for (const point of first) for (const x of point) expect(x >= 0 && x < 1).toBe(true);
  });

  it('fills the cube more evenly than uniform random points, on average over seeds (centred L2 discrepancy)', () => {
    for (const [dimensions, n] of [[2, 64], [6, 100]]) {
      let sobol = 0;
      let random = 0;
      for (let seed = 1; seed <= 10; seed++) {
        sobol += centredDiscrepancy(take(new SobolSequence(dimensions, createRandom(seed)), n));
        const generator = createRandom(seed + 1000);
        random += centredDiscrepancy(Array.from({ length: n }, () => Array.from({ length: dimensions }, () => generator.next())));
      }
      expect(sobol).toBeLessThan(random / 2);
    }
  });

  it('throws outside 1 to 21 dimensions', () => {
    expect(() => new SobolSequence(0)).toThrow('invalid Sobol dimensions: 0');
    expect(() => new SobolSequence(22)).toThrow('invalid Sobol dimensions: 22');
  });
});
