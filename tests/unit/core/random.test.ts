import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../src/lib/core/random';

const take = (seed: number, count: number) => {
  const random = createRandom(seed);
  return Array.from({ length: count }, () => random.next());
};

describe('createRandom', () => {
  it('createRandom(seed) gives the same stream for the same seed', () => {
    expect(take(7, 50)).toEqual(take(7, 50));
  });

  it('createRandom(seed) gives different streams for neighbouring seeds', () => {
    const first = take(1, 20);
    const second = take(2, 20);
    expect(first.filter((value, i) => value === second[i])).toHaveLength(0);
  });

  it('next() stays in [0, 1) and is roughly uniform', () => {
    const values = take(3, 20_000);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
    expect(mean).toBeCloseTo(0.5, 1);
    const lowQuarter = values.filter((value) => value < 0.25).length / values.length;
    expect(lowQuarter).toBeGreaterThan(0.23);
    expect(lowQuarter).toBeLessThan(0.27);
  });

  it('normal() has mean about 0 and standard deviation about 1', () => {
    const random = createRandom(11);
    const values = Array.from({ length: 20_000 }, () => random.normal());
    const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
    const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / values.length;
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.sqrt(variance)).toBeCloseTo(1, 1);
  });

  it('int(n) covers 0..n-1 and nothing else', () => {
    const random = createRandom(5);
    const seen = new Set(Array.from({ length: 1000 }, () => random.int(6)));
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('shuffle() permutes in place, deterministically per seed', () => {
    const shuffled = createRandom(9).shuffle([1, 2, 3, 4, 5, 6, 7, 8]);
    expect([...shuffled].sort()).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(createRandom(9).shuffle([1, 2, 3, 4, 5, 6, 7, 8])).toEqual(shuffled);
  });

  it('fork(label) is deterministic and independent of the parent stream position', () => {
    const parent = createRandom(4);
    const before = parent.fork('weights').next();
    parent.next();
    expect(parent.fork('weights').next()).toBe(before);
    expect(parent.fork('order').next()).not.toBe(before);
  });
});
