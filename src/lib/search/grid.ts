/**
 * Grid search: a fixed set of levels per dimension, every combination proposed exactly once.
 * Levels sit at the centres of equal cells of the transformed (unit) axis, so a log dimension
 * gets log-spaced levels; ints and choices use each value once when the budget allows.
 */
import { cellCount, fromUnit, validateSpace, type Dimension, type Params } from '../core/space';
import { SearchHistory } from './searchHistory';
import type { Strategy, StrategyOptions } from './strategy';

/** Options of the grid search. */
export interface GridOptions extends StrategyOptions {
  /** Levels per dimension: one number for all, or per dimension name; by default the most the budget allows. */
  levels?: number | Record<string, number>;
}

/**
 * Levels per dimension, shape [dimensions]: as given, else grown one level at a time on the
 * dimension with the fewest levels while the number of combinations stays within the budget
 * (so 16 trials in 4-D give 2 levels each); never more levels than an int or choice has values.
 */
export function gridLevels(space: Dimension[], budget: number, levels?: number | Record<string, number>): number[] {
  const requested = space.map((dimension) => (typeof levels === 'number' ? levels : levels?.[dimension.name]));
  const counts = space.map((dimension, i) =>
    requested[i] === undefined ? 1 : Math.max(1, Math.min(cellCount(dimension), Math.floor(requested[i] as number))),
  );
  let product = counts.reduce((total, count) => total * count, 1);
  for (;;) {
    let grow = -1;
    for (let i = 0; i < space.length; i++) {
      const open = requested[i] === undefined && counts[i] < cellCount(space[i]);
      if (open && (grow < 0 || counts[i] < counts[grow])) grow = i;
    }
    if (grow < 0 || (product / counts[grow]) * (counts[grow] + 1) > budget) return counts;
    product = (product / counts[grow]) * (counts[grow] + 1);
    counts[grow]++;
  }
}

/** Creates a grid search over space; ask() returns null once every combination was proposed. */
export function createGridSearch(space: Dimension[], options: GridOptions): Strategy {
  validateSpace(space);
  const levels = gridLevels(space, options.budget, options.levels);
  const total = levels.reduce((product, count) => product * count, 1);
  const history = new SearchHistory(space);
  let index = 0;

  const pointAt = (position: number): Params => {
    // Mixed-radix digits of position, last dimension fastest (lexicographic order).
    const unit = new Float64Array(space.length);
    let rest = position;
    for (let k = space.length - 1; k >= 0; k--) {
      const digit = rest % levels[k];
      rest = Math.floor(rest / levels[k]);
      unit[k] = (digit + 0.5) / levels[k];
    }
    return fromUnit(space, unit);
  };

  return {
    name: 'grid',
    ask() {
      while (index < total) {
        const params = pointAt(index++);
        // Coarse levels of an int dimension can land on the same integer; skip repeats.
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
