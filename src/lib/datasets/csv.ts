import { csvFailure, type CsvResult } from './csvError';
import { csvLimits, looksLikeDecimalComma, looksNumeric, parseNumber, readCsvTable, type CsvReadOptions, type CsvTable } from './csvTable';
import type { Dataset, Task } from './dataset';
import { fitStandardizer, standardize, type Standardizer } from './standardize';

export { checkCsvFileSize, csvLimits, looksLikeDecimalComma, readCsvTable, type CsvColumn, type CsvReadOptions, type CsvTable } from './csvTable';
export type { CsvError, CsvErrorKind, CsvResult } from './csvError';

/** How to turn a CsvTable into a dataset. */
export interface CsvDatasetOptions {
  /** Name of the target column. */
  target: string;
  /** 'regression' keeps a numeric target as numbers; 'classification' (the default) makes its distinct values classes. */
  task?: Task;
  /** Columns to leave out of the features (an id column, say). */
  ignore?: readonly string[];
  /** Dataset name shown in the page ("upload" by default). */
  name?: string;
}

/** A dataset read from CSV, with what is needed to map raw feature values onto its z-scores. */
export interface CsvDataset {
  /** Features standardised per column; targets class indices or raw numbers. */
  dataset: Dataset;
  /** Means and standard deviations (raw units) the features were standardised with. */
  standardizer: Standardizer;
  /** Name of the target column. */
  targetColumn: string;
}

/** What to do about numbers written with a decimal comma. */
const decimalCommaHint = 'The app reads numbers with a decimal point: save the file with "." as the decimal separator (1.5, not 1,5).';

/** Orders class labels: by value when all are numbers, otherwise alphabetically with digits compared as numbers. */
function sortClassNames(names: string[]): string[] {
  if (names.every((name) => parseNumber(name) !== null)) {
    return names.sort((a, b) => (parseNumber(a) as number) - (parseNumber(b) as number));
  }
  return names.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

/**
 * Turns a CsvTable into a Dataset: every column but the target (and ignored ones) is a numeric,
 * standardised feature; the target becomes classes or, with task 'regression', stays a number.
 * Never throws: problems come back as CsvError (non-numeric feature named, single class, …).
 */
export function csvToDataset(table: CsvTable, options: CsvDatasetOptions): CsvResult<CsvDataset> {
  try {
    return buildDataset(table, options);
  } catch (error) {
    return csvFailure('unreadable', `The table could not be turned into a dataset (${error instanceof Error ? error.message : String(error)}).`);
  }
}

function buildDataset(table: CsvTable, options: CsvDatasetOptions): CsvResult<CsvDataset> {
  const { target, task = 'classification', ignore = [], name = 'upload' } = options;
  const targetIndex = table.columns.findIndex((column) => column.name === target);
  if (targetIndex < 0) return csvFailure('unknownTarget', `There is no column named "${target}" to use as the target.`, { column: target });
  const targetColumn = table.columns[targetIndex];
  const featureIndices = table.columns
    .map((_, index) => index)
    .filter((index) => index !== targetIndex && !ignore.includes(table.columns[index].name));
  if (featureIndices.length === 0) {
    return csvFailure('oneColumn', `Besides the target "${target}" there is no feature column left; the model needs at least one.`);
  }
  if (featureIndices.length > csvLimits.maxFeatures) {
    return csvFailure('tooManyFeatures', `There are ${featureIndices.length} feature columns; the limit is ${csvLimits.maxFeatures}. Leave some out.`);
  }
  for (const index of featureIndices) {
    const column = table.columns[index];
    if (column.missingLine !== null) {
      return csvFailure('missingValue', `Feature column "${column.name}" has an empty value on line ${column.missingLine}. Fill it in or remove the row.`, { column: column.name, lines: [column.missingLine] });
    }
    if (column.firstText !== null) {
      const { line, value } = column.firstText;
      const problem = looksNumeric(value)
        ? `line ${line} has ${value}, beyond the largest number the app handles (±3.4e38). Rescale the column.`
        : looksLikeDecimalComma(value)
          ? `line ${line} has "${value}", a number with a decimal comma. ${decimalCommaHint}`
          : `line ${line} has "${value}". Choose it as the target, leave it out, or turn it into numbers.`;
      return csvFailure('nonNumericFeature', `Feature column "${column.name}" is not numeric: ${problem}`, { column: column.name, lines: [line] });
    }
  }
  if (targetColumn.missingLine !== null) {
    return csvFailure('missingValue', `The target column "${target}" has an empty value on line ${targetColumn.missingLine}.`, { column: target, lines: [targetColumn.missingLine] });
  }

  const size = table.rows.length;
  const featureCount = featureIndices.length;
  const raw = new Float64Array(size * featureCount);
  table.rows.forEach((row, rowIndex) => {
    featureIndices.forEach((columnIndex, featureIndex) => {
      raw[rowIndex * featureCount + featureIndex] = parseNumber(row[columnIndex]) as number;
    });
  });
  const standardizer = fitStandardizer(raw, featureCount);
  const features = standardize(raw, standardizer);
  const featureNames = featureIndices.map((index) => table.columns[index].name);
  const targets = new Float32Array(size);
  let classNames: string[] = [];

  if (task === 'regression') {
    if (targetColumn.firstText !== null) {
      const { line, value } = targetColumn.firstText;
      const problem = looksNumeric(value) ? `line ${line} has ${value}, beyond ±3.4e38` : `line ${line} has "${value}"`;
      const hint = looksLikeDecimalComma(value) ? ` It looks like a decimal comma: ${decimalCommaHint}` : '';
      return csvFailure('nonNumericTarget', `The target column "${target}" is not numeric (${problem}), so it cannot be a regression target; use it as classes instead.${hint}`, { column: target, lines: [line] });
    }
    table.rows.forEach((row, rowIndex) => { targets[rowIndex] = parseNumber(row[targetIndex]) as number; });
  } else {
    // Numeric labels such as "1" and "1.0" are one class; text labels are compared as written.
    const key = (cell: string) => (targetColumn.numeric ? String(parseNumber(cell)) : cell);
    const labelOf = new Map<string, string>();
    for (const row of table.rows) {
      const labelKey = key(row[targetIndex]);
      if (!labelOf.has(labelKey)) labelOf.set(labelKey, row[targetIndex]);
      if (labelOf.size > csvLimits.maxClasses) break;
    }
    if (labelOf.size > csvLimits.maxClasses) {
      const hint = targetColumn.numeric ? ' If it is a quantity to predict, choose regression.' : '';
      return csvFailure('tooManyClasses', `The target column "${target}" has more than ${csvLimits.maxClasses} distinct values; as classes the limit is ${csvLimits.maxClasses}.${hint}`, { column: target });
    }
    if (labelOf.size < 2) {
      return csvFailure('singleClass', `The target column "${target}" has only one class ("${table.rows[0][targetIndex]}"); a classifier needs at least two.`, { column: target });
    }
    classNames = sortClassNames([...labelOf.values()]);
    const classIndex = new Map(classNames.map((label, index) => [key(label), index]));
    table.rows.forEach((row, rowIndex) => { targets[rowIndex] = classIndex.get(key(row[targetIndex])) as number; });
  }

  const dataset: Dataset = {
    name,
    task,
    size,
    featureCount,
    features,
    targets,
    classCount: classNames.length,
    featureNames,
    classNames,
  };
  return { ok: true, value: { dataset, standardizer, targetColumn: target } };
}

/** Reads CSV text and turns it into a dataset in one step; never throws (see readCsvTable and csvToDataset). */
export function parseCsv(text: string, options: CsvDatasetOptions & CsvReadOptions): CsvResult<CsvDataset> {
  const table = readCsvTable(text, options);
  return table.ok ? csvToDataset(table.value, options) : table;
}
