import { describe, expect, it } from 'vitest';
import { defaultModelSettings, type ModelSettings } from '../../../../src/lib/core/modelSettings';
import { fusedLayout, packTrialSettings, populationWidths, trialSettingsWords } from '../../../../src/lib/training/fused/fusedLayout';
import { fusedShader } from '../../../../src/lib/training/fused/fusedShader';

describe('fusedLayout', () => {
  it('lays parameters and scratch regions end to end without overlap', () => {
    const structure = { featureCount: 3, outputCount: 4, classification: true, hiddenLayers: 2, hiddenWidth: 8, activation: 'relu' as const, rows: 32, workgroupSize: 32, dropout: false, penalty: false, keepBest: true, local: false };
    const layout = fusedLayout(structure);
    expect(layout.layers.map((layer) => [layer.inputs, layer.outputs, layer.kernel, layer.bias])).toEqual([
      [3, 8, 0, 24],
      [8, 8, 32, 96],
      [8, 4, 104, 136],
    ]);
    expect(layout.parameterCount).toBe(140);
    expect(layout.parameterStride).toBe(4 * 140);
    expect(layout.hiddenActivations).toEqual([0, 256]);
    expect(layout.outputs).toBe(512);
    expect(layout.deltas).toEqual([640, 896]);
    expect(layout.scratchStride).toBe(1152);
    expect(fusedShader(structure)).toContain('@compute @workgroup_size(32)');
    expect(fusedShader(structure)).toContain('storageBarrier()');
    expect(fusedShader({ ...structure, local: true })).toContain('var<workgroup> localWeights: array<f32, 420>');
    expect(fusedShader({ ...structure, local: true })).not.toContain('storageBarrier()');
  });

  it('packs a trial as 25 words: six layer widths, integers, then rates and the update coefficients', () => {
    const view = new DataView(new ArrayBuffer(trialSettingsWords * 4));
    packTrialSettings({ ...defaultModelSettings, hiddenLayers: 3, units: 7, units2: 3, batchSize: 500, learningRate: 0.25, optimizer: 'sgd' }, 9, 320, view, 0);
    // Layer 3's width 0 means "as wide as layer 1"; layers past the depth are 0.
    expect(Array.from({ length: 6 }, (_, i) => view.getUint32(i * 4, true))).toEqual([7, 3, 7, 0, 0, 0]);
    expect([6, 7, 10].map((word) => view.getUint32(word * 4, true))).toEqual([320, defaultModelSettings.epochs, 9]);
    expect(view.getFloat32(12 * 4, true)).toBe(0.25);
    expect(Array.from({ length: 8 }, (_, i) => view.getFloat32((15 + i) * 4, true))).toEqual([0, 1, 0, 0, 0, 0, 1, 0]);
    expect([view.getUint32(23 * 4, true), view.getFloat32(24 * 4, true)]).toEqual([0, 0]);
  });

  it('packs a hypergradient trial with its base rule\'s coefficients, a flag and its rate β', () => {
    const view = new DataView(new ArrayBuffer(trialSettingsWords * 4));
    packTrialSettings({ ...defaultModelSettings, optimizer: 'adam-hd', hypergradientRate: 0.0625 }, 1, 320, view, 0);
    expect(Array.from({ length: 8 }, (_, i) => view.getFloat32((15 + i) * 4, true))).toEqual([0.9, 1 - 0.9, 0.999, 1 - 0.999, 0.9, 0.999, 0, 1e-7].map(Math.fround));
    expect([view.getUint32(23 * 4, true), view.getFloat32(24 * 4, true)]).toEqual([1, 0.0625]);
    packTrialSettings({ ...defaultModelSettings, optimizer: 'sgd-hd', hypergradientRate: 0.5 }, 1, 320, view, 0);
    expect(Array.from({ length: 8 }, (_, i) => view.getFloat32((15 + i) * 4, true))).toEqual([0, 1, 0, 0, 0, 0, 1, 0]);
    expect([view.getUint32(23 * 4, true), view.getFloat32(24 * 4, true)]).toEqual([1, 0.5]);
  });

  it('gives hypergradient structures a previous-direction block after the others, and a shader that gathers before it steps', () => {
    const structure = { featureCount: 3, outputCount: 4, classification: true, hiddenLayers: 2, hiddenWidth: 8, activation: 'relu' as const, rows: 32, workgroupSize: 32, dropout: false, penalty: false, keepBest: true, local: false };
    expect(fusedLayout(structure).previous).toBe(0);
    const layout = fusedLayout({ ...structure, hypergradient: true });
    expect([layout.parameterStride, layout.previous]).toEqual([5 * 140, 4 * 140]);
    expect(fusedLayout({ ...structure, keepBest: false, hypergradient: true }).previous).toBe(3 * 140);
    for (const rowwise of [false, true]) {
      const code = fusedShader({ ...structure, hypergradient: true, rowwise });
      expect(code).toContain('gather(w, k, sum)');
      expect(code).not.toContain('applyUpdate(w, k,');
      expect(code).toContain('rate += setting.hypergradientRate * workgroupSum(partial)');
      expect(code.indexOf('rate += setting.hypergradientRate')).toBeLessThan(code.indexOf('statusWrite(trial, record + 4u, rate)'));
    }
    expect(fusedShader(structure)).not.toContain('gather(');
  });

  it('packs a trial\'s own Adam β\'s as its decay rates and bias-correction bases', () => {
    const view = new DataView(new ArrayBuffer(trialSettingsWords * 4));
    packTrialSettings({ ...defaultModelSettings, optimizer: 'adam', beta1: 0.8, beta2: 0.99 }, 1, 320, view, 0);
    const coefficients = Array.from({ length: 8 }, (_, i) => view.getFloat32((15 + i) * 4, true));
    expect(coefficients).toEqual([0.8, 1 - 0.8, 0.99, 1 - 0.99, 0.8, 0.99, 0, 1e-7].map(Math.fround));
  });

  it('pads each hidden layer to the widest trial in that layer, not to the widest layer overall', () => {
    const trial = (settings: Partial<ModelSettings>) => ({ settings: { ...defaultModelSettings, hiddenLayers: 3, ...settings } });
    const widths = populationWidths([trial({ units: 8, units2: 16, units3: 4 }), trial({ units: 16, units2: 8, units3: 8 }), trial({ units: 12 })]);
    expect(widths).toEqual([16, 16, 12]);
    const structure = { featureCount: 2, outputCount: 3, classification: true, hiddenLayers: 3, hiddenWidth: 16, hiddenWidths: widths, activation: 'relu' as const, rows: 32, workgroupSize: 32, dropout: false, penalty: false, keepBest: false, local: false };
    const layout = fusedLayout(structure);
    expect(layout.layers.map((layer) => [layer.inputs, layer.outputs, layer.kernel, layer.bias])).toEqual([
      [2, 16, 0, 32],
      [16, 16, 48, 304],
      [16, 12, 320, 512],
      [12, 3, 524, 560],
    ]);
    expect(layout.parameterCount).toBe(563);
    // Hidden activations keep the widest layer's row stride.
    expect(layout.hiddenActivations).toEqual([0, 32 * 16, 2 * 32 * 16]);
    expect(fusedShader(structure)).toContain('units: Widths');
  });
});
