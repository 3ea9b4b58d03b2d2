import { describe, expect, it } from 'vitest';
import { fusedLayout, type FusedStructure } from '../../../../src/lib/training/fused/fusedLayout';
import { rowwiseCost, rowwiseLimit } from '../../../../src/lib/training/fused/fusedRowwise';
import { fusedShader } from '../../../../src/lib/training/fused/fusedShader';
import { supportsFused } from '../../../../src/lib/training/fused/supportsFused';
import { defaultModelSettings } from '../../../../src/lib/core/modelSettings';

const structure: FusedStructure = { featureCount: 2, outputCount: 2, classification: true, hiddenLayers: 2, hiddenWidth: 4, activation: 'sigmoid', rows: 32, workgroupSize: 32, dropout: false, penalty: false, keepBest: false, local: true, rowwise: true };

describe('fusedRowwise', () => {
  it('keeps one delta region per layer after the outputs, so the gradient sums can read them all after one barrier', () => {
    const layout = fusedLayout(structure);
    const firstDelta = layout.outputs + 32 * 2;
    expect(layout.layerDeltas).toEqual([firstDelta, firstDelta + 32 * 4, firstDelta + 2 * 32 * 4]);
    expect(layout.scratchStride).toBe(firstDelta + 3 * 32 * 4);
    expect(fusedLayout({ ...structure, rowwise: false }).layerDeltas).toEqual([]);
  });

  it('reads every weight at a constant index and masks sigmoid units past the trial\'s width of that layer', () => {
    const code = fusedShader(structure);
    expect(code).toContain('fn trainRow(');
    expect(code).not.toContain('fn forwardPass(');
    // First hidden unit of layer 1: inputs 0 and 1 at kernel words 0 and 4, bias at word 8.
    expect(code).toContain('let a1_0 = select(0.0, activate(a0_0 * localWeights[0u] + a0_1 * localWeights[4u] + localWeights[8u]), 0u < units[0]);');
    expect(fusedShader({ ...structure, activation: 'tanh' })).toContain('let a1_0 = activate(a0_0 * localWeights[0u]');
  });

  it('is chosen for small networks only, by the forward multiply-adds per row', () => {
    expect(rowwiseCost({ featureCount: 2, outputCount: 2, hiddenLayers: 2, hiddenWidth: 16 })).toBe(2 * 16 + 16 * 16 + 16 * 2);
    const trial = (units: number) => ({ settings: { ...defaultModelSettings, hiddenLayers: 2, units } });
    const support = (units: number) => supportsFused([trial(units)], { featureCount: 2, classCount: 2, trainCount: 320 });
    const small = support(16);
    const large = support(64);
    expect(small.supported && small.structure.rowwise).toBe(true);
    expect(rowwiseCost({ featureCount: 2, outputCount: 2, hiddenLayers: 2, hiddenWidth: 64 })).toBeGreaterThan(rowwiseLimit);
    expect(large.supported && large.structure.rowwise).toBe(false);
  });

  it('counts the forward multiply-adds over each layer\'s padded width, so narrow later layers keep a net rowwise', () => {
    expect(rowwiseCost({ featureCount: 2, outputCount: 3, hiddenLayers: 3, hiddenWidth: 16, hiddenWidths: [16, 8, 4] })).toBe(2 * 16 + 16 * 8 + 8 * 4 + 4 * 3);
    const trial = (units: number, units2: number) => ({ settings: { ...defaultModelSettings, hiddenLayers: 2, units, units2 } });
    // 64 then 4 units: 2·64 + 64·4 + 4·2 = 392 multiply-adds (64 in both layers would be 4,352).
    const narrowSecond = supportsFused([trial(64, 4)], { featureCount: 2, classCount: 2, trainCount: 320 });
    expect(narrowSecond.supported && narrowSecond.structure.rowwise).toBe(true);
    const wideSecond = supportsFused([trial(64, 4), trial(4, 64)], { featureCount: 2, classCount: 2, trainCount: 320 });
    expect(wideSecond.supported && wideSecond.structure.hiddenWidths).toEqual([64, 64]);
    expect(wideSecond.supported && wideSecond.structure.rowwise).toBe(false);
  });
});
