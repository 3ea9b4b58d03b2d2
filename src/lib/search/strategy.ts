/**
 * The protocol every search strategy speaks (DESIGN.md, "Search strategy"): the study asks
 * for the next trial's params and tells the strategy each result. Objectives are minimised.
 */
import type { Dimension, Params } from '../core/space';

export type { Dimension, Params };

/** A search strategy: proposes trials and learns from their results. */
export interface Strategy {
  /** Registry name of the strategy, e.g. 'random'. */
  readonly name: string;
  /** Next trial to run, or null when the strategy has nothing more to propose. */
  ask(): Params | null;
  /** Result of a trial: the objective (lower is better), or null if it failed. */
  tell(params: Params, value: number | null): void;
}

/** A strategy that can also propose several trials at once, for parallel training. */
export interface BatchStrategy extends Strategy {
  /** Up to k distinct trials to run side by side (fewer when the budget or space runs out). */
  askBatch(k: number): Params[];
}

/** Options every strategy accepts; each strategy documents its own extra options. */
export interface StrategyOptions {
  /** Seed of the strategy's generator: the same seed and results give the same proposals. */
  seed: number;
  /** Number of trials the strategy may propose in total; ask() returns null after that. */
  budget: number;
  [option: string]: unknown;
}
