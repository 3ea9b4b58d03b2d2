import { describe, expect, it } from 'vitest';
import { ranks } from '../../../src/lib/analysis/rank';

describe('ranks', () => {
  it('ranks lower values first, ties sharing their best rank, diverged values last', () => {
    expect(ranks([0.3, 0.1, 0.3, Infinity, 0.2, Number.NaN])).toEqual([3, 1, 3, 5, 2, 5]);
    expect(ranks([])).toEqual([]);
  });
});
