import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import ErrorMessage from '../../../src/lib/panels/ErrorMessage.svelte';

describe('ErrorMessage', () => {
  it('shows a short message whole, with no disclosure', () => {
    const { body } = render(ErrorMessage, { props: { message: 'The CSV has no rows.', testId: 'error-message' } });
    expect(body).toContain('data-testid="error-message"');
    expect(body).toContain('The CSV has no rows.');
    expect(body).not.toContain('<details');
  });

  it('shows a few hundred characters of a three-megabyte message and puts a bounded rest in a details element', () => {
    const message = `This file is not a study this app can open: ${'[0]'.repeat(1_000_000)}`;
    const { body } = render(ErrorMessage, { props: { message } });
    const head = /data-testid="error-head">([^<]*)</.exec(body)?.[1] ?? '';
    expect(head.length).toBeGreaterThan(100);
    expect(head.length).toBeLessThanOrEqual(301);
    expect(body).toMatch(/<details[^>]*><summary>Show the whole message<\/summary>/);
    expect(body.length).toBeLessThan(12_000);
  });
});
