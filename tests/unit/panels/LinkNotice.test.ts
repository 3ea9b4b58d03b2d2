import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import LinkNotice from '../../../src/lib/panels/LinkNotice.svelte';

describe('LinkNotice', () => {
  it('lists at most twenty notices of 100,000 and one line counting the rest', () => {
    const notices = Array.from({ length: 100_000 }, (_, index) => `Unknown setting “k${index}” in the link is ignored.`);
    const { body } = render(LinkNotice, { props: { notices, ondismiss: () => undefined } });
    expect(body.match(/<li/g)).toHaveLength(21);
    expect(body).toContain('…and 99,980 more.');
  });
});
