/**
 * What a study means, computed from its trials in plain TypeScript (no Svelte, TF.js or DOM):
 * parameter importance and its warnings, cost and the Pareto front, timeline, EDF and ranks,
 * the winner's curse, and a classroom's studies merged.
 */
export { parameterImportance, analyseImportance, type ParameterImportance, type ImportanceAnalysis } from './importance';
export { importanceWarnings, type ImportanceWarning } from './importanceWarnings';
export { observationsFromTrials, type Observation, type TrialLike } from './observations';
export { paretoFront, dominates, type ParetoPoint } from './pareto';
export { studyCost, type StudyCost, type TrialCost } from './cost';
export { sharedTime, type SharedTime, type TimeInterval } from './sharedTime';
export { empiricalDistribution, groupedDistributions, shareAtOrBelow, type EmpiricalDistribution, type EdfStep } from './edf';
export { trialTimeline, type Timeline, type TimelineRow } from './timeline';
export { ranks } from './rank';
export { mergeStudies, type MergedStudies, type MergeResult, type StudySource, type LeaderboardEntry } from './mergeStudies';
export { parameterCount } from './parameterCount';
export { winnersCurse, type Candidate, type Retrain, type WinnersCurseResult } from './winnersCurse';
