/**
 * The CSV part of the playground state: leaving columns out, and which file the controls and the
 * data in use belong to after a new file fails to build.
 */
import { describe, expect, it } from 'vitest';
import { Playground } from '../../../src/lib/state/playground.svelte';
import { PageSettings } from '../../../src/lib/state/pageSettings.svelte';
import { decodeSettings } from '../../../src/lib/core/urlState';
import { datasetInfoOf } from '../../../src/lib/storage/datasetInfo';
import type { Trainer } from '../../../src/lib/state/trainer.svelte';

function csvFile(name: string, text: string): File {
  return new File([text], name, { type: 'text/csv' });
}

const people = 'id,height,weight,kind\n' + Array.from({ length: 40 }, (_, i) => `p${i},${150 + i},${50 + (i % 7)},${i % 2 ? 'tall' : 'short'}`).join('\n');
const colours = 'size,colour,label\n1,red,a\n2,blue,b\n3,red,a\n4,blue,b\n';

async function playgroundWith(file: File): Promise<Playground> {
  const playground = new Playground({} as Trainer, new PageSettings());
  playground.choose('csv');
  await playground.uploadCsv(file);
  return playground;
}

describe('Playground CSV columns', () => {
  it('a column that is not numeric can be left out, and the dataset then builds without it', async () => {
    const playground = await playgroundWith(csvFile('people.csv', people));
    expect(playground.errorMessage).toContain('Feature column "id" is not numeric');
    expect(playground.csvDataset).toBeNull();
    playground.setCsvColumnIgnored('id', true);
    expect(playground.errorMessage).toBe('');
    expect(playground.csvDataset?.featureNames).toEqual(['height', 'weight']);
    playground.setCsvColumnIgnored('weight', true);
    expect(playground.csvDataset?.featureNames).toEqual(['height']);
    playground.setCsvColumnIgnored('weight', false);
    expect(playground.csvDataset?.featureNames).toEqual(['height', 'weight']);
  });

  it('a new file that fails to build is not the file in use, and the columns left out of the old file that it lacks are not left out of it', async () => {
    const playground = await playgroundWith(csvFile('people.csv', people));
    playground.setCsvColumnIgnored('id', true);
    const inUse = playground.csvUpload;
    expect(playground.csvBuiltFrom).toBe(inUse);
    await playground.uploadCsv(csvFile('colours.csv', colours));
    expect(playground.errorMessage).toContain('"colour" is not numeric');
    expect(playground.csvIgnored).toEqual([]);
    expect(playground.csvUpload?.fileName).toBe('colours.csv');
    expect(playground.csvBuiltFrom).toBe(inUse);
    expect(playground.csvDataset?.name).toBe('people');
    playground.setCsvColumnIgnored('colour', true);
    expect(playground.csvBuiltFrom).toBe(playground.csvUpload);
    expect(playground.csvDataset?.name).toBe('colours');
    expect(playground.csvDataset?.featureNames).toEqual(['size']);
  });

  it('keeps the columns left out in the page settings, so the link carries them and a reloaded page leaves them out of the same file again', async () => {
    const playground = await playgroundWith(csvFile('people.csv', people));
    playground.setCsvColumnIgnored('id', true);
    playground.setCsvColumnIgnored('weight', true);
    expect(playground.page.link).toContain('csvIgnored=');
    // A reload: a fresh page opens the link, then the person picks the same file again.
    const page = new PageSettings();
    page.apply(decodeSettings(playground.page.link).settings);
    const reloaded = new Playground({} as Trainer, page);
    reloaded.choose('csv');
    await reloaded.uploadCsv(csvFile('people.csv', people));
    expect(reloaded.errorMessage).toBe('');
    expect(reloaded.csvIgnored).toEqual(['id', 'weight']);
    expect(reloaded.csvDataset?.featureNames).toEqual(['height']);
  });

  it('records the columns left out in the dataset of the study it exports', async () => {
    const playground = await playgroundWith(csvFile('people.csv', people));
    playground.setCsvColumnIgnored('id', true);
    const info = datasetInfoOf(playground.dataset, playground.split, { noise: 0, seed: 1, ignoredColumns: playground.csvIgnored });
    expect(info.ignoredColumns).toEqual(['id']);
    expect(datasetInfoOf(playground.dataset, playground.split, { noise: 0, seed: 1 }).ignoredColumns).toBeUndefined();
  });
});
