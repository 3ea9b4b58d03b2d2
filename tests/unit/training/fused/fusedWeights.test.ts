import { describe, expect, it } from 'vitest';
import { defaultModelSettings, type ModelSettings } from '../../../../src/lib/core/modelSettings';
import { initialWeights } from '../../../../src/lib/training/initialWeights';
import { fusedLayout, statusStride, type FusedStructure } from '../../../../src/lib/training/fused/fusedLayout';
import { fusedWidths, packFused } from '../../../../src/lib/training/fused/fusedPacking';
import { unpackTrialWeights } from '../../../../src/lib/training/fused/fusedWeights';
import { spiralTrialData } from '../spiralTrialData';

describe('unpackTrialWeights', () => {
  it('reads each trial of a padded parameter buffer back as the unpadded weights that were packed into it', () => {
    const data = spiralTrialData(40, 2, 4);
    const base: ModelSettings = { ...defaultModelSettings, hiddenLayers: 2, batchSize: 10 };
    const trials = [
      { settings: { ...base, units: 8 }, seed: 3 },
      { settings: { ...base, units: 5 }, seed: 4 },
      { settings: { ...base, units: 3 }, seed: 5 },
    ];
    const options = { ...data, trials };
    const structure: FusedStructure = { featureCount: 2, outputCount: 2, classification: true, hiddenLayers: 2, hiddenWidth: 8, activation: 'relu', rows: 32, workgroupSize: 32, dropout: false, penalty: false, keepBest: false, local: false };
    const layout = fusedLayout(structure);
    const packed = packFused(options, structure, layout, 5, statusStride(5));
    trials.forEach((trial, k) => {
      const widths = fusedWidths(options, structure, k);
      const expected = initialWeights(widths, trial.settings.initializer, trial.seed, 1);
      // Whole buffer at the trial's offset, and the trial's slice alone (what the watched-trial readback copies).
      const fromBuffer = unpackTrialWeights(packed.parameters, k * layout.parameterStride, layout, widths);
      const slice = packed.parameters.slice(k * layout.parameterStride, k * layout.parameterStride + layout.parameterCount);
      for (const layers of [fromBuffer, unpackTrialWeights(slice, 0, layout, widths)]) {
        expect(layers.map((layer) => [layer.inputs, layer.outputs])).toEqual(expected.map((layer) => [layer.inputs, layer.outputs]));
        layers.forEach((layer, index) => {
          expect(Array.from(layer.kernel)).toEqual(Array.from(expected[index].kernel));
          expect(Array.from(layer.bias)).toEqual(new Array(layer.outputs).fill(0));
        });
      }
    });
  });
});
