import { describe, expect, it } from 'vitest';
import { defaultModelSettings } from '../../../../src/lib/core/modelSettings';
import { fusedLayout, packTrialSettings, trialSettingsWords } from '../../../../src/lib/training/fused/fusedLayout';
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

  it('packs a trial as 18 words: integers, then rates and the update coefficients', () => {
    const view = new DataView(new ArrayBuffer(trialSettingsWords * 4));
    packTrialSettings({ ...defaultModelSettings, units: 7, batchSize: 500, learningRate: 0.25, optimizer: 'sgd' }, 9, 320, view, 0);
    expect([0, 1, 2, 5].map((word) => view.getUint32(word * 4, true))).toEqual([7, 320, defaultModelSettings.epochs, 9]);
    expect(view.getFloat32(7 * 4, true)).toBe(0.25);
    expect(Array.from({ length: 8 }, (_, i) => view.getFloat32((10 + i) * 4, true))).toEqual([0, 1, 0, 0, 0, 0, 1, 0]);
  });
});
