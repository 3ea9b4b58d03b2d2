import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import EdfChart from '../../../src/lib/charts/EdfChart.svelte';

/** The labels of the bottom (objective) axis: the texts of the first axis group. */
function objectiveTicks(markup: string): string[] {
  const axis = markup.split('class="axis')[1] ?? '';
  return [...axis.matchAll(/<text y="15"[^>]*>([^<]*)</g)].map((match) => match[1]);
}

describe('EdfChart', () => {
  it('with a single trial, labels the objective axis with several short ticks around its value, never the raw number', () => {
    const { body } = render(EdfChart, { props: { distributions: [{ group: 'random', count: 1, steps: [{ value: 0.698207, share: 1 }], color: '#4e79a7' }] } });
    const ticks = objectiveTicks(body);
    expect(ticks.length).toBeGreaterThan(2);
    expect(ticks).not.toContain('0.698207');
    for (const tick of ticks) expect(tick).toMatch(/^\d(\.\d{1,3})?$/);
  });
});
