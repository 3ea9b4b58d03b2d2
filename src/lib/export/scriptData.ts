/**
 * Which data the reproduce script carries for a study: its built-in generator's settings when
 * making them again gives exactly the study's points and validation rows, else the validation rows
 * themselves with the reason (uploaded, drawn or shipped data has no generator to run).
 */
import type { Dataset, Split } from '../datasets/dataset';
import { generateDataset } from '../datasets/index';
import type { SplitFractions } from '../datasets/split';
import { splitForTraining } from '../datasets/trainingSplit';
import type { StudyDataset } from '../storage/studySchema';
import { isScriptable, type GeneratedDataSource } from './datasetScript';
import type { ScriptData } from './reproduceScript';

const reasons: Record<string, string> = {
  csv: 'an uploaded CSV file has no generator to run, and the script does not read the file',
  drawn: 'points drawn by hand have no generator to run',
  digits: 'the digits are a data file shipped with the page, not generated',
  iris: 'the iris flowers are a data file shipped with the page, not generated',
};

function sameNumbers(a: Float32Array, b: Float32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

function sameRows(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((row, index) => row === b[index]);
}

/** The fractions the page may have split with: the recorded ones to 2 decimals (the form's steps), then as recorded. */
function candidateFractions(recorded: SplitFractions): SplitFractions[] {
  const round = (value: number) => Math.round(value * 100) / 100;
  const train = round(recorded.train);
  const validation = round(recorded.validation);
  return [{ train, validation, test: Math.round((1 - train - validation) * 1e6) / 1e6 }, recorded];
}

/** The generated source whose points and validation rows equal `dataset` and `split.validation`, or null. */
export function generatedSource(dataset: Dataset, split: Split, info: StudyDataset): GeneratedDataSource | null {
  if (!isScriptable(info.name) || info.seed === undefined) return null;
  const settings = { samples: info.samples, noise: info.noise, seed: info.seed, classes: info.classes };
  let made: Dataset;
  try {
    made = generateDataset(info.name, settings);
  } catch {
    return null;
  }
  if (!sameNumbers(made.features, dataset.features) || !sameNumbers(made.targets, dataset.targets)) return null;
  for (const fractions of candidateFractions(info.split)) {
    try {
      if (sameRows(splitForTraining(made, fractions, info.seed).split.validation, split.validation)) return { name: info.name, ...settings, fractions };
    } catch {
      // Fractions the split refuses cannot be the ones the page used.
    }
  }
  return null;
}

/** What the reproduce script carries for a study's data and split. */
export function scriptData(dataset: Dataset, split: Split, info: StudyDataset): ScriptData {
  const generated = generatedSource(dataset, split, info);
  if (generated) return { source: 'generated', generated };
  const rows = split.validation;
  return {
    source: 'rows',
    why: reasons[info.name] ?? 'the points could not be made again from their settings',
    features: rows.flatMap((row) => Array.from(dataset.features.subarray(row * dataset.featureCount, (row + 1) * dataset.featureCount))),
    targets: rows.map((row) => dataset.targets[row]),
  };
}
