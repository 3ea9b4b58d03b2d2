/**
 * fast-check arbitraries of valid trials and studies in the study@2 format, for the export tests.
 */
import fc from 'fast-check';
import { backendOrder } from '../../../src/lib/core/backendNames';
import { defaultModelSettings, type ModelSettings } from '../../../src/lib/core/modelSettings';
import { datasetNames, objectiveMetrics, settingDefinitions, strategyNames } from '../../../src/lib/core/settings';
import type { Dimension, Params } from '../../../src/lib/core/space';
import { diagnosisLabels, trialStates, type EpochRecord, type Trial } from '../../../src/lib/core/trial';
import type { StudyExport } from '../../../src/lib/storage/exportStudy';
import { searchedDimensionsArbitrary, valueArbitrary } from '../core/settingsArbitrary';

/** Keys no study may hold. */
const forbiddenKeys = ['__proto__', 'constructor', 'prototype'];

/** Any number without -0, which JSON writes as 0. */
const anyNumber = fc.double().map((value) => value + 0);
const finiteNumber = fc.double({ noNaN: true, noDefaultInfinity: true }).map((value) => value + 0);
const accuracy = fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }).map((value) => value + 0), fc.constant(Number.NaN));
const key = fc.string({ unit: 'binary', maxLength: 12 }).filter((text) => !forbiddenKeys.includes(text));

const epochFields = fc.record(
  { trainLoss: anyNumber, validationLoss: anyNumber, trainAccuracy: accuracy, validationAccuracy: accuracy },
  { requiredKeys: ['trainLoss', 'validationLoss'] },
);

/** Epoch records numbered from 1 (or after a gap, as early stopping and restarts leave them). */
const epochsArbitrary: fc.Arbitrary<EpochRecord[]> = fc
  .array(fc.tuple(fc.integer({ min: 1, max: 3 }), epochFields), { maxLength: 6 })
  .map((records) => {
    let epoch = 0;
    return records.map(([step, fields]) => ({ epoch: (epoch += step), ...fields }));
  });

/** Params with arbitrary names (never a forbidden key) and text or finite number values. */
export const paramsArbitrary: fc.Arbitrary<Params> = fc
  .array(fc.tuple(key, fc.oneof(fc.string({ unit: 'binary' }), finiteNumber)), { maxLength: 4 })
  .map((entries) => Object.fromEntries(entries));

/** A trial with the given id and params; every other field arbitrary. */
export function trialArbitrary(id: number, params: fc.Arbitrary<Params>): fc.Arbitrary<Trial> {
  return fc.record(
    {
      id: fc.constant(id),
      params,
      state: fc.constantFrom(...trialStates),
      value: fc.option(anyNumber, { nil: null }),
      durationMs: fc.double({ min: 0, max: 1e7, noNaN: true }).map((value) => value + 0),
      diagnosis: fc.constantFrom(...diagnosisLabels),
      epochs: epochsArbitrary,
      error: fc.string({ unit: 'binary' }),
    },
    { requiredKeys: ['id', 'params', 'state', 'value', 'durationMs', 'epochs'] },
  );
}

/** Trials with distinct ids, in id order. */
export function trialsArbitrary(params: fc.Arbitrary<Params>): fc.Arbitrary<Trial[]> {
  return fc
    .uniqueArray(fc.integer({ min: 1, max: 10_000 }), { maxLength: 5 })
    .map((ids) => ids.sort((a, b) => a - b))
    .chain((ids) => fc.tuple(...ids.map((id) => trialArbitrary(id, params))));
}

const modelKeys = Object.keys(defaultModelSettings) as (keyof ModelSettings)[];
const modelArbitrary = fc
  .subarray(modelKeys)
  .chain((keys) => fc.tuple(...keys.map((name) => valueArbitrary(name, settingDefinitions[name]).map((value) => [name, value] as const))))
  .map((entries) => Object.fromEntries(entries) as Partial<ModelSettings>);

const strategyArbitrary = fc
  .tuple(fc.constantFrom(...strategyNames), fc.array(fc.tuple(key.filter((name) => name !== 'name'), fc.oneof(fc.string(), finiteNumber, fc.boolean())), { maxLength: 3 }))
  .map(([name, options]) => ({ ...Object.fromEntries(options), name }));

const datasetArbitrary = fc.record(
  {
    name: fc.constantFrom(...datasetNames),
    samples: fc.integer({ min: 0, max: 20_000 }),
    noise: fc.double({ min: 0, max: 1, noNaN: true }).map((value) => value + 0),
    split: fc.constantFrom({ train: 0.6, validation: 0.2, test: 0.2 }, { train: 0.7, validation: 0.3, test: 0 }),
    seed: fc.integer({ min: 0, max: 4294967295 }),
    classes: fc.integer({ min: 0, max: 10 }),
    folds: fc.constantFrom(0, 3, 5, 10),
    ignoredColumns: fc.uniqueArray(fc.string({ minLength: 1, maxLength: 30 }), { minLength: 1, maxLength: 4 }),
  },
  { requiredKeys: ['name', 'samples', 'noise', 'split'] },
);

/** Params that fit a space: one value per dimension (numbers need not lie inside the range). */
function paramsFor(space: Dimension[]): fc.Arbitrary<Params> {
  return fc
    .tuple(...space.map((dimension) => (dimension.type === 'choice' ? fc.constantFrom(...dimension.values) : finiteNumber)))
    .map((values) => Object.fromEntries(space.map((dimension, index) => [dimension.name, values[index]])));
}

/** Any valid study. */
export const studyArbitrary: fc.Arbitrary<StudyExport> = searchedDimensionsArbitrary.chain((space) =>
  fc.record({
    format: fc.constant('tuning-playground/study@2' as const),
    seed: fc.integer({ min: 0, max: 4294967295 }),
    backend: fc.constantFrom(...backendOrder),
    dataset: datasetArbitrary,
    model: modelArbitrary,
    space: fc.constant(space),
    strategy: strategyArbitrary,
    objective: fc.record({ metric: fc.constantFrom(...objectiveMetrics), direction: fc.constant('minimize' as const) }),
    trials: trialsArbitrary(fc.oneof(paramsFor(space), paramsArbitrary)),
  }),
);
