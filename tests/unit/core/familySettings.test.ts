import { describe, expect, it } from 'vitest';
import { familySettingKeys, familyUses, migrateLegacyModel, plannedSteps } from '../../../src/lib/core/familySettings';
import { defaultModelSettings } from '../../../src/lib/core/modelSettings';
import { modelKinds, searchSpace, settingDefinitions, validateSetting, validateSettings } from '../../../src/lib/core/settings';
import { decodeSettings, encodeSettings } from '../../../src/lib/core/urlState';
import { parseStudyJson } from '../../../src/lib/storage/exportStudy';

const oldStudy = {
  format: 'tuning-playground/study@1',
  seed: 4,
  backend: 'wasm',
  dataset: { name: 'sine', samples: 200, noise: 0.1, split: { train: 0.6, validation: 0.2, test: 0.2 } },
  model: { kind: 'ridge', degree: 6, alpha: 0.01 },
  space: [{ name: 'alpha', type: 'log', low: 0.0001, high: 1 }],
  strategy: { name: 'random' },
  objective: { metric: 'validationLoss', direction: 'minimize' },
  trials: [{ id: 1, params: { alpha: 0.01 }, state: 'complete', value: 0.1, durationMs: 5, epochs: [{ epoch: 1, trainLoss: 0.1, validationLoss: 0.1 }] }],
};

describe('model family settings', () => {
  it('the model selector offers the MLP and the five classic families, and no longer ridge', () => {
    expect(modelKinds).toEqual(['mlp', 'linear', 'tree', 'forest', 'boosting', 'knn']);
    expect(settingDefinitions.kind.type === 'choice' && settingDefinitions.kind.values).toEqual(modelKinds);
    expect(validateSetting('kind', 'ridge').ok).toBe(false);
  });

  it('an old ridge link opens as a linear model with an L2 penalty, keeping its degree and alpha', () => {
    const { settings, notices } = decodeSettings('#dataset=sine&kind=ridge&degree=5&alpha=0.02');
    expect(notices).toEqual([]);
    expect(settings).toMatchObject({ kind: 'linear', penalty: 'l2', degree: 5, alpha: 0.02, dataset: 'sine' });
  });

  it('an old ridge link that also names a penalty keeps that penalty', () => {
    expect(validateSettings({ kind: 'ridge', penalty: 'l1' }).settings).toMatchObject({ kind: 'linear', penalty: 'l1' });
    expect(migrateLegacyModel({ kind: 'tree', maxDepth: 3 })).toEqual({ kind: 'tree', maxDepth: 3 });
  });

  it('an old study of polynomial ridge opens with a linear model of the same degree and alpha', () => {
    const parsed = parseStudyJson(JSON.stringify(oldStudy));
    expect(parsed.ok, parsed.ok ? '' : parsed.message).toBe(true);
    if (parsed.ok) expect(parsed.study.model).toMatchObject({ kind: 'linear', penalty: 'l2', degree: 6, alpha: 0.01 });
  });

  it('a study file carries every family setting and reads it back', () => {
    const study = { ...oldStudy, model: { ...defaultModelSettings, kind: 'forest', treeCount: 30, maxDepth: 7, splitFeatures: 'half', bootstrap: false } };
    const parsed = parseStudyJson(JSON.stringify(study));
    expect(parsed.ok, parsed.ok ? '' : parsed.message).toBe(true);
    if (parsed.ok) expect(parsed.study.model).toMatchObject({ kind: 'forest', treeCount: 30, maxDepth: 7, splitFeatures: 'half', bootstrap: false });
  });

  it('a link carries the family settings and a search over tree depth', () => {
    const settings = { ...validateSettings({}).settings, kind: 'boosting' as const, maxDepth: 2, subsample: 0.8, neighbors: 9, search: 'maxDepth:int:1:12' };
    const decoded = decodeSettings(encodeSettings(settings));
    expect(decoded.settings).toMatchObject({ kind: 'boosting', maxDepth: 2, subsample: 0.8, neighbors: 9 });
    expect(searchSpace(decoded.settings)).toEqual([{ name: 'maxDepth', type: 'int', low: 1, high: 12 }]);
  });

  it('refuses family settings out of range, naming the setting', () => {
    const checked = validateSetting('neighbors', 0);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.notice).toContain('Neighbours k');
    expect(validateSetting('maxDepth', 0).ok).toBe(true);
    expect(validateSetting('penalty', 'l3').ok).toBe(false);
  });

  it('each family reads only its own settings, so the forms hide the rest', () => {
    expect(familyUses('tree', 'maxDepth')).toBe(true);
    expect(familyUses('tree', 'learningRate')).toBe(false);
    expect(familyUses('boosting', 'learningRate')).toBe(true);
    expect(familyUses('knn', 'units')).toBe(false);
    for (const keys of Object.values(familySettingKeys)) for (const key of keys) expect(Object.hasOwn(defaultModelSettings, key)).toBe(true);
  });

  it('plans a curve of one step per boosting round, forest tree or single fit', () => {
    const settings = { epochs: 40, treeCount: 25 };
    expect(plannedSteps({ ...settings, kind: 'boosting' }, 3)).toBe(40);
    expect(plannedSteps({ ...settings, kind: 'forest' }, 3)).toBe(25);
    expect(plannedSteps({ ...settings, kind: 'tree' }, 0)).toBe(1);
    expect(plannedSteps({ ...settings, kind: 'linear' }, 17)).toBe(17);
  });
});
