import { describe, expect, it } from 'vitest';
import { defaultModelSettings } from '../../../src/lib/core/modelSettings';
import { strategyNames as registeredStrategies } from '../../../src/lib/search';
import { scheduleNames as registeredSchedules } from '../../../src/lib/search/schedules';
import {
  defaultSettings,
  isSettingKey,
  modelSettingsOf,
  searchSpace,
  settingDefinitions,
  settingKeys,
  validateSetting,
  scheduleNames,
  strategyNames,
  validateSettings,
  viewNames,
} from '../../../src/lib/core/settings';

describe('settings', () => {
  it('every default is valid under its own rule and comes back unchanged', () => {
    const defaults = defaultSettings();
    for (const key of settingKeys) {
      expect(validateSetting(key, defaults[key]), key).toEqual({ ok: true, value: defaults[key] });
    }
  });

  it('every entry has a label and a one-line explanation', () => {
    for (const key of settingKeys) {
      const { label, explanation } = settingDefinitions[key];
      expect(label.length, key).toBeGreaterThan(0);
      expect(explanation.length, key).toBeGreaterThan(10);
      expect(explanation, key).not.toContain('\n');
    }
  });

  it('numeric entries have min below max, and log-scale entries a minimum above 0', () => {
    for (const key of settingKeys) {
      const definition = settingDefinitions[key];
      if (definition.type !== 'number' && definition.type !== 'int') continue;
      expect(definition.min, key).toBeLessThan(definition.max);
      if (definition.type === 'number' && definition.scale === 'log') expect(definition.min, key).toBeGreaterThan(0);
    }
  });

  it('covers every field of ModelSettings with the defaults of defaultModelSettings', () => {
    const defaults = defaultSettings();
    for (const key of Object.keys(defaultModelSettings)) expect(isSettingKey(key), key).toBe(true);
    expect(modelSettingsOf(defaults)).toEqual(defaultModelSettings);
  });

  it('offers exactly the strategies and schedules the search registries know', () => {
    expect([...strategyNames].sort()).toEqual([...registeredStrategies].sort());
    expect([...scheduleNames].sort()).toEqual(registeredSchedules.map((schedule) => schedule.name).sort());
  });

  it('defaultSettings returns a fresh object each time', () => {
    const first = defaultSettings();
    first.views.pop();
    first.learningRate = 1;
    expect(defaultSettings().views).toEqual([...viewNames]);
    expect(defaultSettings().learningRate).toBe(defaultModelSettings.learningRate);
  });

  it('validateSetting coerces link text to numbers and booleans', () => {
    expect(validateSetting('learningRate', '0.10')).toEqual({ ok: true, value: 0.1 });
    expect(validateSetting('units', '64')).toEqual({ ok: true, value: 64 });
    expect(validateSetting('embed', '')).toEqual({ ok: true, value: true });
    expect(validateSetting('restoreBestWeights', '0')).toEqual({ ok: true, value: false });
    expect(validateSetting('views', 'curves,data')).toEqual({ ok: true, value: ['curves', 'data'] });
  });

  it('validateSetting refuses values out of range, of the wrong kind, or not allowed, naming the setting', () => {
    const refused: [string, unknown][] = [
      ['learningRate', 20],
      ['learningRate', '1e-9'],
      ['learningRate', 'abc'],
      ['learningRate', '0x10'],
      ['learningRate', ''],
      ['units', 3.5],
      ['units', 0],
      ['hiddenLayers', 7],
      ['samples', 49],
      ['folds', 2],
      ['classes', 6],
      ['activation', 'softmax'],
      ['dataset', 'mnist'],
      ['embed', 'maybe'],
      ['views', ''],
      ['views', 'data,data'],
      ['views', 'data,charts'],
      ['lesson', 'x'.repeat(65)],
      ['lesson', 'line\nbreak'],
      ['lesson', 42],
    ];
    for (const [key, value] of refused) {
      const checked = validateSetting(key, value);
      expect(checked.ok, `${key}=${String(value)}`).toBe(false);
      if (!checked.ok) expect(checked.notice).toContain(settingDefinitions[key as 'units'].label);
    }
  });

  it('folds may be 0 (off) or 3 to 10', () => {
    expect(validateSetting('folds', 0)).toEqual({ ok: true, value: 0 });
    expect(validateSetting('folds', 3)).toEqual({ ok: true, value: 3 });
    expect(validateSetting('folds', 10)).toEqual({ ok: true, value: 10 });
    expect(validateSetting('folds', 1).ok).toBe(false);
  });

  it('validateSetting calls __proto__, constructor and prototype unknown settings', () => {
    for (const key of ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty']) {
      const checked = validateSetting(key, '1');
      expect(checked.ok, key).toBe(false);
      if (!checked.ok) expect(checked.notice).toContain('Unknown setting');
    }
  });

  it('the searched dimensions are checked against the table and written canonically', () => {
    expect(validateSetting('search', 'learningRate:log:1e-4:1.0,activation:choice:relu/tanh')).toEqual({
      ok: true,
      value: 'learningRate:log:0.0001:1,activation:choice:relu/tanh',
    });
    expect(validateSetting('search', '')).toEqual({ ok: true, value: '' });
    const refused = [
      'learningRate:log:0:1', // log needs a low above 0
      'learningRate:log:1:0.1', // reversed
      'learningRate:real:0.001:100', // above the table's maximum
      'units:real:1:8', // an int setting searched as real
      'units:int:1.5:8',
      'units:int:1:64,units:int:2:4', // twice
      'activation:choice:relu', // one value is no choice
      'activation:choice:relu/softmax',
      'dataset:choice:spiral/moons', // data settings are not searched
      '__proto__:int:1:2',
      'learningRate',
    ];
    for (const text of refused) expect(validateSetting('search', text).ok, text).toBe(false);
  });

  it('searchSpace turns the searched text into dimensions in the order written', () => {
    expect(searchSpace({ search: 'units:int:2:32,learningRate:log:0.001:1,optimizer:choice:adam/sgd' })).toEqual([
      { name: 'units', type: 'int', low: 2, high: 32 },
      { name: 'learningRate', type: 'log', low: 0.001, high: 1 },
      { name: 'optimizer', type: 'choice', values: ['adam', 'sgd'] },
    ]);
  });

  it('validateSettings fills missing keys with defaults and names each refused part', () => {
    const { settings, notices } = validateSettings({ units: 64, learningRate: 'fast', colour: 'red' });
    expect(settings).toEqual({ ...defaultSettings(), units: 64 });
    expect(notices).toHaveLength(2);
    expect(notices[0]).toContain('Learning rate');
    expect(notices[0]).toContain('default');
    expect(notices[1]).toContain('colour');
  });

  it('validateSettings restores the default split when the fractions do not add up to 1', () => {
    const { settings, notices } = validateSettings({ trainFraction: 0.7, validationFraction: 0.2, testFraction: 0.2 });
    expect([settings.trainFraction, settings.validationFraction, settings.testFraction]).toEqual([0.6, 0.2, 0.2]);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain('add up to 1');
    expect(validateSettings({ trainFraction: 0.7, validationFraction: 0.1, testFraction: 0.2 }).notices).toEqual([]);
  });
});
