import { describe, expect, it } from 'vitest';
import type { Dimension } from '../../../src/lib/core/space';
import { createStrategy } from '../../../src/lib/search';

const square: Dimension[] = [
  { name: 'x', type: 'real', low: 0, high: 1 },
  { name: 'y', type: 'real', low: 0, high: 1 },
];

describe('sobol search', () => {
  it('proposes, unscrambled, the Sobol points themselves', () => {
    const strategy = createStrategy('sobol', square, { seed: 1, budget: 4, scramble: false });
    expect([1, 2, 3, 4].map(() => strategy.ask())).toEqual([
      { x: 0, y: 0 },
      { x: 0.5, y: 0.5 },
      { x: 0.75, y: 0.25 },
      { x: 0.25, y: 0.75 },
    ]);
    expect(strategy.ask()).toBeNull();
  });

  it('puts one of 16 proposals in each 4 × 4 cell of the square', () => {
    const strategy = createStrategy('sobol', square, { seed: 3, budget: 16 });
    const cells = new Set(Array.from({ length: 16 }, () => {
      const params = strategy.ask()!;
      return `${Math.floor((params.x as number) * 4)},${Math.floor((params.y as number) * 4)}`;
    }));
    expect(cells.size).toBe(16);
  });

  it('throws on a space with more dimensions than its direction numbers cover', () => {
    const wide: Dimension[] = Array.from({ length: 22 }, (_, k) => ({ name: `x${k}`, type: 'real', low: 0, high: 1 }));
    expect(() => createStrategy('sobol', wide, { seed: 1, budget: 4 })).toThrow('at most 21 dimensions');
  });
});
