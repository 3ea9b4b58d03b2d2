/**
 * What a strategy has proposed and learned so far: pending trials, finished observations
 * (in unit-cube coordinates), failures, and the set of points already seen, so no point is
 * proposed twice. Shared by every strategy in this folder.
 */
import { paramsKey, snapUnit, toUnit, type Dimension, type Params } from '../core/space';

/** One finished trial with a numeric result. */
export interface Observation {
  params: Params;
  /** Snapped unit-cube coordinates, shape [dimensions]. */
  unit: Float64Array;
  /** Objective value, lower is better. */
  value: number;
}

/** Bookkeeping of asked, pending, finished and failed trials of one search. */
export class SearchHistory {
  readonly space: Dimension[];
  /** Finished trials with numeric values, in the order they were told. */
  readonly observations: Observation[] = [];
  /** Trials asked for and not yet told, keyed by paramsKey. */
  readonly pending = new Map<string, { params: Params; unit: Float64Array }>();
  /** Number of failed (null) results told. */
  failures = 0;
  /** Number of trials proposed so far. */
  asked = 0;
  private readonly seen = new Set<string>();

  constructor(space: Dimension[]) {
    this.space = space;
  }

  /** Text key of params, see paramsKey. */
  key(params: Params): string {
    return paramsKey(this.space, params);
  }

  /** Whether params were already proposed or told (pending, finished or failed). */
  has(params: Params): boolean {
    return this.seen.has(this.key(params));
  }

  /** Records a proposal. */
  propose(params: Params): void {
    const key = this.key(params);
    this.seen.add(key);
    this.pending.set(key, { params, unit: snapUnit(this.space, toUnit(this.space, params)) });
    this.asked++;
  }

  /** Records a result; a null or non-finite value counts as a failure and is never modelled. */
  record(params: Params, value: number | null): void {
    const key = this.key(params);
    this.seen.add(key);
    this.pending.delete(key);
    if (value === null || !Number.isFinite(value)) {
      this.failures++;
      return;
    }
    this.observations.push({ params, unit: snapUnit(this.space, toUnit(this.space, params)), value });
  }

  /** The best (lowest) observation so far, or null. */
  best(): Observation | null {
    let best: Observation | null = null;
    for (const observation of this.observations) if (!best || observation.value < best.value) best = observation;
    return best;
  }
}
