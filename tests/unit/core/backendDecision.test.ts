import { describe, expect, it } from 'vitest';
import { calibrationKey, decideBackend, formatRatio, mlpParameters, predictedMs, followHandChoice, type CalibratedChoice, type Measurement } from '../../../src/lib/core/backendDecision';

const software = { trials: 1, trialEpochs: 50, softwareAdapter: true };
const hardware = { trials: 1, trialEpochs: 50, softwareAdapter: false };

describe('decideBackend', () => {
  it('picks WASM over a software WebGPU adapter and says the adapter is software, with the measured ratio', () => {
    const measurements: Measurement[] = [
      { candidate: 'wasm', rate: 28 },
      { candidate: 'cpu', rate: 9 },
      { candidate: 'webgl', rate: 3 },
      { candidate: 'webgpu', rate: 0.7 },
    ];
    const decision = decideBackend(measurements, software);
    expect(decision).toMatchObject({ candidate: 'wasm', backend: 'wasm' });
    expect(decision.reason).toBe('WebGPU here is a software adapter: WASM is 40× faster for hand-training');
  });

  it('gives no ratio against a backend that had no epoch within its wait, and says so', () => {
    const decision = decideBackend([{ candidate: 'wasm', rate: 5.6, fixedMs: 1700 }, { candidate: 'fused', rate: 7.6, bound: true }], { trials: 4, trialEpochs: 20, softwareAdapter: true });
    expect(decision.reason).toBe("WebGPU here is a software adapter: WASM is faster for this search (4 trials at once) (fused WebGPU had not finished an epoch within the calibration's wait)");
    const hardwareDecision = decideBackend([{ candidate: 'wasm', rate: 5.6 }, { candidate: 'webgl', rate: 9, bound: true }], hardware);
    expect(hardwareDecision.reason).toBe("WASM: faster for hand-training (WebGL had not finished an epoch within the calibration's wait)");
  });

  it('picks the fused kernel for a search when it measures fastest, compared with the runner-up, on WebGPU', () => {
    const measurements: Measurement[] = [
      { candidate: 'wasm', rate: 30 },
      { candidate: 'cpu', rate: 10 },
      { candidate: 'fused', rate: 750 },
    ];
    const decision = decideBackend(measurements, { trials: 12, trialEpochs: 600, softwareAdapter: true });
    expect(decision).toMatchObject({ candidate: 'fused', backend: 'webgpu' });
    expect(decision.reason).toBe('fused WebGPU: 25× faster than WASM for this search (12 trials at once)');
  });

  it('names the runner-up, not WebGPU, when the adapter is real hardware', () => {
    const decision = decideBackend([{ candidate: 'webgpu', rate: 5 }, { candidate: 'webgl', rate: 12 }, { candidate: 'wasm', rate: 8 }], hardware);
    expect(decision.candidate).toBe('webgl');
    expect(decision.reason).toBe('WebGL: 1.5× faster than WASM for hand-training');
  });

  it('ignores backends that failed and says when only one could train', () => {
    const decision = decideBackend([{ candidate: 'webgpu', rate: 0, error: 'no adapter' }, { candidate: 'cpu', rate: 4 }], hardware);
    expect(decision).toEqual({ candidate: 'cpu', backend: 'cpu', reason: 'only CPU could train here (WebGPU: no adapter)' });
  });

  it('leads with why WebGPU could not start when it could not', () => {
    const measurements: Measurement[] = [{ candidate: 'wasm', rate: 30 }, { candidate: 'cpu', rate: 10 }, { candidate: 'webgpu', rate: 0, error: 'this browser has no WebGPU' }];
    expect(decideBackend(measurements, hardware).reason).toBe('this browser has no WebGPU; WASM: 3.0× faster than CPU for hand-training');
  });

  it('says the fused kernel was not compiled because its predicted compile outlasts the whole job, with both times', () => {
    const measurements: Measurement[] = [
      { candidate: 'wasm', rate: 60, fixedMs: 100 },
      { candidate: 'cpu', rate: 0, error: 'not measured: WASM runs the same kernels compiled' },
      { candidate: 'fused', rate: 0, compileMs: 9_400, error: 'not measured: compiling its kernels would take about 9.4 s here, longer than this whole job on WASM' },
    ];
    const decision = decideBackend(measurements, { trials: 4, trialEpochs: 200, softwareAdapter: true });
    expect(decision).toMatchObject({ candidate: 'wasm', backend: 'wasm' });
    expect(decision.reason).toBe("WebGPU here is a software adapter: WASM for this search (4 trials at once): compiling the fused WebGPU kernel would take about 9.4 s here, longer than the whole job takes on WASM (3.4 s)");
  });

  it("says TF.js's WebGPU kernels were not compiled for hand-training when their predicted compile outlasts the job", () => {
    const measurements: Measurement[] = [
      { candidate: 'wasm', rate: 6.3, fixedMs: 300 },
      { candidate: 'webgpu', rate: 0, compileMs: 75_000, error: 'not measured: compiling its kernels would take about 75.0 s here, longer than this whole job on WASM' },
    ];
    expect(decideBackend(measurements, software).reason).toBe("WebGPU here is a software adapter: WASM for hand-training: compiling TF.js's WebGPU kernels would take about 75 s here, longer than the whole job takes on WASM (8.2 s)");
    expect(decideBackend(measurements, hardware).reason).toBe("WASM for hand-training: compiling TF.js's WebGPU kernels would take about 75 s here, longer than the whole job takes on WASM (8.2 s)");
  });

  it('keeps the earlier candidate on a tie, and throws when nothing could train', () => {
    expect(decideBackend([{ candidate: 'wasm', rate: 10 }, { candidate: 'cpu', rate: 10 }], hardware).candidate).toBe('wasm');
    expect(() => decideBackend([{ candidate: 'wasm', rate: 0, error: 'x' }], hardware)).toThrow(/no backend/);
  });
});

describe('decideBackend on predicted time (one-off cost plus steady epochs)', () => {
  // Hand-made timings shaped like this machine's: WASM starts at once, the fused kernel compiles for seconds first.
  const wasm: Measurement = { candidate: 'wasm', rate: 1000, fixedMs: 50 };
  const fused: Measurement = { candidate: 'fused', rate: 20_000, fixedMs: 8000 };
  const search = (epochs: number) => ({ trials: 64, trialEpochs: 64 * epochs, softwareAdapter: false });

  it('predicts a job as its one-off cost plus its trial-epochs at the steady rate', () => {
    expect(predictedMs(fused, 64 * 50)).toBeCloseTo(8000 + 160, 6);
    expect(predictedMs(wasm, 100)).toBeCloseTo(150, 6);
    expect(predictedMs({ candidate: 'cpu', rate: 0, error: 'x' }, 10)).toBe(Infinity);
  });

  it('lets the fused kernel win a long search even with an 8 s compile', () => {
    // 64 trials × 500 epochs: WASM 32.05 s, fused 8 s + 1.6 s.
    const decision = decideBackend([wasm, fused], search(500));
    expect(decision).toMatchObject({ candidate: 'fused', backend: 'webgpu' });
    expect(decision.reason).toBe('fused WebGPU: 3.3× faster than WASM for this search (64 trials at once)');
  });

  it('keeps WASM for a 3-epoch search, where the compile outweighs the faster epochs, and says so', () => {
    // 64 trials × 3 epochs: WASM 0.24 s, fused 8.01 s.
    const decision = decideBackend([wasm, fused], search(3));
    expect(decision.candidate).toBe('wasm');
    expect(decision.reason).toBe("WASM: 33× faster than fused WebGPU for this search (64 trials at once); fused WebGPU's one-off 8.0 s start outweighs so short a job");
  });

  it('changes its pick where the predicted times cross, about 8,000 ms ÷ (1/1,000 − 1/20,000 s) ≈ 8,400 trial-epochs', () => {
    expect(decideBackend([wasm, fused], { trials: 64, trialEpochs: 8300, softwareAdapter: false }).candidate).toBe('wasm');
    expect(decideBackend([wasm, fused], { trials: 64, trialEpochs: 8500, softwareAdapter: false }).candidate).toBe('fused');
  });

  it('never lets an upper-bound measurement beat an exact one, however fast its bound', () => {
    const slow: Measurement = { candidate: 'cpu', rate: 10, fixedMs: 0 };
    const unfinished: Measurement = { candidate: 'fused', rate: 1e6, fixedMs: 0, bound: true };
    expect(decideBackend([slow, unfinished], search(50)).candidate).toBe('cpu');
    expect(decideBackend([{ ...slow, bound: true }, unfinished], search(50)).candidate).toBe('fused');
  });
});

describe('formatRatio', () => {
  it('rounds ratios of ten and more to whole numbers and keeps one decimal below', () => {
    expect(formatRatio(40.4)).toBe('40×');
    expect(formatRatio(2.46)).toBe('2.5×');
    expect(formatRatio(Infinity)).toBe('far');
  });
});

describe('calibrationKey', () => {
  const shape = { trials: 12, parameters: mlpParameters(2, 2, 16, 2), rows: 320, batchSize: 32 };

  it('shares one key within a bucket of trials and steps (powers of two) and parameters (powers of 16), and splits by adapter', () => {
    expect(calibrationKey(shape, 'google swiftshader')).toBe(calibrationKey({ ...shape, trials: 16, parameters: 4096, rows: 300 }, 'google swiftshader'));
    expect(calibrationKey(shape, 'a')).toMatch(/^k16-p4096-s16\|a$/);
    expect(calibrationKey(shape, 'a')).not.toBe(calibrationKey({ ...shape, parameters: 4097 }, 'a'));
    expect(calibrationKey(shape, 'a')).not.toBe(calibrationKey({ ...shape, parameters: 256 }, 'a'));
    expect(calibrationKey(shape, 'google swiftshader')).not.toBe(calibrationKey({ ...shape, trials: 17 }, 'google swiftshader'));
    expect(calibrationKey(shape, 'google swiftshader')).not.toBe(calibrationKey(shape, 'nvidia hopper'));
    expect(calibrationKey({ ...shape, trials: 1 }, 'a')).not.toBe(calibrationKey({ ...shape, trials: 2 }, 'a'));
  });

  it('keeps hypergradient workloads apart (they train one by one on TF.js), and old keys unchanged', () => {
    expect(calibrationKey({ ...shape, hypergradient: true }, 'a')).toBe('k16-p4096-s16-hd|a');
    expect(calibrationKey({ ...shape, hypergradient: false }, 'a')).toBe(calibrationKey(shape, 'a'));
  });

  it('counts an MLP\'s weights and biases layer by layer', () => {
    expect(mlpParameters(2, 2, 16, 2)).toBe(3 * 16 + 17 * 16 + 17 * 2);
    expect(mlpParameters(4, 0, 16, 1)).toBe(5);
  });
});

describe('followHandChoice', () => {
  const hand = (backend: 'wasm' | 'webgpu', reason: string): CalibratedChoice => ({
    trials: 1,
    trialEpochs: 30,
    decision: { candidate: backend, backend, reason },
    measurements: [],
    key: 'k1',
    cached: false,
    elapsedMs: 100,
    oneOffMs: 0,
    fusedFallback: null,
  });
  const first = hand('wasm', 'WebGPU here is a software adapter: … WASM (8.2 s)');

  it("takes a new hand-training decision's reason where the line gave the previous one's, on the same backend", () => {
    const shown = { name: 'wasm' as const, reason: first.decision.reason, readyMs: 500 };
    expect(followHandChoice(shown, first, hand('wasm', 'newer: WASM (0.4 s)'))).toEqual({ name: 'wasm', reason: 'newer: WASM (0.4 s)', readyMs: 500 });
  });

  it('keeps any other reason (a restart after a lost GPU), the first decision, and a decision for another backend as they are', () => {
    const restarted = { name: 'wasm' as const, reason: 'restarted after a lost GPU' };
    expect(followHandChoice(restarted, first, hand('wasm', 'newer'))).toBe(restarted);
    const shown = { name: 'wasm' as const, reason: first.decision.reason };
    expect(followHandChoice(shown, null, first)).toBe(shown);
    expect(followHandChoice(shown, first, hand('webgpu', 'newer'))).toBe(shown);
    expect(followHandChoice(null, first, hand('wasm', 'newer'))).toBeNull();
  });
});
