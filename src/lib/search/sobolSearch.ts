/**
 * Sobol' search: the trials are the points of a scrambled Sobol' sequence in the unit cube, a
 * quasi-random design that fills the space more evenly than independent draws at every
 * budget (a Latin hypercube is even only along each axis, and only for its full budget).
 * Budgets that are powers of two give the most balanced designs.
 */
import { createRandom } from '../core/random';
import { fromUnit, spaceSize, validateSpace, type Dimension } from '../core/space';
import { SearchHistory } from './searchHistory';
import { SobolSequence, sobolMaxDimensions } from './sobol';
import type { Strategy, StrategyOptions } from './strategy';

/** Options of the Sobol' search. */
export interface SobolOptions extends StrategyOptions {
  /** Scramble the sequence with the seed (default true); unscrambled, the first point is the cube's corner. */
  scramble?: boolean;
}

/** Creates a Sobol' search over at most sobolMaxDimensions dimensions; every proposal is distinct, up to the budget. */
export function createSobolSearch(space: Dimension[], options: SobolOptions): Strategy {
  validateSpace(space);
  if (space.length > sobolMaxDimensions) throw new Error(`invalid space: Sobol search supports at most ${sobolMaxDimensions} dimensions`);
  const { seed, budget, scramble = true } = options;
  const random = createRandom(seed);
  const sequence = new SobolSequence(space.length, scramble ? random.fork('scramble') : undefined);
  const history = new SearchHistory(space);
  const size = spaceSize(space);

  return {
    name: 'sobol',
    ask() {
      if (history.asked >= budget || history.asked >= size) return null;
      // In discrete spaces later points can land on cells already tried: move on along the sequence, then at random.
      for (let tries = 0; tries < 2000; tries++) {
        const params = fromUnit(space, tries < 1000 ? sequence.next() : Float64Array.from(space, () => random.next()));
        if (history.has(params)) continue;
        history.propose(params);
        return params;
      }
      return null;
    },
    tell(params, value) {
      history.record(params, value);
    },
  };
}
