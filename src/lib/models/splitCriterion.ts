/**
 * How CART scores a node and a candidate split. Classes: Gini impurity 1 − Σ p_k² or entropy
 * −Σ p_k ln p_k; regression: the variance of the targets (mean squared error about the mean).
 * Breiman, Friedman, Olshen & Stone, "Classification and Regression Trees" (1984).
 */

/** Impurity measure of a node. */
export type SplitCriterion = 'gini' | 'entropy' | 'squaredError';

/** The criteria that apply to classes. */
export const classCriteria: readonly SplitCriterion[] = ['gini', 'entropy'];

/** x ln x, with 0 ln 0 = 0. */
export function xLogX(value: number): number {
  return value > 0 ? value * Math.log(value) : 0;
}

/**
 * The per-side score a split search keeps up to date as rows move from right to left:
 * Σ c_k² (gini), Σ c_k ln c_k (entropy) over weighted class counts, or the target sum S (squared error).
 */
export function sideScore(criterion: SplitCriterion, stats: ArrayLike<number>, width: number): number {
  let score = 0;
  if (criterion === 'squaredError') return stats[0];
  for (let k = 0; k < width; k++) score += criterion === 'gini' ? stats[k] * stats[k] : xLogX(stats[k]);
  return score;
}

/**
 * A quantity that grows as the children's total weighted impurity falls, from each side's score and
 * weight W: Σc²/W (gini), Σ c ln c − W ln W (entropy), S²/W (squared error), summed over both sides.
 */
export function proxyOf(criterion: SplitCriterion, score: number, weight: number): number {
  if (criterion === 'gini') return score / weight;
  if (criterion === 'entropy') return score - xLogX(weight);
  return (score * score) / weight;
}

/**
 * Impurity of a node from its weighted class counts (width = classCount) or, for squared error,
 * stats [sum, sum of squares] (width 2), and its total weight.
 */
export function impurityOf(criterion: SplitCriterion, stats: ArrayLike<number>, width: number, weight: number): number {
  if (criterion === 'squaredError') return Math.max(0, stats[1] / weight - (stats[0] / weight) ** 2);
  let impurity = criterion === 'gini' ? 1 : 0;
  for (let k = 0; k < width; k++) {
    const share = stats[k] / weight;
    impurity -= criterion === 'gini' ? share * share : xLogX(share);
  }
  return impurity;
}
