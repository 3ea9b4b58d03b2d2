import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sharedTime } from '../../../src/lib/analysis/sharedTime';

describe('sharedTime', () => {
  it('splits each stretch of wall time equally among the intervals running in it', () => {
    // A: 0–10, B: 2–6, C: 4–8. Stretches: 0–2 A; 2–4 A,B; 4–6 A,B,C; 6–8 A,C; 8–10 A.
    const result = sharedTime([
      { startMs: 0, endMs: 10 },
      { startMs: 2, endMs: 6 },
      { startMs: 4, endMs: 8 },
    ]);
    expect(result.shareMs[0]).toBeCloseTo(2 + 1 + 2 / 3 + 1 + 2, 12);
    expect(result.shareMs[1]).toBeCloseTo(1 + 2 / 3, 12);
    expect(result.shareMs[2]).toBeCloseTo(2 / 3 + 1, 12);
    expect(result.busyMs).toBe(10);
    expect(result.spanMs).toBe(10);
    expect(result.mostAtOnce).toBe(3);
  });

  it('gives back-to-back intervals their whole length and leaves gaps out of the busy time', () => {
    const result = sharedTime([
      { startMs: 0, endMs: 3 },
      { startMs: 3, endMs: 5 },
      { startMs: 9, endMs: 10 },
    ]);
    expect(result.shareMs).toEqual([3, 2, 1]);
    expect(result.busyMs).toBe(6);
    expect(result.spanMs).toBe(10);
    expect(result.mostAtOnce).toBe(1);
  });

  it('gives identical intervals equal shares and ignores empty or reversed ones', () => {
    const result = sharedTime([
      { startMs: 1, endMs: 5 },
      { startMs: 1, endMs: 5 },
      { startMs: 2, endMs: 2 },
      { startMs: 4, endMs: 3 },
    ]);
    expect(result.shareMs).toEqual([2, 2, 0, 0]);
    expect(result.busyMs).toBe(4);
    expect(result.mostAtOnce).toBe(2);
    expect(sharedTime([])).toEqual({ shareMs: [], busyMs: 0, spanMs: 0, mostAtOnce: 0 });
  });

  it('has shares that add up to the busy time, never above the span, each at most its own length', () => {
    const interval = fc.tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 500 })).map(([start, length]) => ({ startMs: start, endMs: start + length }));
    fc.assert(
      fc.property(fc.array(interval, { maxLength: 30 }), (intervals) => {
        const result = sharedTime(intervals);
        const total = result.shareMs.reduce((sum, share) => sum + share, 0);
        expect(total).toBeCloseTo(result.busyMs, 6);
        expect(result.busyMs).toBeLessThanOrEqual(result.spanMs + 1e-9);
        intervals.forEach(({ startMs, endMs }, index) => expect(result.shareMs[index]).toBeLessThanOrEqual(Math.max(0, endMs - startMs) + 1e-9));
      }),
      { seed: 16 },
    );
  });
});
