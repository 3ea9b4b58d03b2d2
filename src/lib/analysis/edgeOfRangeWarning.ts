/**
 * "Widen the range": the best trial's value of a setting sits at the edge of the range searched,
 * and the fitted surface's main effect (mainEffects.ts) is lowest at that same edge, so the best
 * value may lie outside the range. Only settings that matter (a share of at least 10%) are
 * checked: for a setting that does not, the best trial sits at an edge by chance.
 */
import { unitFromValue, type Dimension } from '../core/space';
import { minOf } from '../core/extent';
import { formatNumber, isOrdered, settingLabel } from './describeValue';
import type { ImportanceAnalysis } from './importance';
import type { Observation } from './observations';

/** The best value of a setting sits at one end of its range. */
export interface EdgeOfRangeWarning {
  kind: 'edge-of-range';
  /** The setting's dimension name. */
  name: string;
  /** Which end of the range. */
  edge: 'low' | 'high';
  /** The best trial's value of the setting. */
  bestValue: number;
  /** The range's bound at that end. */
  bound: number;
  message: string;
}

/** Fraction of the range (in unit coordinates) at each end that counts as its edge. */
export const edgeWidth = 0.1;

/** Smallest importance share for which an edge is worth a warning. */
export const edgeMinimumShare = 0.1;

function bestObservation(space: Dimension[], observations: readonly Observation[]): Observation | null {
  let best: Observation | null = null;
  for (const observation of observations) {
    if (!Number.isFinite(observation.value) || (best && observation.value >= best.value)) continue;
    if (space.every((dimension) => observation.params[dimension.name] !== undefined)) best = observation;
  }
  return best;
}

function edgeOf(dimension: Dimension, value: number): 'low' | 'high' | null {
  if (dimension.type === 'choice') return null;
  const unit = unitFromValue(dimension, value);
  if (unit <= edgeWidth || (dimension.type === 'int' && value <= dimension.low)) return 'low';
  if (unit >= 1 - edgeWidth || (dimension.type === 'int' && value >= dimension.high)) return 'high';
  return null;
}

/** One warning per ordered setting whose best value and main-effect minimum sit at the same end of its range. */
export function edgeOfRangeWarning(space: Dimension[], observations: readonly Observation[], analysis: ImportanceAnalysis): EdgeOfRangeWarning[] {
  const { effects, importances } = analysis;
  const best = bestObservation(space, observations);
  if (!effects || !best) return [];
  const warnings: EdgeOfRangeWarning[] = [];
  space.forEach((dimension, i) => {
    if (dimension.type === 'choice' || !isOrdered(dimension)) return;
    const share = importances.find((entry) => entry.name === dimension.name)?.importance ?? 0;
    const value = Number(best.params[dimension.name]);
    const edge = Number.isFinite(value) && share >= edgeMinimumShare ? edgeOf(dimension, value) : null;
    if (!edge) return;
    const { effect } = effects[i];
    const lowest = effect.indexOf(minOf(effect));
    if (lowest !== (edge === 'low' ? 0 : effect.length - 1)) return;
    const label = settingLabel(dimension.name);
    const bound = edge === 'low' ? dimension.low : dimension.high;
    const end = edge === 'low' ? 'bottom' : 'top';
    warnings.push({
      kind: 'edge-of-range',
      name: dimension.name,
      edge,
      bestValue: value,
      bound,
      message: `The best trial's ${label} (${formatNumber(value)}) sits at the ${end} of its range ` +
        `(${formatNumber(dimension.low)} to ${formatNumber(dimension.high)}), and the fitted surface still falls toward that end: ` +
        `widen the range ${edge === 'low' ? 'below' : 'above'} ${formatNumber(bound)}, since the best ${label} may lie outside it.`,
    });
  });
  return warnings;
}
