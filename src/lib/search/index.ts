/**
 * The search library's entry point: the strategies by name (the contract in DESIGN.md).
 */
import type { Dimension } from '../core/space';
import { createBayesianSearch } from './bayesian';
import { createEvolutionSearch } from './evolution';
import { createGridSearch } from './grid';
import { createRandomSearch } from './random';
import type { Strategy, StrategyOptions } from './strategy';
import { createSobolSearch } from './sobolSearch';
import { createTpeSearch } from './tpe';

export type { Dimension, Params } from '../core/space';
export type { BatchStrategy, Strategy, StrategyOptions } from './strategy';
export { BayesianSearch, createBayesianSearch, type BayesianOptions, type ProposalExplanation } from './bayesian';
export { createEvolutionSearch, type EvolutionOptions } from './evolution';
export { createGridSearch, gridLevels, type GridOptions } from './grid';
export { createRandomSearch, type RandomOptions } from './random';
export { createTpeSearch, defaultGamma, fitTpeDensities, type TpeDensities, type TpeOptions } from './tpe';
export { centredDiscrepancy } from './discrepancy';
export { ancestry, PbtController, pbtBaseProblem, pbtSearchable, type AncestryInterval, type LineageEntry, type PbtDecision, type PbtOptions } from './pbt';
export { SobolSequence, sobolMaxDimensions } from './sobol';
export { createSobolSearch, type SobolOptions } from './sobolSearch';
export { computeTpeSlice, type TpeSlice } from './tpeView';
export type { PosteriorSlice, PosteriorSliceRequest, SliceAxis } from './posteriorView';

const registry: Record<string, (space: Dimension[], options: StrategyOptions) => Strategy> = {
  grid: createGridSearch,
  random: createRandomSearch,
  'quasi-random': (space, options) => createRandomSearch(space, { ...options, sampling: 'latin-hypercube' }),
  bayesian: createBayesianSearch,
  evolution: createEvolutionSearch,
  tpe: createTpeSearch,
  sobol: createSobolSearch,
};

/** Names createStrategy accepts. */
export const strategyNames = Object.keys(registry);

/** Creates the strategy registered under name; throws `invalid strategy: ${name}` on an unknown name. */
export function createStrategy(name: string, space: Dimension[], options: StrategyOptions): Strategy {
  const create = Object.hasOwn(registry, name) ? registry[name] : undefined;
  if (!create) throw new Error(`invalid strategy: ${name}`);
  return create(space, options);
}
