import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import DecisionBoundary from '../../../src/lib/charts/DecisionBoundary.svelte';
import { maxDrawnPoints, sampleRows } from '../../../src/lib/charts/sampleRows';
import type { Dataset } from '../../../src/lib/datasets/dataset';

function uploadOf(size: number): Dataset {
  const features = new Float32Array(size * 2).map((_, i) => ((i * 7919) % 1000) / 500 - 1);
  const targets = new Float32Array(size).map((_, i) => i % 2);
  return { name: 'upload', task: 'classification', size, featureCount: 2, features, targets, classCount: 2, featureNames: ['a', 'b'], classNames: ['x', 'y'] };
}

describe('DecisionBoundary', () => {
  it('draws a 20,000-row upload as at most a few thousand circles, with a note saying how many', () => {
    const { body } = render(DecisionBoundary, { props: { dataset: uploadOf(20_000), extent: [-1, 1, -1, 1], boundary: null, resolution: 8 } });
    const circles = body.match(/<circle/g)?.length ?? 0;
    expect(circles).toBe(maxDrawnPoints);
    expect(body).toContain('Showing 2,000 of 20,000 points');
  });

  it('draws every point of a small dataset and no note', () => {
    const { body } = render(DecisionBoundary, { props: { dataset: uploadOf(300), extent: [-1, 1, -1, 1], boundary: null, resolution: 8 } });
    expect(body.match(/<circle/g)?.length).toBe(300);
    expect(body).not.toContain('data-testid="points-note"');
  });
});

describe('sampleRows', () => {
  it('keeps every row up to the cap and spreads the cap evenly over a larger table, first row included', () => {
    expect(sampleRows(5, 10)).toEqual([0, 1, 2, 3, 4]);
    const rows = sampleRows(20_000, 2000);
    expect(rows).toHaveLength(2000);
    expect(rows[0]).toBe(0);
    expect(rows[1]).toBe(10);
    expect(rows.at(-1)).toBe(19_990);
    expect(new Set(rows).size).toBe(2000);
  });
});
