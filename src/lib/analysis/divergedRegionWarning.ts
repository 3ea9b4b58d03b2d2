/**
 * "Important only because part of its range diverges": Optuna's importance, like any that treats
 * diverged trials as very bad, ranks a setting first when its range merely reaches a region where
 * training blows up (a learning rate above 1). This warning finds a setting whose diverged trials
 * all lie beyond one threshold, where they are at least half of the trials, and compares its share
 * with and without the diverged trials; when the share halves without them, it says so in numbers.
 */
import { valueFromUnit, type Dimension } from '../core/space';
import { formatNumber, formatShare, isOrdered, settingLabel } from './describeValue';
import { analyseImportance, minimumObservations, type ImportanceAnalysis } from './importance';
import type { Observation } from './observations';

/** A setting looks important mostly because part of its range diverges. */
export interface DivergedRegionWarning {
  kind: 'diverged-region';
  /** The setting's dimension name. */
  name: string;
  /** Whether the diverged trials lie above or below the threshold. */
  side: 'above' | 'below';
  /** The setting's value at the region's edge: the diverged trial nearest the rest. */
  threshold: number;
  /** Diverged trials (all of them lie in the region). */
  diverged: number;
  /** All trials in the region, diverged or not. */
  inRegion: number;
  /** The setting's importance share with the diverged trials, and without them. */
  shareWith: number;
  shareWithout: number;
  message: string;
}

/** Fewest diverged trials that make a region. */
export const minimumDiverged = 2;

interface Region {
  index: number;
  side: 'above' | 'below';
  thresholdUnit: number;
  inRegion: number;
  diverged: number;
}

/** The region past the diverged trial nearest the others, on the side where they are most concentrated, or null. */
function divergedRegion(units: Float64Array, diverged: boolean[], d: number, index: number): Region | null {
  const n = diverged.length;
  let lowest = Infinity;
  let highest = -Infinity;
  let count = 0;
  for (let i = 0; i < n; i++) {
    if (!diverged[i]) continue;
    count++;
    lowest = Math.min(lowest, units[i * d + index]);
    highest = Math.max(highest, units[i * d + index]);
  }
  let above = 0;
  let below = 0;
  for (let i = 0; i < n; i++) {
    if (units[i * d + index] >= lowest) above++;
    if (units[i * d + index] <= highest) below++;
  }
  const side = above <= below ? 'above' : 'below';
  const inRegion = Math.min(above, below);
  // Concentrated: the diverged trials are at least half of the region, and the region is at most half of all trials.
  if (count * 2 < inRegion || inRegion * 2 > n) return null;
  return { index, side, thresholdUnit: side === 'above' ? lowest : highest, inRegion, diverged: count };
}

/** The diverged-region warning for the setting whose share depends most on the diverged trials, or null. */
export function divergedRegionWarning(
  space: Dimension[],
  observations: readonly Observation[],
  analysis: ImportanceAnalysis,
  seed: number,
): DivergedRegionWarning | null {
  const { units, diverged } = analysis.prepared;
  const divergedCount = diverged.filter(Boolean).length;
  if (!analysis.effects || divergedCount < minimumDiverged || diverged.length - divergedCount < minimumObservations) return null;
  const shareOf = (result: { name: string; importance: number }[], name: string) => result.find((entry) => entry.name === name)?.importance ?? 0;
  const regions = space
    .map((dimension, index) => (isOrdered(dimension) ? divergedRegion(units, diverged, space.length, index) : null))
    .filter((region): region is Region => region !== null)
    .sort((a, b) => shareOf(analysis.importances, space[b.index].name) - shareOf(analysis.importances, space[a.index].name));
  if (regions.length === 0) return null;
  const region = regions[0];
  const dimension = space[region.index];
  const shareWith = shareOf(analysis.importances, dimension.name);
  const finite = observations.filter((observation) => Number.isFinite(observation.value));
  const shareWithout = shareOf(analyseImportance(space, finite, { seed }).importances, dimension.name);
  if (shareWith < 0.25 || shareWithout > shareWith / 2) return null;
  const threshold = Number(valueFromUnit(dimension, region.thresholdUnit));
  const label = settingLabel(dimension.name);
  const at = `${label} ${region.side === 'above' ? '≥' : '≤'} ${formatNumber(threshold)}`;
  return {
    kind: 'diverged-region',
    name: dimension.name,
    side: region.side,
    threshold,
    diverged: region.diverged,
    inRegion: region.inRegion,
    shareWith,
    shareWithout,
    message: `Most of ${label}'s importance comes from the ${region.diverged} diverged trials at ${at} ` +
      `(${region.diverged === region.inRegion ? 'every trial there diverged' : `${region.diverged} of the ${region.inRegion} trials there`}): without them its share falls from ${formatShare(shareWith)} to ${formatShare(shareWithout)}. ` +
      `The ranking mostly says that too ${region.side === 'above' ? 'high' : 'low'} a ${label} diverges; ` +
      `narrow its range ${region.side === 'above' ? 'below' : 'above'} ${formatNumber(threshold)} to see what matters among trials that train.`,
  };
}
