import { describe, expect, it } from 'vitest';
import { calibrationCapMs, limitsAfter, measure, waitShare, type Timed } from '../../../src/lib/training/calibrationTiming';
import type { Measurement } from '../../../src/lib/core/backendDecision';

// WASM measured at 50 trial-epochs/s with 100 ms of one-off cost.
const wasm: Measurement = { candidate: 'wasm', rate: 50, fixedMs: 100 };

describe('limitsAfter', () => {
  it('waits for the first backend as long as it takes: there is nothing to fall back on', () => {
    const limits = limitsAfter([], 200, 4, 100, calibrationCapMs);
    expect(limits.firstWaitMs).toBe(20_000);
  });

  it('waits for a later backend a tenth of the best predicted job, when that is within the cap', () => {
    // 200 trial-epochs at 50/s: 4.1 s predicted; a tenth is 410 ms, under the 500 ms cap.
    const limits = limitsAfter([wasm], 200, 4, 100, calibrationCapMs);
    expect(limits.firstWaitMs).toBeCloseTo(waitShare * 4100, 6);
  });

  it('never waits past what is left of the calibration cap, however long the job', () => {
    // 64 × 500 trial-epochs: 640 s predicted, a tenth would be 64 s; 300 ms of the cap are left.
    const limits = limitsAfter([wasm], 32_000, 64, 100, 300);
    expect(limits.firstWaitMs).toBe(300);
    expect(limits.steadyWaitMs(100)).toBe(300);
  });

  it('still gives a later backend its slice when the cap is spent', () => {
    const limits = limitsAfter([wasm], 32_000, 64, 120, -50);
    expect(limits.firstWaitMs).toBe(120);
  });

  it('does not wait past the point where the later backend could no longer win', () => {
    // 4 trial-epochs at 50/s: 180 ms predicted, less than the slice's 200.
    const limits = limitsAfter([wasm], 4, 4, 200, calibrationCapMs);
    expect(limits.firstWaitMs).toBe(180);
  });
});

/** A stand-in training run: its first epoch after `firstMs` (the compile), then one every `epochMs`, until told to stop. */
function fakeRun(firstMs: number, epochMs: number, log: { epochs: number; stoppedAt: number | null }) {
  return async (epochDone: () => boolean, aborted: () => boolean) => {
    await new Promise((resolve) => setTimeout(resolve, firstMs));
    for (;;) {
      log.epochs += 1;
      if (!epochDone() || aborted()) break;
      await new Promise((resolve) => setTimeout(resolve, epochMs));
    }
    log.stoppedAt = log.epochs;
  };
}

describe('measure', () => {
  const limits = { sliceMs: 100, firstWaitMs: 60, steadyWaitMs: () => 100 };

  it('times a run that answers within its wait: the steady rate from the slice, the first epoch\'s extra as one-off', async () => {
    const log = { epochs: 0, stoppedAt: null as number | null };
    const result = await measure(fakeRun(30, 20, log), 4, { ...limits, firstWaitMs: 1_000 });
    expect(result.bound).toBeUndefined();
    // 4 trials per 20 ms epoch: 200 trial-epochs/s (timers are coarse and CI is loaded: within wide bounds).
    expect(result.rate).toBeGreaterThan(20);
    expect(result.rate).toBeLessThan(260);
    expect(log.stoppedAt).not.toBeNull();
  });

  it('gives a bound at the wait for a run still compiling, and without `late` stops it', async () => {
    const log = { epochs: 0, stoppedAt: null as number | null };
    const result = await measure(fakeRun(250, 20, log), 4, limits);
    expect(result.bound).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 400));
    // Stopped at its first epoch: the compile was not measured on.
    expect(log.stoppedAt).toBe(1);
  });

  it('with `late`, lets a run still compiling go on and hands over its exact figures once it has them', async () => {
    const log = { epochs: 0, stoppedAt: null as number | null };
    let late: Timed | null = null;
    const heard = new Promise<void>((resolve) => {
      void measure(fakeRun(250, 20, log), 4, limits, (result) => {
        late = result;
        resolve();
      }).then((result) => expect(result.bound).toBe(true));
    });
    await heard;
    const exact = late as unknown as Timed;
    expect(exact.bound).toBeUndefined();
    expect(exact.rate).toBeGreaterThan(20);
    // The 250 ms compile less one steady epoch is its one-off cost.
    expect(exact.fixedMs).toBeGreaterThan(50);
    expect(log.epochs).toBeGreaterThan(2);
  });
});
