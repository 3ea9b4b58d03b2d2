import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Measurement } from '../../../src/lib/core/backendDecision';
import { defaultModelSettings } from '../../../src/lib/core/modelSettings';
import type { CalibrationWorkload } from '../../../src/lib/training/calibrate';

// The worker's glue without TF.js: the adapter, the backend switch and the measuring are stand-ins;
// the keys, the cache and the decision are the real ones.
const activated: string[] = [];
const calibrated: number[] = [];
/** What the stand-in calibration measures, by trial count: WASM wins one trial, the fused kernel a wave. */
const measured: Record<number, Measurement[]> = {
  1: [{ candidate: 'wasm', rate: 28, fixedMs: 10 }, { candidate: 'webgpu', rate: 0.7, fixedMs: 900 }],
  4: [{ candidate: 'wasm', rate: 30, fixedMs: 10 }, { candidate: 'fused', rate: 750, fixedMs: 300 }],
};

/** Each calibration's background listener, in order; and what the next calibrations measure instead of `measured`. */
const lateListeners: (((late: Measurement) => void) | undefined)[] = [];
let measuredNext: Record<number, Measurement[]> | null = null;

vi.mock('../../../src/lib/training/backend', () => ({
  describeAdapter: async () => ({ name: 'google swiftshader', software: true }),
  activateBackend: async (name: string) => void activated.push(name),
  discardWebGPU: () => undefined,
}));
vi.mock('../../../src/lib/training/calibrate', async (original) => ({
  ...(await original<typeof import('../../../src/lib/training/calibrate')>()),
  calibrate: async (workload: CalibrationWorkload, _hints: unknown, options: { onLate?: (late: Measurement) => void } = {}) => {
    calibrated.push(workload.trials.length);
    lateListeners.push(options.onLate);
    return { measurements: (measuredNext ?? measured)[workload.trials.length].map((entry) => ({ ...entry })), elapsedMs: 400, oneOffMs: 100, fusedFallback: null };
  },
}));

const { AutoBackend, defaultWorkload } = await import('../../../src/lib/worker/autoBackend');

const wave = (trials: number, epochs: number): CalibrationWorkload => ({
  data: defaultWorkload().data,
  trials: Array.from({ length: trials }, (_, seed) => ({ settings: { ...defaultModelSettings, epochs }, seed })),
});

describe('AutoBackend', () => {
  beforeEach(() => {
    activated.length = 0;
    calibrated.length = 0;
    lateListeners.length = 0;
    measuredNext = null;
  });

  it('decides hand-training and a search wave apart: each is measured on its own shape and may pick another backend', async () => {
    const auto = new AutoBackend({ pageHasWebGPU: true }, {});
    const hand = await auto.prepare(defaultWorkload());
    const search = await auto.prepare(wave(4, 50));
    expect(calibrated).toEqual([1, 4]);
    expect(hand?.choice.decision).toMatchObject({ candidate: 'wasm', backend: 'wasm' });
    expect(hand?.choice.decision.reason).toMatch(/^WebGPU here is a software adapter: WASM is \d+× faster for hand-training$/);
    expect(search?.choice.decision).toMatchObject({ candidate: 'fused', backend: 'webgpu' });
    expect(search?.choice.decision.reason).toMatch(/^fused WebGPU: [\d.]+× faster than WASM for this search \(4 trials at once\)$/);
    expect(hand?.choice.key).not.toBe(search?.choice.key);
    expect(activated).toEqual(['wasm', 'webgpu']);
  });

  it('switches back to the hand-training choice after a wave, without measuring again', async () => {
    const auto = new AutoBackend({ pageHasWebGPU: true }, {});
    await auto.prepare(defaultWorkload());
    await auto.prepare(wave(4, 50));
    const again = await auto.prepare(defaultWorkload());
    expect(calibrated).toEqual([1, 4]);
    expect(again).toMatchObject({ fresh: false, choice: { decision: { backend: 'wasm' } } });
    expect(activated).toEqual(['wasm', 'webgpu', 'wasm']);
  });

  it('decides a shorter wave of the same shape again on the same measurement, where the one-off cost can change the pick', async () => {
    const auto = new AutoBackend({ pageHasWebGPU: true }, {});
    const long = await auto.prepare(wave(4, 50));
    const short = await auto.prepare(wave(4, 1));
    expect(calibrated).toEqual([4]);
    // 4 × 1 trial-epochs: WASM 10 ms + 133 ms against fused 300 ms + 5 ms.
    expect(long?.choice.decision.candidate).toBe('fused');
    expect(short).toMatchObject({ fresh: true, choice: { decision: { candidate: 'wasm' } } });
  });

  it('takes measurements cached on an earlier visit instead of measuring, and says they are cached', async () => {
    const first = new AutoBackend({ pageHasWebGPU: true }, {});
    const measuredBefore = await first.prepare(wave(4, 50));
    const cache = { [measuredBefore?.choice.key ?? '']: measured[4] };
    calibrated.length = 0;
    const later = await new AutoBackend({ pageHasWebGPU: true }, cache).prepare(wave(4, 50));
    expect(calibrated).toEqual([]);
    expect(later?.choice).toMatchObject({ cached: true, elapsedMs: 0, decision: { candidate: 'fused' } });
  });

  it('starts a wave on WASM while the fused kernel is still compiling, and gives the next wave to it once its late figures beat WASM', async () => {
    // The fused kernel had no epoch within its wait: a bound, which loses to WASM's exact figure.
    measuredNext = { 4: [{ candidate: 'wasm', rate: 30, fixedMs: 10 }, { candidate: 'fused', rate: 5, fixedMs: 0, bound: true }] };
    const heard: string[] = [];
    const auto = new AutoBackend({ pageHasWebGPU: true }, {}, (choice) => heard.push(choice.decision.candidate));
    const first = await auto.prepare(wave(4, 50));
    expect(first?.choice.decision.candidate).toBe('wasm');
    expect(activated).toEqual(['wasm']);
    // Measured on in the background: 750 trial-epochs/s, its compile paid.
    lateListeners[0]?.({ candidate: 'fused', rate: 750, fixedMs: 300 });
    expect(heard).toEqual(['fused']);
    const second = await auto.prepare(wave(4, 50));
    expect(calibrated).toEqual([4]);
    expect(second).toMatchObject({ fresh: true, choice: { decision: { candidate: 'fused', backend: 'webgpu' } } });
    expect(second?.choice.measurements.find((entry) => entry.candidate === 'fused')).toEqual({ candidate: 'fused', rate: 750, fixedMs: 300 });
    expect(activated).toEqual(['wasm', 'webgpu']);
  });

  it('keeps WASM for later waves when the fused kernel\'s late figures are slower, and the page still hears them', async () => {
    measuredNext = { 4: [{ candidate: 'wasm', rate: 60, fixedMs: 10 }, { candidate: 'fused', rate: 5, fixedMs: 0, bound: true }] };
    const heard: string[] = [];
    const auto = new AutoBackend({ pageHasWebGPU: true }, {}, (choice) => heard.push(`${choice.decision.candidate}: ${choice.measurements.map((entry) => entry.rate).join(', ')}`));
    await auto.prepare(wave(4, 50));
    lateListeners[0]?.({ candidate: 'fused', rate: 12, fixedMs: 4000 });
    expect(heard).toEqual(['wasm: 60, 12']);
    const second = await auto.prepare(wave(4, 50));
    expect(second?.choice.decision.candidate).toBe('wasm');
    expect(second?.choice.decision.reason).toMatch(/WASM is [\d.]+× faster for this search/);
  });
});
