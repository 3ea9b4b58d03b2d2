import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalColumnList, formatColumnList, maxListedColumns, parseColumnList } from '../../../src/lib/core/columnList';
import { defaultSettings, validateSetting } from '../../../src/lib/core/settings';
import { decodeSettings, encodeSettings } from '../../../src/lib/core/urlState';

const names = fc.uniqueArray(fc.string({ unit: 'binary', minLength: 1, maxLength: 100 }), { maxLength: 10 });

describe('column lists', () => {
  it('parseColumnList(formatColumnList(names)) gives back any distinct names, commas, quotes and brackets included', () => {
    fc.assert(
      fc.property(names, (list) => {
        const parsed = parseColumnList(formatColumnList(list));
        expect(parsed).toEqual({ ok: true, value: list });
      }),
      { seed: 15, numRuns: 300 },
    );
    expect(formatColumnList([])).toBe('');
    expect(formatColumnList(['id', 'id', 'a,b'])).toBe('["id","a,b"]');
  });

  it('refuses text that is not a list of names, with a notice, and too many names', () => {
    for (const text of ['id', '{"a":1}', '[1]', '[""]', '["a"', JSON.stringify(['x'.repeat(101)])]) expect(parseColumnList(text).ok).toBe(false);
    const many = Array.from({ length: maxListedColumns + 1 }, (_, i) => `c${i}`);
    expect(parseColumnList(JSON.stringify(many))).toMatchObject({ ok: false, notice: expect.stringContaining(`${maxListedColumns}`) });
    expect(canonicalColumnList(' ')).toEqual({ ok: true, value: '' });
  });

  it('survive a link: the csvIgnored setting encodes and decodes to the same names', () => {
    fc.assert(
      fc.property(names, (list) => {
        const settings = { ...defaultSettings(), dataset: 'csv' as const, csvIgnored: formatColumnList(list) };
        const decoded = decodeSettings(encodeSettings(settings));
        expect(decoded.notices).toEqual([]);
        expect(parseColumnList(decoded.settings.csvIgnored)).toEqual({ ok: true, value: list });
      }),
      { seed: 16, numRuns: 200 },
    );
  });

  it('a hand-edited link with a broken list keeps no columns left out and says why', () => {
    const decoded = decodeSettings('#dataset=csv&csvIgnored=%5B%22id%22');
    expect(decoded.settings.csvIgnored).toBe('');
    expect(decoded.notices.join(' ')).toMatch(/Columns left out/);
    expect(validateSetting('csvIgnored', '["id"]')).toEqual({ ok: true, value: '["id"]' });
  });
});
