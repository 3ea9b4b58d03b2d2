import { describe, expect, it } from 'vitest';
import { capNotices, maxShownNotices, messageHeadCharacters, messageRestCharacters, splitMessage } from '../../../src/lib/core/messageLimits';
import { decodeSettings } from '../../../src/lib/core/urlState';

describe('messageLimits', () => {
  it('capNotices keeps the first twenty notices and counts the rest', () => {
    const notices = Array.from({ length: 100_000 }, (_, index) => `notice ${index}`);
    const { shown, more } = capNotices(notices);
    expect(shown).toHaveLength(maxShownNotices);
    expect(shown[0]).toBe('notice 0');
    expect(more).toBe(100_000 - maxShownNotices);
    expect(capNotices(['a', 'b'])).toEqual({ shown: ['a', 'b'], more: 0 });
  });

  it('splitMessage leaves a short message whole', () => {
    expect(splitMessage('The CSV has no rows.')).toEqual({ head: 'The CSV has no rows.', rest: '' });
  });

  it('splitMessage cuts a long message at a space near a few hundred characters and keeps the rest for a disclosure', () => {
    const message = `${'word '.repeat(100)}end`;
    const { head, rest } = splitMessage(message);
    expect(head.length).toBeLessThanOrEqual(messageHeadCharacters + 1);
    expect(head.endsWith('…')).toBe(true);
    expect(`${head.slice(0, -1)} ${rest}`.replace(/\s+/g, ' ')).toBe(message);
  });

  it('splitMessage bounds a three-megabyte message and says how much it left out', () => {
    const { head, rest } = splitMessage('x'.repeat(3_000_000));
    expect(head.length).toBe(messageHeadCharacters + 1);
    expect(rest.length).toBeLessThan(messageRestCharacters + 100);
    expect(rest).toContain('2,989,700 more characters not shown');
  });
});

describe('decodeSettings on a link with 100,000 unknown keys', () => {
  it('writes at most ten notices about single keys and one line counting the rest', () => {
    const link = `#${Array.from({ length: 100_000 }, (_, index) => `unknown${index}=1`).join('&')}&units=64`;
    const { settings, notices } = decodeSettings(link);
    expect(settings.units).toBe(64);
    expect(notices.length).toBeLessThanOrEqual(maxShownNotices);
    expect(notices[0]).toContain('unknown0');
    expect(notices).toContain('…and 99,990 more unknown or repeated parts of the link are ignored.');
  });
});
