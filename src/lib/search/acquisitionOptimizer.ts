/**
 * Maximises an acquisition function over the unit cube of a search space: many random
 * candidates (some scattered around promising anchors such as the best observations), then a
 * compass (pattern) search from the best few, which shrinks its step until it stalls
 * (Kolda, Lewis & Torczon 2003). Derivative-free, so it also handles int and choice
 * dimensions, whose coordinates move a whole cell at a time.
 */
import type { Random } from '../core/random';
import { cellCount, snapUnit, type Dimension } from '../core/space';

/** A point of the unit cube, shape [dimensions], with its acquisition score (higher is better). */
export interface ScoredPoint {
  unit: Float64Array;
  score: number;
}

/** Settings of maximizeAcquisition. */
export interface AcquisitionSearchOptions {
  /** Number of random candidates scored (default 1000). */
  candidates?: number;
  /** Number of best distinct candidates refined by compass search (default 5). */
  refineStarts?: number;
  /** Compass search stops when its step falls below this, in unit-cube units (default 1e-5). */
  minimumStep?: number;
  /** Points to scatter a quarter of the candidates around, each shape [dimensions]. */
  anchors?: Float64Array[];
  /**
   * Least distance between refinement starts in the unit cube (default 0): with a positive
   * value the starts spread over several basins of the acquisition instead of crowding one.
   */
  startSeparation?: number;
  /** Scores many candidates at once (shape [count] of units, out shape [count]); faster than score one by one. */
  scoreMany?: (units: Float64Array[], out: Float64Array) => void;
}

function distance(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let k = 0; k < a.length; k++) sum += (a[k] - b[k]) ** 2;
  return Math.sqrt(sum);
}

function sameUnit(a: Float64Array, b: Float64Array): boolean {
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}

/** Compass search from start: tries ± step along each axis, moves on the first gain, halves the step when none. */
export function refineByCompassSearch(
  score: (unit: Float64Array) => number,
  space: Dimension[],
  start: ScoredPoint,
  minimumStep = 1e-5,
  maxEvaluations = 400,
): ScoredPoint {
  const cells = space.map(cellCount);
  let best = start;
  let step = 0.05;
  let evaluations = 0;
  while (step >= minimumStep && evaluations < maxEvaluations) {
    let moved = false;
    for (let k = 0; k < space.length && !moved; k++) {
      const delta = Number.isFinite(cells[k]) ? 1 / cells[k] : step;
      for (const sign of [1, -1]) {
        const trial = Float64Array.from(best.unit);
        trial[k] += sign * delta;
        const snapped = snapUnit(space, trial);
        if (sameUnit(snapped, best.unit)) continue;
        const value = score(snapped);
        evaluations++;
        if (value > best.score) {
          best = { unit: snapped, score: value };
          moved = true;
          break;
        }
      }
    }
    if (!moved) step /= 2;
  }
  return best;
}

/**
 * Scores candidates and refines the best; returns the refined points and all the candidates
 * together, distinct and sorted from the highest score down.
 */
export function maximizeAcquisition(
  score: (unit: Float64Array) => number,
  space: Dimension[],
  random: Random,
  options: AcquisitionSearchOptions = {},
): ScoredPoint[] {
  const { candidates = 1000, refineStarts = 5, minimumStep = 1e-5, anchors = [], startSeparation = 0, scoreMany } = options;
  const d = space.length;
  const units: Float64Array[] = [];
  const local = anchors.length > 0 ? Math.floor(candidates / 4) : 0;
  for (let c = 0; c < candidates; c++) {
    const unit = new Float64Array(d);
    if (c < local) {
      const anchor = anchors[c % anchors.length];
      // Two scales: close to the anchor to polish it, farther to explore its neighbourhood.
      const spread = c % 2 === 0 ? 0.01 : 0.1;
      for (let k = 0; k < d; k++) unit[k] = anchor[k] + spread * random.normal();
    } else {
      for (let k = 0; k < d; k++) unit[k] = random.next();
    }
    units.push(snapUnit(space, unit));
  }
  const scores = new Float64Array(units.length);
  if (scoreMany) scoreMany(units, scores);
  else for (let c = 0; c < units.length; c++) scores[c] = score(units[c]);
  const pool: ScoredPoint[] = units.map((unit, c) => ({ unit, score: scores[c] }));
  pool.sort((a, b) => b.score - a.score);
  const results: ScoredPoint[] = [];
  const starts: ScoredPoint[] = [];
  for (const candidate of pool) {
    if (starts.length >= refineStarts) break;
    if (!Number.isFinite(candidate.score) && candidate.score !== Infinity) continue;
    if (starts.some((start) => sameUnit(start.unit, candidate.unit))) continue;
    if (starts.length > 0 && starts.some((start) => distance(start.unit, candidate.unit) < startSeparation)) continue;
    starts.push(candidate);
  }
  for (const start of starts) results.push(refineByCompassSearch(score, space, start, minimumStep));
  // Every candidate stays in the ranking, so callers can always find a distant alternative.
  for (const candidate of pool) results.push(candidate);
  results.sort((a, b) => b.score - a.score);
  const seen = new Set<string>();
  return results.filter((point) => {
    const key = point.unit.join(',');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
