/**
 * Warnings that teach how far an importance ranking can be trusted: too few trials to say, a best
 * value at the edge of its range (edgeOfRangeWarning.ts), and a setting that looks important only
 * because part of its range diverges (divergedRegionWarning.ts).
 */
import type { Dimension } from '../core/space';
import { appendAll } from '../core/extent';
import { divergedRegionWarning, type DivergedRegionWarning } from './divergedRegionWarning';
import { edgeOfRangeWarning, type EdgeOfRangeWarning } from './edgeOfRangeWarning';
import { analyseImportance, type ImportanceAnalysis } from './importance';
import type { Observation } from './observations';

/** Too few trials for the number of searched settings. */
export interface TooFewTrialsWarning {
  kind: 'too-few-trials';
  /** Trials the analysis used (finished or diverged). */
  trials: number;
  /** Trials the rule of thumb asks for. */
  needed: number;
  message: string;
}

/** Any warning about an importance analysis. */
export type ImportanceWarning = TooFewTrialsWarning | EdgeOfRangeWarning | DivergedRegionWarning;

/**
 * Trials per searched setting before a ranking is more than a guess: about 10 per input, the rule
 * of thumb of Loeppky, Sacks & Welch (2009) for fitting a Gaussian process to a computer experiment.
 */
export const trialsPerSetting = 10;

/** The too-few-trials warning, or null when there are at least 10 trials per searched setting. */
export function tooFewTrialsWarning(space: Dimension[], trials: number): TooFewTrialsWarning | null {
  const needed = trialsPerSetting * space.length;
  if (space.length === 0 || trials >= needed) return null;
  const settings = space.length === 1 ? '1 setting' : `${space.length} settings`;
  return {
    kind: 'too-few-trials',
    trials,
    needed,
    message: `Only ${trials} finished trial${trials === 1 ? '' : 's'} for ${settings}: too few to say which mattered. ` +
      `A rule of thumb asks about ${trialsPerSetting} per setting (${needed} here); until then, read the ranking as a guess.`,
  };
}

/**
 * Every warning about the importance of the settings in space from these observations (non-finite
 * value = diverged); pass the analysis of the same observations when it was already computed.
 */
export function importanceWarnings(
  space: Dimension[],
  observations: readonly Observation[],
  options: { seed: number; analysis?: ImportanceAnalysis },
): ImportanceWarning[] {
  const analysis = options.analysis ?? analyseImportance(space, observations, { seed: options.seed });
  const warnings: ImportanceWarning[] = [];
  const tooFew = tooFewTrialsWarning(space, analysis.prepared.values.length);
  if (tooFew) warnings.push(tooFew);
  const diverged = divergedRegionWarning(space, observations, analysis, options.seed);
  if (diverged) warnings.push(diverged);
  appendAll(warnings, edgeOfRangeWarning(space, observations, analysis));
  return warnings;
}
