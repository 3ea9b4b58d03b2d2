/**
 * The winner's curse: the best of many noisy scores is partly luck, so the search's winner tends to
 * score worse when trained again, regressing toward the others (Cawley & Talbot 2010, "On
 * over-fitting in model selection"). This retrains the top configurations on fresh seeds, every
 * configuration on the same seeds (a paired comparison), and summarises how the chosen best moves.
 * Pure: the retraining is a callback, the trainer in the page and a fake in tests.
 */
import { createRandom } from '../core/random';
import { maxOf, minOf } from '../core/extent';
import type { Params } from '../core/space';
import { formatNumber } from './describeValue';
import { ranks } from './rank';

/** A configuration the search ranked highly and the score it got there (lower is better). */
export interface Candidate {
  params: Params;
  value: number;
  /** Its trial id, to name it. */
  id?: number;
}

/** Trains params again with a fresh seed and resolves to the objective (non-finite or a rejection = diverged or failed). */
export type Retrain = (params: Params, seed: number) => Promise<number>;

/** One configuration scored again. */
export interface ReplayedCandidate extends Candidate {
  /** Rank in the search (1 = the chosen best). */
  searchRank: number;
  /** Objective on each fresh seed, in seed order; NaN where retraining failed or diverged. */
  values: number[];
  /** Mean, sample standard deviation, lowest and highest of the finite fresh values (NaN when none). */
  mean: number;
  std: number;
  low: number;
  high: number;
  /** Rank by mean on the fresh seeds (1 = best; configurations with no finite value last). */
  freshRank: number;
  /** mean − value: how much worse it scores on fresh seeds than in the search (positive = worse). */
  regression: number;
}

/** What retraining the top configurations showed. */
export interface WinnersCurseResult {
  /** In the search's order (best first). */
  candidates: ReplayedCandidate[];
  /** The fresh seeds, the same for every configuration. */
  seeds: number[];
  /** False when stopped (signal) before every configuration had every seed. */
  complete: boolean;
  /** The chosen best's regression, and the mean regression of the others (NaN with one configuration). */
  winnerRegression: number;
  othersRegression: number;
  /** A sentence for the page, with the numbers. */
  message: string;
}

/** Options of winnersCurse. */
export interface WinnersCurseOptions {
  /** Fresh seeds per configuration. */
  seeds: number;
  /** Seed from which the fresh seeds are drawn. */
  seed: number;
  /** Stops before the next retraining when aborted; the result then says complete: false. */
  signal?: AbortSignal;
  /** Called after each retraining with the number done and the total. */
  onProgress?: (done: number, total: number) => void;
}

function summary(values: number[]): { mean: number; std: number; low: number; high: number } {
  const finite = values.filter((value) => Number.isFinite(value));
  if (finite.length === 0) return { mean: Number.NaN, std: Number.NaN, low: Number.NaN, high: Number.NaN };
  const mean = finite.reduce((sum, value) => sum + value, 0) / finite.length;
  const squares = finite.reduce((sum, value) => sum + (value - mean) ** 2, 0);
  return { mean, std: finite.length > 1 ? Math.sqrt(squares / (finite.length - 1)) : 0, low: minOf(finite), high: maxOf(finite) };
}

function ordinal(rank: number): string {
  const tens = rank % 100;
  if (tens >= 11 && tens <= 13) return `${rank}th`;
  return `${rank}${['th', 'st', 'nd', 'rd'][rank % 10] ?? 'th'}`;
}

function describeResult(result: ReplayedCandidate[], seedCount: number): string {
  const winner = result[0];
  if (!winner) return 'There were no configurations to train again.';
  const name = (candidate: ReplayedCandidate) => (candidate.id !== undefined ? `trial ${candidate.id}` : `configuration ${candidate.searchRank}`);
  if (!Number.isFinite(winner.mean)) return `The search's best (${name(winner)}) failed or diverged on every fresh seed.`;
  const change = winner.regression >= 0 ? `${formatNumber(winner.regression)} worse` : `${formatNumber(-winner.regression)} better`;
  let message = `The search's best (${name(winner)}, ${formatNumber(winner.value)}) scores ${formatNumber(winner.mean)} ± ${formatNumber(winner.std)} on ${seedCount} fresh seeds: ${change}.`;
  if (result.length > 1) {
    const freshBest = result.find((candidate) => candidate.freshRank === 1)!;
    message += freshBest === winner || winner.freshRank === 1
      ? ` It is still the best of the ${result.length} on fresh seeds.`
      : ` On fresh seeds it ranks ${ordinal(winner.freshRank)} of ${result.length}; ${name(freshBest)} is best there (${formatNumber(freshBest.mean)}).`;
  }
  return message;
}

/** Retrains each candidate on the same fresh seeds, one seed at a time across candidates, and summarises (best of the search first). */
export async function winnersCurse(given: readonly Candidate[], retrain: Retrain, options: WinnersCurseOptions): Promise<WinnersCurseResult> {
  const searchRanks = ranks(given.map((candidate) => candidate.value));
  const candidates = given.map((candidate, index) => ({ candidate, rank: searchRanks[index], index }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map(({ candidate }) => candidate);
  const random = createRandom(options.seed).fork('fresh seeds');
  const seeds = Array.from({ length: options.seeds }, () => random.uint32());
  const values = candidates.map(() => [] as number[]);
  const total = candidates.length * seeds.length;
  let done = 0;
  let complete = true;
  outer: for (const seed of seeds) {
    for (const [index, candidate] of candidates.entries()) {
      if (options.signal?.aborted) {
        complete = false;
        break outer;
      }
      let value: number;
      try {
        value = await retrain(candidate.params, seed);
      } catch {
        value = Number.NaN;
      }
      values[index].push(Number.isFinite(value) ? value : Number.NaN);
      options.onProgress?.(++done, total);
    }
  }
  const stats = values.map(summary);
  const freshRanks = ranks(stats.map((stat) => stat.mean));
  const replayed = candidates.map((candidate, index): ReplayedCandidate => ({
    ...candidate,
    searchRank: index + 1,
    values: values[index],
    ...stats[index],
    freshRank: freshRanks[index],
    regression: stats[index].mean - candidate.value,
  }));
  const others = replayed.slice(1).filter((candidate) => Number.isFinite(candidate.regression));
  const othersRegression = others.length > 0 ? others.reduce((sum, candidate) => sum + candidate.regression, 0) / others.length : Number.NaN;
  return {
    candidates: replayed,
    seeds,
    complete,
    winnerRegression: replayed[0]?.regression ?? Number.NaN,
    othersRegression,
    message: describeResult(replayed, seeds.length),
  };
}
