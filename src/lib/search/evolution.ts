/**
 * A steady-state evolutionary search (a genetic algorithm; Goldberg 1989): after a random
 * first generation, each proposal is a child of two parents picked by tournament among the
 * best results so far, made by uniform crossover and Gaussian mutation in the unit cube.
 * Failed trials rank last and so are rarely chosen as parents, and never proposed again.
 */
import { createRandom, type Random } from '../core/random';
import { fromUnit, snapUnit, spaceSize, validateSpace, type Dimension } from '../core/space';
import { SearchHistory, type Observation } from './searchHistory';
import type { Strategy, StrategyOptions } from './strategy';

/** Options of the evolutionary search. */
export interface EvolutionOptions extends StrategyOptions {
  /** Size of the first (random) generation and of the pool parents come from (default 10). */
  populationSize?: number;
  /** Number of pool members competing in each tournament (default 3). */
  tournamentSize?: number;
  /** Probability of crossing two parents rather than copying one (default 0.7). */
  crossoverRate?: number;
  /** Standard deviation of the mutation, unit-cube units (default 0.1). */
  mutationScale?: number;
  /** Probability that each coordinate mutates (default: 1 / dimensions). */
  mutationRate?: number;
}

/** Creates an evolutionary search over space (see EvolutionOptions). */
export function createEvolutionSearch(space: Dimension[], options: EvolutionOptions): Strategy {
  validateSpace(space);
  const {
    seed,
    budget,
    populationSize = 10,
    tournamentSize = 3,
    crossoverRate = 0.7,
    mutationScale = 0.1,
    mutationRate = 1 / space.length,
  } = options;
  const history = new SearchHistory(space);
  const size = spaceSize(space);
  const d = space.length;

  const tournament = (pool: Observation[], random: Random): Observation => {
    let winner = pool[random.int(pool.length)];
    for (let round = 1; round < tournamentSize; round++) {
      const rival = pool[random.int(pool.length)];
      if (rival.value < winner.value) winner = rival;
    }
    return winner;
  };

  const child = (random: Random): Float64Array => {
    const pool = [...history.observations].sort((a, b) => a.value - b.value).slice(0, populationSize);
    const first = tournament(pool, random);
    const second = tournament(pool, random);
    const unit = Float64Array.from(first.unit);
    if (random.next() < crossoverRate) for (let k = 0; k < d; k++) if (random.next() < 0.5) unit[k] = second.unit[k];
    let mutated = false;
    for (let k = 0; k < d; k++) {
      if (random.next() >= mutationRate) continue;
      mutated = true;
      unit[k] += mutationScale * random.normal();
    }
    // Always change something, so a child never silently copies its parent.
    if (!mutated) unit[random.int(d)] += mutationScale * random.normal();
    for (let k = 0; k < d; k++) {
      // Reflect at the cube's faces so mass does not pile up on the bounds.
      if (unit[k] < 0) unit[k] = -unit[k];
      if (unit[k] > 1) unit[k] = 2 - unit[k];
    }
    return snapUnit(space, unit);
  };

  return {
    name: 'evolution',
    ask() {
      if (history.asked >= budget || history.asked >= size) return null;
      const random = createRandom(seed).fork(`ask-${history.asked}`);
      const breeding = history.asked >= populationSize && history.observations.length >= 2;
      for (let tries = 0; tries < 1000; tries++) {
        // Mostly children; a random immigrant when breeding keeps producing known points.
        const unit = breeding && tries < 100 ? child(random) : Float64Array.from(space, () => random.next());
        const params = fromUnit(space, unit);
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
