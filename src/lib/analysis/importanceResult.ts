/** What the importance view shows, in one call: the shares with their bands and the warnings (run in a worker by the page). */
import { analyseImportance, type ParameterImportance } from './importance';
import { importanceWarnings, type ImportanceWarning } from './importanceWarnings';
import type { Observation } from './observations';
import type { Dimension } from '../core/space';

/** The importances (most important first) and the warnings that say how far to trust them. */
export interface ImportanceResult {
  importances: ParameterImportance[];
  warnings: ImportanceWarning[];
}

/** The importances and warnings of `observations` over `space`. */
export function importanceResult(space: Dimension[], observations: readonly Observation[], seed: number): ImportanceResult {
  const analysis = analyseImportance(space, observations, { seed });
  return { importances: analysis.importances, warnings: importanceWarnings(space, observations, { seed, analysis }) };
}
