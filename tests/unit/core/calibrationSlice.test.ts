import { describe, expect, it } from 'vitest';
import { decideBackend, type Measurement } from '../../../src/lib/core/backendDecision';
import { calibrationSlice, calibrationSteps, spread } from '../../../src/lib/core/calibrationSlice';

const rows = (count: number, from = 0) => Array.from({ length: count }, (_, index) => from + index);

describe('calibrationSlice', () => {
  it('keeps two batches of the training rows and the validation rows in the same proportion, and says how much smaller it is', () => {
    // The page's default: 400 spiral points, 320 to train, 80 to validate, batches of 32 (10 steps).
    const slice = calibrationSlice(rows(320), rows(80, 320), 32);
    expect(calibrationSteps).toBe(2);
    expect(slice.trainIndices).toHaveLength(64);
    expect(slice.validationIndices).toHaveLength(16);
    expect(slice.scale).toBe(5);
  });

  it('takes rows spread over the whole set, so classes stored one after another all appear', () => {
    const slice = calibrationSlice(rows(320), rows(80, 320), 32);
    expect(slice.trainIndices[0]).toBe(0);
    expect(slice.trainIndices[63]).toBeGreaterThanOrEqual(310);
    expect(new Set(slice.trainIndices).size).toBe(64);
    expect(slice.validationIndices.every((row) => row >= 320 && row < 400)).toBe(true);
  });

  it('keeps the whole workload when it has no more than the slice, and at least one validation row', () => {
    expect(calibrationSlice(rows(50), rows(10, 50), 32)).toEqual({ trainIndices: rows(50), validationIndices: rows(10, 50), scale: 1 });
    const small = calibrationSlice(rows(2000), rows(3, 2000), 8);
    expect(small.scale).toBe(125);
    expect(small.validationIndices).toHaveLength(1);
    expect(calibrationSlice(rows(1000), [], 10).validationIndices).toEqual([]);
  });

  it('accepts typed arrays of rows, as the trainers pass them', () => {
    expect(spread(Int32Array.from(rows(10)), 5)).toEqual([0, 2, 4, 6, 8]);
    expect(spread(Int32Array.from(rows(3)), 5)).toEqual([0, 1, 2]);
  });
});

describe('decisions on slice rates scaled to the workload', () => {
  // Rates measured on a fifth of the rows (trial-epochs of the slice per second), then divided by the scale.
  const scaled = (entry: Measurement, scale: number): Measurement => ({ ...entry, rate: entry.rate / scale });

  it('decides on scaled rates as it would on whole-epoch rates: the ratio in the reason is unchanged', () => {
    const slice = [{ candidate: 'wasm', rate: 140 }, { candidate: 'webgpu', rate: 3.5 }] satisfies Measurement[];
    const whole = decideBackend(slice.map((entry) => scaled(entry, 5)), { trials: 1, trialEpochs: 50, softwareAdapter: true });
    expect(whole).toMatchObject({ candidate: 'wasm', reason: 'WebGPU here is a software adapter: WASM is 40× faster for hand-training' });
  });

  it('weighs one-off costs, which the slice does not shrink, against the whole job, so a short job can flip the pick', () => {
    const wasm: Measurement = { candidate: 'wasm', rate: 2000 / 5, fixedMs: 20 };
    const fused: Measurement = { candidate: 'fused', rate: 40_000 / 5, fixedMs: 1500 };
    // 64 × 50 trial-epochs: WASM 8.0 s against fused 1.9 s; 64 × 5: WASM 0.8 s against fused 1.5 s.
    expect(decideBackend([wasm, fused], { trials: 64, trialEpochs: 64 * 50, softwareAdapter: true }).candidate).toBe('fused');
    expect(decideBackend([wasm, fused], { trials: 64, trialEpochs: 64 * 5, softwareAdapter: true }).candidate).toBe('wasm');
  });
});
