import { describe, expect, it } from 'vitest';
import type { LayerWeights } from '../../../src/lib/core/networkWeights';
import { firstLayerWeights, kernelNorm, nearZeroShare, runKernelNorm, secondsPerEpoch } from '../../../src/lib/lessons/weightMeasures';

const layer = (inputs: number, units: number, kernel: number[], bias: number[] = new Array<number>(units).fill(5)): LayerWeights => ({
  inputs,
  units,
  kernel: Float32Array.from(kernel),
  bias: Float32Array.from(bias),
});
const epochs = (count: number) => Array.from({ length: count }, (_, index) => ({ epoch: index + 1, trainLoss: 0.5, validationLoss: 0.6 }));

describe('the weight measures', () => {
  it('the kernel norm is the Euclidean norm of every kernel weight and leaves the biases out', () => {
    const layers = [layer(2, 1, [3, 0]), layer(1, 1, [4])];
    expect(kernelNorm(layers)).toBeCloseTo(5, 6);
    expect(kernelNorm(undefined)).toBeNaN();
    expect(kernelNorm([])).toBeNaN();
  });

  it('the first layer weights are that layer kernel alone, empty without weights', () => {
    expect(firstLayerWeights([layer(2, 2, [1, -2, 0.5, 0]), layer(2, 1, [9, 9])])).toEqual([1, -2, 0.5, 0]);
    expect(firstLayerWeights(undefined)).toEqual([]);
  });

  it('the near-zero share counts kernel weights under the threshold in size, of either sign, over every layer', () => {
    const layers = [layer(2, 2, [0.001, -0.005, 0.5, -0.02]), layer(2, 1, [0, 3])];
    expect(nearZeroShare(layers, 0.01)).toBeCloseTo(3 / 6, 9);
    expect(nearZeroShare(layers, 0.001)).toBeCloseTo(1 / 6, 9);
    expect(nearZeroShare(undefined, 0.01)).toBeNaN();
  });

  it('a run kernel norm reads its single trial, NaN when it kept no weights', () => {
    expect(runKernelNorm([{ params: {}, state: 'complete', epochs: epochs(2), weights: [layer(1, 2, [0.6, 0.8])] }])).toBeCloseTo(1, 6);
    expect(runKernelNorm([{ params: {}, state: 'complete', epochs: epochs(2) }])).toBeNaN();
    expect(runKernelNorm(undefined)).toBeNaN();
  });

  it('seconds per epoch divide the measured duration by the finished epochs, NaN when not measured or none finished', () => {
    expect(secondsPerEpoch([{ params: {}, state: 'complete', epochs: epochs(4), durationMs: 2000 }])).toBeCloseTo(0.5, 9);
    expect(secondsPerEpoch([{ params: {}, state: 'complete', epochs: epochs(4) }])).toBeNaN();
    expect(secondsPerEpoch([{ params: {}, state: 'failed', epochs: [], durationMs: 100 }])).toBeNaN();
    expect(secondsPerEpoch([])).toBeNaN();
  });
});
