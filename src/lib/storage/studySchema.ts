/**
 * The shape of a `tuning-playground/study@2` study, and a hand-written reader that checks an
 * untrusted JSON value field by field and builds the study afresh from what it checked; older
 * versions are migrated first (studyMigration.ts).
 */
import { backendOrder, type BackendName } from '../core/backendNames';
import { formatColumnList } from '../core/columnList';
import { migrateLegacyModel } from '../core/familySettings';
import { defaultModelSettings, type ModelSettings } from '../core/modelSettings';
import { datasetNames, objectiveMetrics, strategyNames, validateSetting, type DatasetName, type ObjectiveMetricName, type StrategyName } from '../core/settings';
import { validateSpace, type Condition, type Dimension, type Params } from '../core/space';
import { diagnosisLabels, trialStates, type EpochRecord, type Trial } from '../core/trial';
import { readCondition } from './studyCondition';
import { currentStudyFormat, migrateStudy } from './studyMigration';

/** The format and version this code writes (and reads, with every older version migrated). */
export const studyFormat = currentStudyFormat;

/** The data a study trained on: which dataset, its generator settings and its split. */
export interface StudyDataset {
  name: DatasetName;
  /** Number of points. */
  samples: number;
  /** Noise level of a generated dataset (0 for real data). */
  noise: number;
  /** Fractions of the points in each part, adding up to 1. */
  split: { train: number; validation: number; test: number };
  /** Seed of the data generator. */
  seed?: number;
  /** Number of classes (absent for regression). */
  classes?: number;
  /** Cross-validation folds (0 = the one validation split). */
  folds?: number;
  /** Columns of an uploaded CSV file left out of the features (the `csvIgnored` setting). */
  ignoredColumns?: string[];
}

/** One study as the export carries it. */
export interface StudyExport {
  format: typeof studyFormat;
  /** Seed of the search. */
  seed: number;
  /** Backend the trials trained on. */
  backend: BackendName;
  dataset: StudyDataset;
  /** The fixed (not searched) model settings. */
  model: Partial<ModelSettings>;
  space: Dimension[];
  /** The strategy's name and its options (acquisition, xi, kappa…). */
  strategy: { name: StrategyName; [option: string]: string | number | boolean };
  objective: { metric: ObjectiveMetricName; direction: 'minimize' };
  trials: Trial[];
}

/** A field of an imported study that breaks the format; its message names the field and the rule. */
export class StudyFormatError extends Error {}

/** Keys that could reach a prototype; JSON.parse makes them own properties, so they are refused anywhere. */
const forbiddenKeys = ['__proto__', 'constructor', 'prototype'];
/** The keys no study may hold. */
export const forbiddenKeyNames: readonly string[] = forbiddenKeys;

/** Deepest nesting of lists and objects a study may hold; the format itself needs 5. */
export const maxStudyDepth = 32;

/** A path cut to its start and end, so a message stays a few hundred characters whatever the keys. */
function shortPath(path: string): string {
  return path.length > 120 ? `${path.slice(0, 50)}…${path.slice(-60)}` : path;
}

/** Whether JSON text opens more than `limit` lists or objects inside each other; one pass, before parsing it. */
export function jsonNestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === 92) i++; // a backslash escapes the next character
      else if (code === 34) inString = false;
    } else if (code === 34) inString = true;
    else if (code === 91 || code === 123) {
      if (++depth > limit) return true;
    } else if (code === 93 || code === 125) depth--;
  }
  return false;
}

/**
 * The first structural problem in a parsed JSON value, as a reason a person can read, or null: a forbidden
 * key anywhere, or nesting deeper than maxStudyDepth. Walks without recursion and stops at that depth.
 */
export function findStructureProblem(root: unknown): string | null {
  const pending: { value: unknown; path: string; depth: number }[] = [{ value: root, path: '', depth: 0 }];
  while (pending.length > 0) {
    const { value, path, depth } = pending.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= maxStudyDepth) return `it is nested more than ${maxStudyDepth} levels deep at ${shortPath(path)}, deeper than any study.`;
    for (const key of Object.keys(value)) {
      if (forbiddenKeys.includes(key)) return `it contains the key "${key}" at ${shortPath(path) || 'the top level'}, which is never part of a study.`;
      const child = Array.isArray(value) ? `${path}[${key}]` : fieldPath(path, key);
      pending.push({ value: (value as Record<string, unknown>)[key], path: child, depth: depth + 1 });
    }
  }
  return null;
}

function fail(path: string, rule: string): never {
  throw new StudyFormatError(`${path || 'the study'} ${rule}.`);
}

/** Path of a field, for messages: `trials[2].epochs[0].trainLoss`. */
function fieldPath(path: string, key: string): string {
  const shown = key.length > 40 ? `${key.slice(0, 40)}…` : key;
  return path ? `${path}.${shown}` : shown;
}

function readObject(value: unknown, path: string, required: readonly string[], optional: readonly string[] = []): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(path, 'must be an object');
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!required.includes(key) && !optional.includes(key)) fail(fieldPath(path, key), 'is not a field of the format');
  }
  for (const key of required) if (!Object.hasOwn(record, key)) fail(fieldPath(path, key), 'is missing');
  return record;
}

function readArray(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) fail(path, 'must be a list');
  return value;
}

function readNumber(value: unknown, path: string, min = -Infinity, max = Infinity): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(path, 'must be a number');
  if (value < min || value > max) fail(path, `must be from ${min} to ${max}`);
  return value;
}

function readInteger(value: unknown, path: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const number = readNumber(value, path, min, max);
  if (!Number.isInteger(number)) fail(path, 'must be a whole number');
  return number;
}

function readString(value: unknown, path: string): string {
  if (typeof value !== 'string') fail(path, 'must be text');
  return value;
}

function readOneOf<T extends string>(value: unknown, path: string, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) fail(path, `must be one of ${allowed.join(', ')}`);
  return value as T;
}

/** A loss or accuracy: a number, or "NaN", "Infinity" or "-Infinity" (JSON has no such numbers). */
function readMetric(value: unknown, path: string, min = -Infinity, max = Infinity): number {
  if (value === 'NaN' || value === 'Infinity' || value === '-Infinity') return Number(value);
  return readNumber(value, path, min, max);
}

function readDataset(value: unknown): StudyDataset {
  const record = readObject(value, 'dataset', ['name', 'samples', 'noise', 'split'], ['seed', 'classes', 'folds', 'ignoredColumns']);
  const split = readObject(record.split, 'dataset.split', ['train', 'validation', 'test']);
  const fractions = {
    train: readNumber(split.train, 'dataset.split.train', 0, 1),
    validation: readNumber(split.validation, 'dataset.split.validation', 0, 1),
    test: readNumber(split.test, 'dataset.split.test', 0, 1),
  };
  if (Math.abs(fractions.train + fractions.validation + fractions.test - 1) > 1e-6) fail('dataset.split', 'must add up to 1');
  const dataset: StudyDataset = {
    name: readOneOf(record.name, 'dataset.name', datasetNames),
    samples: readInteger(record.samples, 'dataset.samples', 0),
    noise: readNumber(record.noise, 'dataset.noise', 0),
    split: fractions,
  };
  if (record.seed !== undefined) dataset.seed = readInteger(record.seed, 'dataset.seed', 0);
  if (record.classes !== undefined) dataset.classes = readInteger(record.classes, 'dataset.classes', 0);
  if (record.folds !== undefined) {
    const folds = readInteger(record.folds, 'dataset.folds', 0);
    if (!validateSetting('folds', folds).ok) fail('dataset.folds', 'must be 0 or from 3 to 10');
    dataset.folds = folds;
  }
  if (record.ignoredColumns !== undefined) {
    const names = readArray(record.ignoredColumns, 'dataset.ignoredColumns').map((name, index) => readString(name, `dataset.ignoredColumns[${index}]`));
    // The settings table's rule for the setting these names come from.
    const checked = validateSetting('csvIgnored', formatColumnList(names));
    if (!checked.ok) fail('dataset.ignoredColumns', `is invalid: ${checked.notice}`);
    dataset.ignoredColumns = Array.from(new Set(names));
  }
  return dataset;
}

const modelKeys = Object.keys(defaultModelSettings) as readonly (keyof ModelSettings)[];

/** Fixed model settings, each checked by its rule in the settings table (and of its JSON type, not text). */
function readModel(value: unknown): Partial<ModelSettings> {
  const record = migrateLegacyModel(readObject(value, 'model', [], modelKeys));
  const model: Record<string, unknown> = {};
  for (const key of modelKeys) {
    if (!Object.hasOwn(record, key)) continue;
    const checked = validateSetting(key, record[key]);
    if (!checked.ok || typeof record[key] !== typeof checked.value) fail(`model.${key}`, checked.ok ? `must be a ${typeof checked.value}` : `is invalid: ${checked.notice}`);
    model[key] = checked.value;
  }
  return model as Partial<ModelSettings>;
}

function readDimension(value: unknown, path: string): Dimension {
  const type = readOneOf(readObject(value, path, ['name', 'type'], ['low', 'high', 'values', 'when']).type, `${path}.type`, ['real', 'log', 'int', 'choice']);
  const when = readWhen((value as Record<string, unknown>).when, `${path}.when`);
  if (type === 'choice') {
    const record = readObject(value, path, ['name', 'type', 'values'], ['when']);
    const values = readArray(record.values, `${path}.values`).map((item, index) =>
      typeof item === 'string' ? item : readNumber(item, `${path}.values[${index}]`),
    );
    return { name: readString(record.name, `${path}.name`), type, values, ...when };
  }
  const record = readObject(value, path, ['name', 'type', 'low', 'high'], ['when']);
  return { name: readString(record.name, `${path}.name`), type, low: readNumber(record.low, `${path}.low`), high: readNumber(record.high, `${path}.high`), ...when };
}

/** A conditional dimension's `when` (study@2), or nothing. */
function readWhen(value: unknown, path: string): { when?: Condition } {
  try {
    return value === undefined ? {} : { when: readCondition(value) };
  } catch (error) {
    fail(path, error instanceof Error ? error.message : String(error));
  }
}

function readSpace(value: unknown): Dimension[] {
  const space = readArray(value, 'space').map((item, index) => readDimension(item, `space[${index}]`));
  if (space.length > 0) {
    try {
      validateSpace(space);
    } catch (error) {
      fail('space', `is not a valid search space (${error instanceof Error ? error.message : String(error)})`);
    }
  }
  return space;
}

function readStrategy(value: unknown): StudyExport['strategy'] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail('strategy', 'must be an object');
  const record = value as Record<string, unknown>;
  const name = readOneOf(record.name, 'strategy.name', strategyNames);
  const options = Object.entries(record).map(([key, option]): [string, string | number | boolean] => [
    key,
    typeof option === 'string' || typeof option === 'boolean' ? option : readNumber(option, fieldPath('strategy', key)),
  ]);
  // fromEntries defines own properties, so even a `__proto__` key could not reach a prototype.
  return { ...Object.fromEntries(options), name };
}

function readParams(value: unknown, path: string): Params {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(path, 'must be an object');
  // A plain loop, and a field's path only when it fails: a study may hold 200,000 of these.
  const entries = Object.entries(value as Record<string, unknown>);
  for (const entry of entries) {
    const [name, param] = entry;
    if (typeof param !== 'string' && !(typeof param === 'number' && Number.isFinite(param))) entry[1] = readNumber(param, fieldPath(path, name));
  }
  return Object.fromEntries(entries) as Params;
}

function readEpochs(value: unknown, path: string): EpochRecord[] {
  let previous = 0;
  return readArray(value, path).map((item, index) => {
    const at = `${path}[${index}]`;
    const record = readObject(item, at, ['epoch', 'trainLoss', 'validationLoss'], ['trainAccuracy', 'validationAccuracy']);
    const epoch = readInteger(record.epoch, `${at}.epoch`, previous + 1);
    previous = epoch;
    const read: EpochRecord = { epoch, trainLoss: readMetric(record.trainLoss, `${at}.trainLoss`), validationLoss: readMetric(record.validationLoss, `${at}.validationLoss`) };
    if (record.trainAccuracy !== undefined) read.trainAccuracy = readMetric(record.trainAccuracy, `${at}.trainAccuracy`, 0, 1);
    if (record.validationAccuracy !== undefined) read.validationAccuracy = readMetric(record.validationAccuracy, `${at}.validationAccuracy`, 0, 1);
    return read;
  });
}

/** One trial built afresh from checked fields (`path` names it in messages); throws StudyFormatError. */
export function readTrial(value: unknown, path: string): Trial {
  const record = readObject(value, path, ['id', 'params', 'state', 'value', 'durationMs', 'epochs'], ['diagnosis', 'error']);
  const trial: Trial = {
    id: readInteger(record.id, `${path}.id`, 1),
    params: readParams(record.params, `${path}.params`),
    state: readOneOf(record.state, `${path}.state`, trialStates),
    value: record.value === null ? null : readMetric(record.value, `${path}.value`),
    durationMs: readNumber(record.durationMs, `${path}.durationMs`, 0),
    epochs: readEpochs(record.epochs, `${path}.epochs`),
  };
  if (record.diagnosis !== undefined) trial.diagnosis = readOneOf(record.diagnosis, `${path}.diagnosis`, diagnosisLabels);
  if (record.error !== undefined) trial.error = readString(record.error, `${path}.error`);
  return trial;
}

/** The study in value, built afresh from checked fields; throws StudyFormatError naming the first bad field. */
export function readStudy(value: unknown): StudyExport {
  const record = migrateStudy(readObject(value, '', ['format', 'seed', 'backend', 'dataset', 'model', 'space', 'strategy', 'objective', 'trials']), StudyFormatError);
  const objective = readObject(record.objective, 'objective', ['metric', 'direction']);
  const trials = readArray(record.trials, 'trials').map((item, index) => readTrial(item, `trials[${index}]`));
  const ids = new Set<number>();
  for (const [index, trial] of trials.entries()) {
    if (ids.has(trial.id)) fail(`trials[${index}].id`, `repeats trial ${trial.id}`);
    ids.add(trial.id);
  }
  return {
    format: studyFormat,
    seed: readInteger(record.seed, 'seed', 0),
    backend: readOneOf(record.backend, 'backend', backendOrder),
    dataset: readDataset(record.dataset),
    model: readModel(record.model),
    space: readSpace(record.space),
    strategy: readStrategy(record.strategy),
    objective: { metric: readOneOf(objective.metric, 'objective.metric', objectiveMetrics), direction: readOneOf(objective.direction, 'objective.direction', ['minimize']) },
    trials,
  };
}
