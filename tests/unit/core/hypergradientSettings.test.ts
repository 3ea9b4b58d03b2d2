import { describe, expect, it } from 'vitest';
import { familyUses } from '../../../src/lib/core/familySettings';
import { isHypergradient } from '../../../src/lib/core/modelSettings';
import { defaultSettings, validateSetting } from '../../../src/lib/core/settings';
import { decodeSettings, encodeSettings } from '../../../src/lib/core/urlState';

describe('the hypergradient settings', () => {
  it('offers sgd-hd and adam-hd as optimizers, with a hypergradient rate that a link carries', () => {
    const settings = { ...defaultSettings(), optimizer: 'adam-hd' as const, learningRate: 0.001, hypergradientRate: 0.0001 };
    const link = encodeSettings(settings);
    expect(link).toContain('optimizer=adam-hd');
    const decoded = decodeSettings(link);
    expect(decoded.notices).toEqual([]);
    expect(decoded.settings.optimizer).toBe('adam-hd');
    expect(decoded.settings.hypergradientRate).toBe(0.0001);
  });

  it('refuses a hypergradient rate outside (0, 1] with a notice naming the setting', () => {
    const refused = validateSetting('hypergradientRate', 5);
    expect(refused.ok).toBe(false);
    expect(refused.ok ? '' : refused.notice).toMatch(/Hypergradient rate/);
  });

  it('tells the hypergradient rules from the fixed-rate ones, and shows β only for networks', () => {
    expect(['sgd', 'momentum', 'adam', 'rmsprop', 'sgd-hd', 'adam-hd'].map((name) => isHypergradient(name as never))).toEqual([false, false, false, false, true, true]);
    expect(familyUses('mlp', 'hypergradientRate')).toBe(true);
    expect(familyUses('boosting', 'hypergradientRate')).toBe(false);
  });
});
