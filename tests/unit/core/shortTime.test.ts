import { describe, expect, it } from 'vitest';
import { shortTime } from '../../../src/lib/core/shortTime';

describe('shortTime', () => {
  it('writes day, month and time as en-GB toLocaleString does, every month and around midnight', () => {
    const options = { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' } as const;
    for (let month = 0; month < 12; month++) {
      for (const [day, hour, minute] of [[1, 0, 0], [9, 7, 5], [28, 23, 59], [15, 12, 30]]) {
        const time = new Date(2026, month, day, hour, minute).getTime();
        expect(shortTime(time)).toBe(new Date(time).toLocaleString('en-GB', options));
      }
    }
  });
});
