import { describe, expect, it } from 'vitest';
import { rowHeight, visibleRows } from '../../../src/lib/panels/virtualRows';

describe('TrialTable visibleRows', () => {
  it('renders only the rows in view and a few around them, however many trials there are', () => {
    expect(visibleRows(0, 320, 200_000, 8)).toEqual({ first: 0, last: Math.ceil(320 / rowHeight) + 8 });
    const middle = visibleRows(100_000 * rowHeight, 320, 200_000, 8);
    expect(middle.first).toBe(100_000 - 8);
    expect(middle.last - middle.first).toBeLessThan(40);
    expect(visibleRows(1e9, 320, 50, 8)).toEqual({ first: 50, last: 50 });
    expect(visibleRows(0, 320, 3, 8)).toEqual({ first: 0, last: 3 });
  });
});
