/**
 * Random search (Bergstra & Bengio 2012): independent uniform draws in the transformed
 * space, so log dimensions are sampled log-uniformly. With `sampling: 'latin-hypercube'` the
 * draws form a Latin hypercube over the whole budget instead, a quasi-random design that
 * fills the space more evenly than independent draws.
 */
import { createRandom } from '../core/random';
import { fromUnit, spaceSize, validateSpace, type Dimension, type Params } from '../core/space';
import { latinHypercube } from './latinHypercube';
import { SearchHistory } from './searchHistory';
import type { Strategy, StrategyOptions } from './strategy';

/** Options of the random search. */
export interface RandomOptions extends StrategyOptions {
  /** 'uniform' (default) or 'latin-hypercube' (quasi-random, stratified over the budget). */
  sampling?: 'uniform' | 'latin-hypercube';
}

/** Creates a random (or Latin hypercube) search; every proposal is distinct, up to the budget. */
export function createRandomSearch(space: Dimension[], options: RandomOptions): Strategy {
  validateSpace(space);
  const { seed, budget, sampling = 'uniform' } = options;
  if (sampling !== 'uniform' && sampling !== 'latin-hypercube') throw new Error(`invalid sampling: ${String(sampling)}`);
  const random = createRandom(seed);
  const design = sampling === 'latin-hypercube' ? latinHypercube(budget, space.length, random.fork('design')) : [];
  const history = new SearchHistory(space);
  const size = spaceSize(space);

  const draw = (): Params => {
    const unit = history.asked < design.length ? design[history.asked] : Float64Array.from(space, () => random.next());
    return fromUnit(space, unit);
  };

  return {
    name: sampling === 'uniform' ? 'random' : 'quasi-random',
    ask() {
      if (history.asked >= budget || history.asked >= size) return null;
      let params = draw();
      // Repeats only happen in small discrete spaces; redraw uniformly a bounded number of times.
      for (let tries = 0; history.has(params) && tries < 1000; tries++) {
        params = fromUnit(space, Float64Array.from(space, () => random.next()));
      }
      if (history.has(params)) return null;
      history.propose(params);
      return params;
    },
    tell(params, value) {
      history.record(params, value);
    },
  };
}
