/**
 * How long a search has left, from the rate it is measured to run at: the work left (trials
 * not started, times a recent trial's duration, plus what the running ones still need) divided
 * by the measured concurrency (busy trial-time per second of wall time). Counting trials in
 * parallel is what the old estimate (mean duration × trials left) missed: with four lanes it
 * said about four times too much (257 s when 54 s remained).
 */
import type { TrialState } from '../core/trial';

/** What the estimate reads of a trial (times in ms since the study started). */
export interface EtaTrial {
  state: TrialState;
  startedAtMs: number;
  endedAtMs: number;
  durationMs: number;
  manual?: boolean;
}

/** How many of the latest ended trials give the typical duration: recent ones follow a drift (larger models later). */
export function durationWindow(lanes: number): number {
  return Math.max(6, 2 * lanes);
}

/**
 * Milliseconds left until `budget` trials have ended, or null before the first trial ends.
 * The lanes (measured concurrency, rounded) are played forward: each running trial needs a
 * typical duration less what it has run, then each lane takes the next trial after the
 * measured gap, and the estimate is when the last lane is done; so the tail, where lanes fall
 * idle, is not divided among lanes that have nothing left to do.
 */
export function estimateRemainingMs(trials: readonly EtaTrial[], budget: number, nowMs: number): number | null {
  const searched = trials.filter((trial) => !trial.manual);
  const ended = searched.filter((trial) => trial.state !== 'running' && trial.state !== 'queued').sort((a, b) => a.endedAtMs - b.endedAtMs);
  const running = searched.filter((trial) => trial.state === 'running');
  if (ended.length === 0 || nowMs <= 0) return null;
  const queued = Math.max(0, budget - ended.length - running.length);
  if (queued === 0 && running.length === 0) return 0;
  // Busy trial-time per wall second: about the number of lanes, less the gaps between trials.
  let busy = 0;
  for (const trial of ended) busy += trial.durationMs;
  for (const trial of running) busy += Math.max(0, nowMs - trial.startedAtMs);
  const lanes = Math.max(1, Math.round(busy / nowMs), running.length);
  const gap = Math.max(0, (lanes * nowMs - busy) / (ended.length + running.length));
  const recent = ended.slice(-durationWindow(lanes));
  const typical = recent.reduce((sum, trial) => sum + trial.durationMs, 0) / recent.length;
  const free = running.map((trial) => Math.max(0, typical - (nowMs - trial.startedAtMs)));
  while (free.length < lanes) free.push(0);
  for (let trial = 0; trial < queued; trial++) {
    let soonest = 0;
    for (let lane = 1; lane < lanes; lane++) if (free[lane] < free[soonest]) soonest = lane;
    free[soonest] += gap + typical;
  }
  let last = 0;
  for (const time of free) last = Math.max(last, time);
  return last;
}

/** The estimate that was shown before: the mean duration of ended trials times the trials left. */
export function naiveRemainingMs(trials: readonly EtaTrial[], budget: number): number | null {
  const ended = trials.filter((trial) => !trial.manual && trial.state !== 'running' && trial.state !== 'queued');
  if (ended.length === 0) return null;
  return (ended.reduce((sum, trial) => sum + trial.durationMs, 0) / ended.length) * Math.max(0, budget - ended.length);
}
