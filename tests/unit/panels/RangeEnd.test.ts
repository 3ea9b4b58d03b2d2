import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import RangeEnd from '../../../src/lib/panels/RangeEnd.svelte';

const shown = (value: number) => /value="([^"]*)"/.exec(render(RangeEnd, { props: { value, label: 'l2 from', onvalue: () => {} } }).body)?.[1];

describe('RangeEnd', () => {
  it('shows a small range end in the short exponent form, so a narrow box does not cut it to 0.0000', () => {
    expect(shown(1e-5)).toBe('1e-5');
    expect(shown(0.0001)).toBe('1e-4');
  });

  it('shows everyday ends as written and integers as integers', () => {
    expect(shown(0.4)).toBe('0.4');
    expect(shown(0.006)).toBe('0.006');
    expect(shown(256)).toBe('256');
    expect(shown(0.123456)).toBe('0.123456');
  });

  it('leaves the box empty when the end is not a number, and names it for assistive technology', () => {
    expect(shown(Number.NaN)).toBe('');
    expect(render(RangeEnd, { props: { value: 1, label: 'l2 from', onvalue: () => {} } }).body).toContain('aria-label="l2 from"');
  });
});
