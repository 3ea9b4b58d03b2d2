/**
 * Choosing the target column of an uploaded CSV: a text column after a numeric one that was read
 * as a regression target becomes the classes, instead of an error the page offers no way out of.
 */
import { describe, expect, it } from 'vitest';
import { Playground } from '../../../src/lib/state/playground.svelte';
import { PageSettings } from '../../../src/lib/state/pageSettings.svelte';
import type { Trainer } from '../../../src/lib/state/trainer.svelte';

const boxes = 'width,height,kind,price\n' + Array.from({ length: 40 }, (_, i) => `${i % 9},${i % 5},${i % 3 ? 'small' : 'large'},${(i * 1.37).toFixed(2)}`).join('\n');

describe('Playground CSV target', () => {
  it('a text target chosen after a numeric regression target is read as classes', async () => {
    const playground = new Playground({} as Trainer, new PageSettings());
    playground.choose('csv');
    await playground.uploadCsv(new File([boxes], 'boxes.csv', { type: 'text/csv' }));
    // The last column, numeric with 40 distinct values, is read as a regression target.
    expect(playground.csvTask).toBe('regression');
    playground.setCsvColumnIgnored('kind', true);
    expect(playground.csvDataset?.task).toBe('regression');
    playground.csvTarget = 'kind';
    playground.setCsvColumnIgnored('price', true);
    expect(playground.errorMessage).toBe('');
    expect(playground.csvTask).toBe('classification');
    expect(playground.csvDataset?.classNames).toEqual(['large', 'small']);
  });
});
