import { describe, expect, it } from 'vitest';
import { nearestDot, type CanvasDot } from '../../../src/lib/charts/canvasDots';

describe('nearestDot', () => {
  it('finds the dot nearest the pointer within the radius among a million, without recursion', () => {
    const dots: CanvasDot[] = [];
    for (let id = 1; id <= 1_000_000; id++) dots.push({ id, x: id % 1000, y: Math.floor(id / 1000), color: '#2f6fb0', opacity: 0.8 });
    expect(nearestDot(dots, 10.2, 3.1)?.id).toBe(3010);
    expect(nearestDot([{ id: 1, x: 0, y: 0, color: '#000000', opacity: 1 }], 50, 50)).toBeNull();
  });
});
