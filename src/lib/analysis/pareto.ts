/**
 * The Pareto front of objective against cost (both minimised): the trials no other trial beats on
 * both at once. A trial is dominated when another is at most as bad on both and strictly better on
 * one; two trials with the same objective and the same cost do not dominate each other, so both
 * stay on the front. Trials with a non-finite objective or cost (diverged, not measured) are never
 * on it.
 */

/** A trial's objective (lower is better) and its cost (time, trial-epochs or parameters; lower is cheaper). */
export interface ParetoPoint {
  value: number;
  cost: number;
}

/** Indices of the points on the Pareto front, from cheapest to most expensive (ties by index). */
export function paretoFront(points: readonly ParetoPoint[]): number[] {
  const order = points
    .map((_, index) => index)
    .filter((index) => Number.isFinite(points[index].value) && Number.isFinite(points[index].cost))
    .sort((a, b) => points[a].cost - points[b].cost || points[a].value - points[b].value || a - b);
  const front: number[] = [];
  let bestValue = Infinity;
  let start = 0;
  while (start < order.length) {
    // One group of equal cost; sorted by value, so its first point has the group's lowest value.
    let end = start;
    while (end < order.length && points[order[end]].cost === points[order[start]].cost) end++;
    const lowest = points[order[start]].value;
    if (lowest < bestValue) {
      for (let i = start; i < end && points[order[i]].value === lowest; i++) front.push(order[i]);
      bestValue = lowest;
    }
    start = end;
  }
  return front;
}

/** True when point a dominates point b: no worse on both, strictly better on one. */
export function dominates(a: ParetoPoint, b: ParetoPoint): boolean {
  return a.value <= b.value && a.cost <= b.cost && (a.value < b.value || a.cost < b.cost);
}
