import { describe, expect, it } from 'vitest';
import { defaultModelSettings, type ModelSettings } from '../../../../src/lib/core/modelSettings';
import { supportsFused } from '../../../../src/lib/training/fused/supportsFused';

const trial = (settings: Partial<ModelSettings>) => ({ settings: { ...defaultModelSettings, ...settings } });
const context = { featureCount: 2, classCount: 2, trainCount: 320 };

describe('supportsFused', () => {
  it('accepts MLPs of one depth and activation that differ in units, batch size and optimiser', () => {
    const support = supportsFused([trial({ units: 4, batchSize: 8 }), trial({ units: 16, optimizer: 'sgd', dropout: 0.2 })], context);
    expect(support.supported).toBe(true);
    if (support.supported) {
      expect(support.structure.hiddenWidth).toBe(16);
      expect(support.structure.rows).toBe(32);
      expect(support.structure.dropout).toBe(true);
      expect(support.structure.local).toBe(true);
    }
  });

  it('says why it refuses ridge models, mixed depths and layers wider than 128 units', () => {
    const reason = (trials: ReturnType<typeof trial>[]) => {
      const support = supportsFused(trials, context);
      return support.supported ? '' : support.reason;
    };
    expect(reason([trial({ kind: 'ridge' })])).toMatch(/not ridge/);
    expect(reason([trial({ hiddenLayers: 1 }), trial({ hiddenLayers: 2 })])).toMatch(/depth or activation/);
    expect(reason([trial({ units: 129 })])).toMatch(/128 units/);
  });

  it('refuses populations whose buffers exceed the device limit', () => {
    const limits = { maxStorageBufferBindingSize: 1 << 20, maxComputeWorkgroupsPerDimension: 65535, maxComputeWorkgroupStorageSize: 16384 };
    const support = supportsFused(Array.from({ length: 64 }, () => trial({ hiddenLayers: 6, units: 128 })), { ...context, limits });
    expect(support.supported).toBe(false);
  });
});
