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

  it('accepts hypergradient trials beside fixed-rate ones, and marks the structure as hypergradient only when one is there', () => {
    const mixed = supportsFused([trial({ optimizer: 'sgd-hd' }), trial({ optimizer: 'adam-hd' }), trial({ optimizer: 'adam' })], context);
    expect(mixed.supported && mixed.structure.hypergradient).toBe(true);
    const fixed = supportsFused([trial({ optimizer: 'adam' }), trial({ optimizer: 'sgd' })], context);
    expect(fixed.supported && fixed.structure.hypergradient).toBe(false);
  });

  it('accepts trials with their own width per layer and their own Adam β\'s, padding each layer to its widest trial', () => {
    const support = supportsFused([trial({ hiddenLayers: 3, units: 8, units2: 16, units3: 4 }), trial({ hiddenLayers: 3, units: 16, units2: 8, beta1: 0.8, beta2: 0.99 }), trial({ hiddenLayers: 3, units: 6 })], context);
    expect(support.supported).toBe(true);
    if (support.supported) {
      expect(support.structure.hiddenWidths).toEqual([16, 16, 16]);
      expect(support.structure.hiddenWidth).toBe(16);
    }
    const narrow = supportsFused([trial({ hiddenLayers: 2, units: 8, units2: 4 }), trial({ hiddenLayers: 2, units: 6, units2: 3 })], context);
    expect(narrow.supported && narrow.structure.hiddenWidths).toEqual([8, 4]);
  });

  it('refuses a later layer wider than 128 units', () => {
    const support = supportsFused([trial({ hiddenLayers: 2, units: 16, units2: 129 })], context);
    expect(support.supported ? '' : support.reason).toMatch(/128 units/);
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
