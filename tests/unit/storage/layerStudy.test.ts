import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { adamBetas, hiddenWidths, trialSettings } from '../../../src/lib/core/modelSettings';
import { withConditions } from '../../../src/lib/core/searchConditions';
import { searchFormDimension } from '../../../src/lib/core/settings';
import type { Params } from '../../../src/lib/core/space';
import { parseStudyJson, studyToJson, type StudyExport } from '../../../src/lib/storage/exportStudy';
import { resumeSetup } from '../../../src/lib/storage/resumeStudy';

// Made by the study@1 code in Chromium, before per-layer widths and Adam's β's were settings (see studyMigration.test.ts).
const oldText = readFileSync(new URL('./fixtures/study1-exported.json', import.meta.url), 'utf8');

function parsed(text: string): StudyExport {
  const result = parseStudyJson(text);
  if (!result.ok) throw new Error(result.message);
  return result.study;
}

const resume = { budget: 8, schedule: 'none', parallel: 2, folds: 0, epochBudget: 0, ended: false };

describe('study files and per-layer widths and β\'s', () => {
  it('an old study without them resumes with every layer as wide as its units and Adam at 0.9 / 0.999', () => {
    const study = parsed(oldText);
    expect(Object.hasOwn(study.model, 'units2')).toBe(false);
    expect(Object.hasOwn(study.model, 'beta1')).toBe(false);
    const plan = resumeSetup(study, resume);
    if (typeof plan === 'string') throw new Error(plan);
    expect(plan.setup.base.units2).toBe(0);
    for (const trial of study.trials) {
      const settings = trialSettings(plan.setup.base, trial.params, 2);
      expect(hiddenWidths(settings)).toEqual([trial.params.units, trial.params.units]);
      expect(adamBetas(settings)).toEqual({ beta1: 0.9, beta2: 0.999 });
    }
  });

  it('a study over per-layer widths and β\'s keeps its fixed values, its conditions and its "not used" trials through a file', () => {
    const old = parsed(oldText);
    const space = withConditions(['units', 'units2', 'hiddenLayers', 'optimizer', 'beta1'].map((name) => searchFormDimension(name as never)));
    const params: Params[] = [
      { units: 8, hiddenLayers: 1, optimizer: 'sgd' },
      { units: 8, units2: 3, hiddenLayers: 2, optimizer: 'adam', beta1: 0.85 },
      { hiddenLayers: 0, optimizer: 'adam', beta1: 0.95 },
    ];
    const study: StudyExport = {
      ...old,
      model: { ...old.model, hiddenLayers: 3, units3: 5, beta2: 0.99 },
      space,
      trials: old.trials.slice(0, 3).map((trial, index) => ({ ...trial, params: params[index] })),
    };
    const back = parsed(studyToJson(study));
    expect(back.space).toEqual(space);
    expect(back.space.find((dimension) => dimension.name === 'units2')?.when).toEqual({ dimension: 'hiddenLayers', atLeast: 2 });
    expect(back.model).toEqual(study.model);
    expect(back.trials.map((trial) => trial.params)).toEqual(params);
    const plan = resumeSetup(back, resume);
    if (typeof plan === 'string') throw new Error(plan);
    const widths = back.trials.map((trial) => hiddenWidths(trialSettings(plan.setup.base, trial.params, 2)));
    expect(widths).toEqual([[8], [8, 3], []]);
    expect(adamBetas(trialSettings(plan.setup.base, back.trials[1].params, 2))).toEqual({ beta1: 0.85, beta2: 0.99 });
  });

  it('refuses a study whose fixed layer width or β is out of range, naming the field', () => {
    const old = JSON.parse(oldText) as { model: Record<string, unknown> };
    const result = parseStudyJson(JSON.stringify({ ...old, model: { ...old.model, units2: 500 } }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/model\.units2/);
    const betaResult = parseStudyJson(JSON.stringify({ ...old, model: { ...old.model, beta1: 1.2 } }));
    expect(betaResult.ok).toBe(false);
  });
});
