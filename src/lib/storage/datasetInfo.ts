import { datasetNames, type DatasetName } from '../core/settings';
import type { Dataset, Split } from '../datasets/dataset';
import type { StudyDataset } from './studySchema';

/** How a study's data was made, for its export: name, size, noise, seed, split fractions, and a CSV file's columns left out. */
export function datasetInfoOf(dataset: Dataset, split: Split, generator: { noise: number; seed: number; ignoredColumns?: readonly string[] }): StudyDataset {
  const total = split.train.length + split.validation.length + split.test.length || 1;
  const known = (datasetNames as readonly string[]).includes(dataset.name);
  const name = (known ? dataset.name : 'csv') as DatasetName;
  const generated = !['csv', 'drawn', 'digits', 'iris'].includes(name);
  const round = (fraction: number) => Math.round(fraction * 1e6) / 1e6;
  const train = round(split.train.length / total);
  const validation = round(split.validation.length / total);
  return {
    name,
    samples: dataset.size,
    noise: generated ? generator.noise : 0,
    split: { train, validation, test: round(1 - train - validation) },
    ...(generated ? { seed: generator.seed } : {}),
    ...(dataset.classCount > 0 ? { classes: dataset.classCount } : {}),
    ...(name === 'csv' && generator.ignoredColumns?.length ? { ignoredColumns: Array.from(generator.ignoredColumns) } : {}),
  };
}
