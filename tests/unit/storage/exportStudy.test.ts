import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maxStudyCharacters, parseStudyJson, studyFormat, studyToJson, type StudyExport } from '../../../src/lib/storage/exportStudy';
import type { StudyTrial } from '../../../src/lib/core/trial';
import { studyArbitrary } from '../study/studyArbitrary';

const example: StudyExport = {
  format: 'tuning-playground/study@2',
  seed: 42,
  backend: 'webgpu',
  dataset: { name: 'spiral', samples: 400, noise: 0.1, split: { train: 0.6, validation: 0.2, test: 0.2 } },
  model: { hiddenLayers: 2, activation: 'relu', restoreBestWeights: true },
  space: [{ name: 'learningRate', type: 'log', low: 0.0001, high: 1 }],
  strategy: { name: 'bayesian', acquisition: 'ei', xi: 0.01 },
  objective: { metric: 'validationLoss', direction: 'minimize' },
  trials: [
    {
      id: 1, params: { learningRate: 0.01 }, state: 'complete', value: 0.12, durationMs: 840, diagnosis: 'good fit',
      epochs: [{ epoch: 1, trainLoss: 0.69, validationLoss: 0.7, trainAccuracy: 0.51, validationAccuracy: 0.49 }],
    },
    {
      id: 2, params: { learningRate: 0.9 }, state: 'diverged', value: null, durationMs: 120, diagnosis: 'diverged',
      epochs: [{ epoch: 1, trainLoss: Number.POSITIVE_INFINITY, validationLoss: Number.NaN }],
    },
    { id: 3, params: { learningRate: 0.5 }, state: 'failed', value: null, durationMs: 3, epochs: [], error: 'WebGL context lost' },
  ],
};

/** The example as a plain JSON value, to break one field at a time. */
function exampleValue(): Record<string, unknown> {
  return JSON.parse(studyToJson(example));
}

function expectRefused(text: string, ...fragments: string[]): void {
  const result = parseStudyJson(text);
  expect(result.ok, text.slice(0, 200)).toBe(false);
  if (!result.ok) for (const fragment of fragments) expect(result.message).toContain(fragment);
}

describe('exportStudy', () => {
  it('parseStudyJson(studyToJson(study)) gives back any valid study', () => {
    fc.assert(
      fc.property(studyArbitrary, (study) => {
        expect(parseStudyJson(studyToJson(study))).toEqual({ ok: true, study });
      }),
      { numRuns: 300 },
    );
  });

  it('studyToJson writes the format first, one line per trial, and NaN or infinite losses as text', () => {
    const text = studyToJson(example);
    expect(text.startsWith(`{\n  "format": "${studyFormat}",\n`)).toBe(true);
    expect(text.split('\n').filter((line) => line.startsWith('    {"id":'))).toHaveLength(3);
    expect(JSON.parse(text).trials[1].epochs[0]).toEqual({ epoch: 1, trainLoss: 'Infinity', validationLoss: 'NaN' });
  });

  it('studyToJson leaves out the fields a study keeps only for its views', () => {
    const trial: StudyTrial = { ...example.trials[0], maxEpochs: 50, startedAtMs: 0, endedAtMs: 840, reason: 'done', manual: true };
    const text = studyToJson({ ...example, trials: [trial] });
    expect(text).not.toMatch(/maxEpochs|startedAtMs|endedAtMs|reason|manual/);
    expect(parseStudyJson(text)).toEqual({ ok: true, study: { ...example, trials: [example.trials[0]] } });
  });

  it('refuses text that is not JSON, or JSON that is not a study object, with a message', () => {
    for (const text of ['', '{', 'null', '[]', '"study"', '42', 'true', '{"format": 1}', '{}']) expectRefused(text, 'not a study');
    expectRefused('{', 'not valid JSON');
    expectRefused('{}', `expected "${studyFormat}"`);
  });

  it('refuses other formats and versions, naming the format it expects', () => {
    expectRefused(JSON.stringify({ ...exampleValue(), format: 'tuning-playground/study@3' }), 'cannot read', studyFormat);
    expectRefused(JSON.stringify({ ...exampleValue(), format: 'keras-tuner/oracle' }), studyFormat);
  });

  it('refuses each broken field with a message naming it', () => {
    const cases: [(study: Record<string, unknown>, trials: Record<string, unknown>[]) => void, string][] = [
      [(study) => delete study.trials, 'trials is missing'],
      [(study) => (study.seed = -1), 'seed'],
      [(study) => (study.seed = '42'), 'seed must be a number'],
      [(study) => (study.backend = 'metal'), 'backend must be one of'],
      [(study) => (study.extra = 1), 'extra is not a field'],
      [(study) => (study.dataset = { name: 'spiral' }), 'dataset.samples is missing'],
      [(study) => (study.dataset = { ...example.dataset, split: { train: 0.5, validation: 0.2, test: 0.2 } }), 'add up to 1'],
      [(study) => (study.dataset = { ...example.dataset, folds: 2 }), 'dataset.folds'],
      [(study) => (study.dataset = { ...example.dataset, ignoredColumns: 'id' }), 'dataset.ignoredColumns must be a list'],
      [(study) => (study.dataset = { ...example.dataset, ignoredColumns: ['id', 3] }), 'dataset.ignoredColumns[1] must be text'],
      [(study) => (study.dataset = { ...example.dataset, ignoredColumns: [''] }), 'dataset.ignoredColumns is invalid'],
      [(study) => (study.model = { learningRate: 100 }), 'model.learningRate'],
      [(study) => (study.model = { learningRate: '0.1' }), 'model.learningRate must be a number'],
      [(study) => (study.model = { colour: 'red' }), 'model.colour is not a field'],
      [(study) => (study.space = [{ name: 'units', type: 'int', low: 8, high: 2 }]), 'space'],
      [(study) => (study.space = [{ name: 'units', type: 'cube', low: 1, high: 2 }]), 'space[0].type'],
      [(study) => (study.strategy = { name: 'bayesian', nested: { deep: 1 } }), 'strategy.nested'],
      [(study) => (study.strategy = { name: 'annealing' }), 'strategy.name'],
      [(study) => (study.objective = { metric: 'validationLoss', direction: 'maximize' }), 'objective.direction'],
      [(study) => (study.trials = {}), 'trials must be a list'],
      [(_study, trials) => (trials[0].state = 'done'), 'trials[0].state must be one of queued, running, complete, pruned, diverged, failed'],
      [(_study, trials) => (trials[1].id = 1), 'trials[1].id repeats trial 1'],
      [(_study, trials) => (trials[0].id = 0), 'trials[0].id'],
      [(_study, trials) => (trials[0].value = 'low'), 'trials[0].value'],
      [(_study, trials) => (trials[0].diagnosis = 'great'), 'trials[0].diagnosis'],
      [(_study, trials) => (trials[0].params = { learningRate: [0.1] }), 'trials[0].params.learningRate'],
      [(_study, trials) => (trials[0].epochs = [{ epoch: 1, trainLoss: 1, validationLoss: 1, trainAccuracy: 1.5 }]), 'trials[0].epochs[0].trainAccuracy'],
      [(_study, trials) => (trials[0].epochs = [{ epoch: 2, trainLoss: 1, validationLoss: 1 }, { epoch: 2, trainLoss: 1, validationLoss: 1 }]), 'trials[0].epochs[1].epoch'],
      [(_study, trials) => (trials[0].epochs = [{ epoch: 1, trainLoss: null, validationLoss: 1 }]), 'trials[0].epochs[0].trainLoss'],
      [(_study, trials) => (trials[2].error = 404), 'trials[2].error must be text'],
    ];
    for (const [breakIt, fragment] of cases) {
      const study = exampleValue();
      breakIt(study, study.trials as Record<string, unknown>[]);
      expectRefused(JSON.stringify(study), fragment);
    }
  });

  it('refuses a __proto__, constructor or prototype key anywhere, and pollutes nothing', () => {
    const payloads = [
      `{"__proto__": {"polluted": true}, ${studyToJson(example).slice(1)}`,
      studyToJson(example).replace('"params":{"learningRate":0.01}', '"params":{"learningRate":0.01,"__proto__":{"polluted":true}}'),
      studyToJson(example).replace('"model": {', '"model": {"constructor": {"prototype": {"polluted": true}},'),
      studyToJson(example).replace('"strategy": {', '"strategy": {"prototype": {"polluted": true},'),
    ];
    for (const payload of payloads) {
      expect(() => JSON.parse(payload)).not.toThrow();
      expectRefused(payload, 'never part of a study');
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('names where a forbidden key sits', () => {
    const payload = studyToJson(example).replace('"params":{"learningRate":0.01}', '"params":{"__proto__":{}}');
    expectRefused(payload, '"__proto__"', 'trials[0].params');
  });

  it('refuses text over the size limit before parsing it, naming the limit', () => {
    expectRefused(' '.repeat(maxStudyCharacters + 1), '20 MB');
  });

  it('returns a study built afresh, sharing nothing with an earlier import', () => {
    const text = studyToJson(example);
    const first = parseStudyJson(text);
    const second = parseStudyJson(text);
    if (!first.ok || !second.ok) throw new Error('the example must import');
    first.study.trials[0].params.learningRate = 99;
    first.study.space.pop();
    expect(second.study).toEqual(example);
  });
});
