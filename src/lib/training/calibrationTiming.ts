/**
 * The timing behind "fastest available": how long a backend is waited for and measured, and the
 * measuring of one run (its one-off cost, its steady rate, or a bound, and the figures a run cut
 * short gives when let go on in the background). Used by training/calibrate.ts.
 */
import { predictedMs, type Measurement } from '../core/backendDecision';

/**
 * The calibration's own time at most (ms): measuring, and waiting for a later backend's first
 * epochs once one backend has measured. Start-ups and compiles are one-off costs, paid once per
 * page by whichever backend is used, and a GPU still compiling at the cap goes on measuring in the
 * background (see CalibrationOptions.onLate).
 */
export const calibrationCapMs = 500;

/** Longest wait for a first epoch (one-off costs included), and for the first steady one, while no backend has measured yet (ms). */
const firstEpochCapMs = 20_000;
const steadyEpochCapMs = 5_000;

/** How long one backend is measured: its slice of steady epochs, and how long to wait for the first epoch and the first steady one. */
export interface Limits {
  sliceMs: number;
  firstWaitMs: number;
  /** Given the first epoch's duration: how long to wait for one steady epoch. */
  steadyWaitMs: (firstMs: number) => number;
}

/** A measurement's result, without its record-keeping fields. */
export type Timed = Pick<Measurement, 'rate' | 'fixedMs' | 'bound'>;

/** Longest a measurement left running in the background may take to give its exact figures (ms). */
const lateCapMs = 60_000;

/**
 * Trains through `run` and times it: the first epoch carries the one-off costs (building the
 * trainer, compiling, the first dispatch); the epochs after it in the slice give the steady rate,
 * and the one-off cost is the first epoch less one steady epoch. A run that has no first epoch, or
 * no steady one, by its wait gets an upper-bound rate (`bound`); with `late`, it is not stopped
 * then but goes on in the background, and `late` hears its exact figures once it has them (or
 * the bound again after lateCapMs).
 */
export async function measure(run: (epochDone: () => boolean, aborted: () => boolean) => Promise<void>, trials: number, limits: Limits, late?: (result: Timed) => void): Promise<Timed> {
  const started = performance.now();
  const stamps: number[] = [];
  let stopped = false;
  let finished = false;
  let sliceEnd = Infinity;
  let notify: () => void = () => {};
  const epochDone = () => {
    stamps.push(performance.now());
    notify();
    return !stopped && !(stamps.length >= 2 && performance.now() >= sliceEnd);
  };
  void run(epochDone, () => stopped).catch(() => undefined).finally(() => {
    finished = true;
    notify();
  });
  const waitUntil = async (done: () => boolean, deadline: number) => {
    while (!done() && !finished && performance.now() < deadline) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      await new Promise<void>((resolve) => {
        notify = resolve;
        timer = setTimeout(resolve, Math.max(0, deadline - performance.now()));
      });
      clearTimeout(timer);
    }
  };
  const boundSince = (from: number): Timed => ({ rate: (trials * 1000) / (performance.now() - from), fixedMs: 0, bound: true });
  /** From the first epoch on: the slice of steady epochs, waited for up to `steadyWaitMs`. */
  const steady = async (steadyWaitMs: number): Promise<Timed | null> => {
    const first = stamps[0];
    sliceEnd = first + limits.sliceMs;
    await waitUntil(() => stamps.length >= 2, first + Math.max(limits.sliceMs, steadyWaitMs));
    await waitUntil(() => performance.now() >= sliceEnd, sliceEnd);
    if (stamps.length < 2) return null;
    stopped = true;
    // The run stops at its next epoch's end; an epoch it finishes meanwhile counts too.
    await waitUntil(() => finished, performance.now() + (stamps[stamps.length - 1] - first) / (stamps.length - 1));
    const steadyMs = (stamps[stamps.length - 1] - first) / (stamps.length - 1);
    return { rate: (trials * 1000) / steadyMs, fixedMs: Math.max(0, first - started - steadyMs) };
  };
  /** The background part: the figures a run cut short by its wait gives when let go on. */
  const carryOn = async (): Promise<void> => {
    await waitUntil(() => stamps.length >= 1, started + lateCapMs);
    const result = stamps.length >= 1 ? await steady(steadyEpochCapMs) : null;
    stopped = true;
    late?.(result ?? boundSince(started));
  };
  await waitUntil(() => stamps.length >= 1, started + limits.firstWaitMs);
  if (stamps.length === 0) {
    // Not one epoch yet: the slow backend's work goes on in the background, measured on (`late`) or dropped.
    const bound = boundSince(started);
    if (late && !finished) void carryOn();
    else stopped = true;
    return bound;
  }
  const result = await steady(limits.steadyWaitMs(stamps[0] - started));
  if (result) return result;
  const bound = boundSince(stamps[0]);
  if (late && !finished) void carryOn();
  else stopped = true;
  return bound;
}

/** Longest wait for a later backend, as a share of the best predicted job time so far: calibrating must cost little next to the job. */
export const waitShare = 0.1;

/**
 * The waits for a backend measured after others: its first epoch (one-off costs included), and
 * then one steady epoch, are waited for at most a tenth of the best predicted job time so far
 * and what is left of calibrationCapMs (`leftMs`), at least its slice, and never past the point
 * where it could no longer win. A backend still without its epoch then is marked a bound, which
 * loses to any exact measurement.
 */
export function limitsAfter(measurements: readonly Measurement[], trialEpochs: number, trials: number, sliceMs: number, leftMs: number): Limits {
  let best = Infinity;
  for (const entry of measurements) if (!entry.bound) best = Math.min(best, predictedMs(entry, trialEpochs));
  const epochsEach = trialEpochs / trials;
  // Once one backend has measured, waiting for another also stays within the calibration's own cap.
  const share = Math.min(Math.max(sliceMs, waitShare * best), Number.isFinite(best) ? Math.max(sliceMs, leftMs) : Infinity);
  return {
    sliceMs,
    firstWaitMs: Math.min(firstEpochCapMs, share, best),
    steadyWaitMs: (firstMs) => (epochsEach <= 1 ? 0 : Math.min(steadyEpochCapMs, share, Math.max(0, best - firstMs) / (epochsEach - 1))),
  };
}

