/**
 * Successive halving over model families, as pure decisions: rank the families by their best
 * validation score so far, keep the better half with the reason in figures, and size the next
 * round from the time left and the trial times measured so far.
 */
import { formatNumber } from '../../core/formatNumber';
import type { ObjectiveMetric } from '../../core/trial';
import { formatSeconds, type AutoMlDecision } from './decision';
import { familyLabels, type AutoMlFamily } from './familyCost';

/** Where a family stands in the race. */
export interface FamilyStanding {
  family: AutoMlFamily;
  /** Trials ended so far. */
  trials: number;
  /** Lowest objective so far, or null when no trial gave one. */
  best: number | null;
  /** Id (within the family's study) of the trial that scored best. */
  bestTrialId: number | null;
  /** Mean milliseconds of one trial so far, or the cost model's guess before any ended. */
  trialMs: number;
  status: 'racing' | 'dropped' | 'winner';
  /** Round (1-based) after which the family was dropped. */
  droppedAfter?: number;
}

/** The metric's name in a sentence. */
export function metricLabel(metric: ObjectiveMetric): string {
  return metric === 'validationError' ? 'validation error' : 'validation loss';
}

/** The standings best first: lowest best value, families with none last, ties to the faster family. */
export function rankStandings(standings: readonly FamilyStanding[]): FamilyStanding[] {
  const score = (standing: FamilyStanding) => standing.best ?? Infinity;
  return [...standings].sort((a, b) => score(a) - score(b) || a.trialMs - b.trialMs);
}

/** Keeps the better half (rounded up) of the racing families after round `round` (1-based); the others are dropped, each with its reason. */
export function halve(standings: readonly FamilyStanding[], round: number, metric: ObjectiveMetric): { standings: FamilyStanding[]; dropped: AutoMlFamily[]; decisions: AutoMlDecision[] } {
  const racing = rankStandings(standings.filter((standing) => standing.status === 'racing'));
  const keep = Math.ceil(racing.length / 2);
  const kept = racing.slice(0, keep);
  const dropped = racing.slice(keep);
  const lastKept = kept[kept.length - 1];
  const label = metricLabel(metric);
  const decisions = dropped.map((standing): AutoMlDecision => {
    const own = standing.best === null ? 'no trial gave a score' : `its best ${label} is ${formatNumber(standing.best)} over ${standing.trials} trial${standing.trials === 1 ? '' : 's'}`;
    const tie = standing.best !== null && standing.best === lastKept.best;
    return {
      topic: 'race',
      decision: `${capitalise(familyLabels[standing.family])} is dropped after round ${round}.`,
      because: `${own}, against ${formatNumber(lastKept.best ?? NaN)} for ${familyLabels[lastKept.family]}${tie ? ` (a tie, which goes to the faster family: ${formatSeconds(lastKept.trialMs)} a trial against ${formatSeconds(standing.trialMs)})` : ''}; each round keeps the better half (${keep} of ${racing.length}).`,
    };
  });
  const droppedNames = new Set(dropped.map((standing) => standing.family));
  return {
    standings: standings.map((standing) => (droppedNames.has(standing.family) ? { ...standing, status: 'dropped', droppedAfter: round } : standing)),
    dropped: [...droppedNames],
    decisions,
  };
}

/**
 * Trials per family for the next round: the time left shared equally among the rounds left,
 * divided by what one trial of each racing family costs together; at most `cap`. 0 when not even
 * one trial each fits.
 */
export function nextRoundTrials(remainingMs: number, roundsLeft: number, trialMs: readonly number[], cap: number): number {
  const perTrialOfEach = trialMs.reduce((sum, ms) => sum + Math.max(1, ms), 0);
  if (remainingMs < perTrialOfEach) return 0;
  return Math.max(1, Math.min(cap, Math.floor(remainingMs / Math.max(1, roundsLeft) / perTrialOfEach)));
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
