/**
 * A classroom's studies merged: many study files (study@2, or study@1 migrated) on the same problem (as students export them)
 * become one leaderboard, one empirical distribution per strategy and one list of all trials for a
 * single map. Studies on different problems are refused with a message naming the difference
 * (problemDifference.ts). Pure: the files are parsed and checked by the study importer first.
 */
import type { Params } from '../core/space';
import { groupedDistributions, type EmpiricalDistribution } from './edf';
import { problemDifference, type StudyProblem } from './problemDifference';
import { ranks } from './rank';

/** A study as far as merging goes (structurally a parsed study@2 export). */
export interface MergeableStudy extends StudyProblem {
  strategy: { name: string };
  trials: readonly { id: number; params: Params; state: string; value: number | null }[];
}

/** One study to merge and the name it is shown by (its file name, its student). */
export interface StudySource {
  name: string;
  study: MergeableStudy;
}

/** One trial of the merged studies. */
export interface MergedTrial {
  /** Index of its study among the sources, and the study's name. */
  sourceIndex: number;
  source: string;
  strategy: string;
  trialId: number;
  params: Params;
  state: string;
  value: number | null;
}

/** A row of the leaderboard: a complete trial and its rank among all (1 = best, ties share). */
export interface LeaderboardEntry extends MergedTrial {
  rank: number;
  value: number;
}

/** The merged studies. */
export interface MergedStudies {
  /** The shared problem, as the first study states it. */
  problem: StudyProblem;
  /** Every trial of every study, in source order then trial order. */
  trials: MergedTrial[];
  /** Complete trials with a finite objective, best first. */
  leaderboard: LeaderboardEntry[];
  /** Per strategy, over complete and diverged trials (diverged never reach a value). */
  distributions: EmpiricalDistribution[];
}

/** The merge, or a message saying why the studies cannot be merged. */
export type MergeResult = { ok: true; merged: MergedStudies } | { ok: false; message: string };

/** Merges studies on one problem; refuses an empty list and studies on different problems. */
export function mergeStudies(sources: readonly StudySource[]): MergeResult {
  if (sources.length === 0) return { ok: false, message: 'There are no studies to merge.' };
  const first = sources[0];
  for (const source of sources.slice(1)) {
    const difference = problemDifference(first.study, first.name, source.study, source.name);
    if (difference) {
      return { ok: false, message: `${source.name} is on a different problem from ${first.name}, so their trials cannot be compared: ${difference}.` };
    }
  }
  const trials: MergedTrial[] = sources.flatMap(({ name, study }, sourceIndex) =>
    study.trials.map((trial) => ({
      sourceIndex,
      source: name,
      strategy: study.strategy.name,
      trialId: trial.id,
      params: trial.params,
      state: trial.state,
      value: trial.value,
    })),
  );
  const complete = trials.filter((trial): trial is MergedTrial & { value: number } => trial.state === 'complete' && trial.value !== null && Number.isFinite(trial.value));
  const trialRanks = ranks(complete.map((trial) => trial.value));
  const leaderboard = complete
    .map((trial, index) => ({ ...trial, rank: trialRanks[index] }))
    .sort((a, b) => a.rank - b.rank || a.sourceIndex - b.sourceIndex || a.trialId - b.trialId);
  const scored = trials.filter((trial) => trial.state === 'diverged' || (trial.state === 'complete' && trial.value !== null));
  const distributions = groupedDistributions(scored, (trial) => trial.strategy, (trial) => (trial.state === 'diverged' ? Infinity : (trial.value ?? Infinity)));
  const { dataset, objective, space } = first.study;
  return { ok: true, merged: { problem: { dataset, objective, space }, trials, leaderboard, distributions } };
}
