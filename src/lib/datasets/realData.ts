import type { Dataset, Task } from './dataset';
import { fitStandardizer, standardize } from './standardize';

/** A dataset shipped with the app under public/data/, as the picker lists it. */
export interface RealDatasetInfo {
  /** Registry name, passed to loadRealDataset. */
  name: 'digits' | 'iris';
  /** Title shown in the dataset picker. */
  title: string;
  /** Classification for both shipped sets. */
  task: Task;
  /** One line about the data. */
  description: string;
  /** Path of the file relative to the page, e.g. "data/digits.json". */
  path: string;
  /** Number of rows, known before loading. */
  size: number;
  /** Number of feature columns. */
  featureCount: number;
  /** Number of classes. */
  classCount: number;
}

/** The shipped real datasets (sources and licences in docs/DATA.md). */
export const realDatasets: readonly RealDatasetInfo[] = [
  {
    name: 'digits', title: 'Handwritten digits (8×8)', task: 'classification',
    description: '1,797 small images of handwritten digits 0–9: 64 pixel features, 10 classes.',
    path: 'data/digits.json', size: 1797, featureCount: 64, classCount: 10,
  },
  {
    name: 'iris', title: 'Iris flowers', task: 'classification',
    description: "Fisher's 150 iris flowers: 4 measurements, 3 species.",
    path: 'data/iris.json', size: 150, featureCount: 4, classCount: 3,
  },
];

function damaged(name: string, reason: string, cause?: unknown): Error {
  return new Error(`The ${name} data file is damaged (${reason}); reload the page or reinstall the app.`, { cause });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * Decodes public/data/digits.json: features are pixel intensities scaled to [0, 1], row-major
 * 8×8 per image (shape [1797 * 64]); feature j is row floor(j / 8), column j mod 8; targets 0..9.
 */
export function decodeDigits(json: unknown): Dataset {
  if (!isRecord(json) || json.format !== 'tuning-playground/digits@1') throw damaged('digits', 'unknown format');
  const { size, width, height, maxValue, labels, pixels, classNames } = json;
  if (typeof size !== 'number' || typeof width !== 'number' || typeof height !== 'number' || typeof maxValue !== 'number'
    || typeof labels !== 'string' || typeof pixels !== 'string' || !Array.isArray(classNames)) {
    throw damaged('digits', 'missing fields');
  }
  const featureCount = width * height;
  if (labels.length !== size || pixels.length !== size * featureCount) throw damaged('digits', 'wrong lengths');
  const features = new Float32Array(size * featureCount);
  for (let index = 0; index < features.length; index++) {
    const value = parseInt(pixels[index], 17);
    if (Number.isNaN(value) || value > maxValue) throw damaged('digits', `bad pixel at ${index}`);
    features[index] = value / maxValue;
  }
  const targets = new Float32Array(size);
  for (let row = 0; row < size; row++) {
    const label = parseInt(labels[row], 10);
    if (Number.isNaN(label) || label >= classNames.length) throw damaged('digits', `bad label at row ${row}`);
    targets[row] = label;
  }
  return {
    name: 'digits',
    task: 'classification',
    size,
    featureCount,
    features,
    targets,
    classCount: classNames.length,
    featureNames: Array.from({ length: featureCount }, (_, j) => `pixel ${Math.floor(j / width) + 1},${(j % width) + 1}`),
    classNames: classNames.map(String),
  };
}

/**
 * Decodes public/data/iris.json into shape [150 * 4] features and targets 0..2. By default the
 * measurements (cm) are standardised per column, as uploads are; pass standardized false for raw cm.
 */
export function decodeIris(json: unknown, { standardized = true }: { standardized?: boolean } = {}): Dataset {
  if (!isRecord(json) || json.format !== 'tuning-playground/iris@1') throw damaged('iris', 'unknown format');
  const { size, featureNames, classNames, features, targets } = json;
  if (typeof size !== 'number' || !Array.isArray(featureNames) || !Array.isArray(classNames)
    || !Array.isArray(features) || !Array.isArray(targets)) {
    throw damaged('iris', 'missing fields');
  }
  const featureCount = featureNames.length;
  if (features.length !== size * featureCount || targets.length !== size) throw damaged('iris', 'wrong lengths');
  if (!features.every((value) => typeof value === 'number' && Number.isFinite(value))) throw damaged('iris', 'a measurement is not a number');
  if (!targets.every((value) => Number.isInteger(value) && value >= 0 && value < classNames.length)) throw damaged('iris', 'a class is out of range');
  const raw = Float32Array.from(features as number[]);
  return {
    name: 'iris',
    task: 'classification',
    size,
    featureCount,
    features: standardized ? standardize(raw, fitStandardizer(raw, featureCount)) : raw,
    targets: Float32Array.from(targets as number[]),
    classCount: classNames.length,
    featureNames: featureNames.map((name) => (standardized ? String(name).replace(/ \(cm\)$/, '') : String(name))),
    classNames: classNames.map(String),
  };
}

/** How loadRealDataset reaches the files; both default to the page's own. */
export interface RealDataLoadOptions {
  /** URL the data paths are resolved against (default: document.baseURI, so any sub-path works). */
  baseUrl?: string;
  /** The fetch to use (default: globalThis.fetch). */
  fetchFunction?: typeof fetch;
}

const decoders: Record<RealDatasetInfo['name'], (json: unknown) => Dataset> = {
  digits: decodeDigits,
  iris: (json) => decodeIris(json),
};

/**
 * Fetches and decodes a shipped dataset from the page's own origin (relative path, works offline
 * once cached). Throws `invalid dataset: ${name}` on an unknown name, and an Error with a sentence
 * for the page when the file cannot be fetched or is damaged.
 */
export async function loadRealDataset(name: string, options: RealDataLoadOptions = {}): Promise<Dataset> {
  const info = realDatasets.find((entry) => entry.name === name);
  if (!info) throw new Error(`invalid dataset: ${name}`);
  const baseUrl = options.baseUrl ?? globalThis.document?.baseURI;
  if (!baseUrl) throw new Error('loadRealDataset needs a baseUrl outside a page');
  const fetchFunction = options.fetchFunction ?? globalThis.fetch;
  let response: Response;
  try {
    response = await fetchFunction(new URL(info.path, baseUrl));
  } catch (error) {
    throw new Error(`Could not load the ${name} data (${error instanceof Error ? error.message : String(error)}); check the connection or reload.`, { cause: error });
  }
  if (!response.ok) throw new Error(`Could not load the ${name} data (HTTP ${response.status} for ${info.path}).`);
  let json: unknown;
  try {
    json = await response.json();
  } catch (error) {
    throw damaged(name, 'not JSON', error);
  }
  return decoders[info.name](json);
}
