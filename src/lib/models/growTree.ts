/**
 * Grows one CART tree depth-first on presorted columns. A node is a range [start, end) of every
 * column's row order; a split keeps the left rows first in each range (a stable partition), so
 * children stay sorted and the search never sorts again: O(rows × features) work per tree level.
 */
import type { Random } from '../core/random';
import type { SortedColumns } from './sortedColumns';
import { impurityOf, proxyOf, type SplitCriterion, xLogX } from './splitCriterion';
import { TreeBuilder, type TreeArrays } from './treeStructure';

/** Limits on a tree's growth, as counts. */
export interface GrowthLimits {
  /** Impurity measure. */
  criterion: SplitCriterion;
  /** Deepest level a split may create (root is 0); null = grow until leaves are pure or too small. */
  maxDepth: number | null;
  /** Fewest rows a node needs to be split. */
  minSamplesSplit: number;
  /** Fewest rows each child of a split must keep. */
  minSamplesLeaf: number;
  /** Non-constant features examined per split (random subset when below featureCount). */
  maxFeatures: number;
}

/** What a tree is fitted to: class indices (classCount > 0) or regression targets, one per row. */
export interface GrowthTargets {
  /** Class index or target per row, shape [size]. */
  values: ArrayLike<number>;
  /** Number of classes; 0 for regression. */
  classCount: number;
}

interface Best { feature: number; leftCount: number; threshold: number; proxy: number }

/**
 * Fits a tree to `targets` with row `weights` (null = all 1; 0 leaves a row out, as bootstrap
 * counts and subsamples do). Adds each split's weighted impurity decrease to `importances[feature]`.
 */
export function growTree(
  sorted: SortedColumns, targets: GrowthTargets, weights: Float64Array | null, limits: GrowthLimits,
  random: Random, importances?: Float64Array,
): TreeArrays {
  const { size, featureCount, columns } = sorted;
  const { criterion } = limits;
  const classCount = targets.classCount;
  const y = targets.values;
  const width = classCount > 0 ? classCount : 1;
  const statsWidth = classCount > 0 ? classCount : 2;
  const weightOf = (row: number) => (weights === null ? 1 : weights[row]);
  let rowCount = 0;
  for (let row = 0; row < size; row++) if (weightOf(row) > 0) rowCount++;
  // Without weights every row is in: copy the presorted order as it is; else keep the in-bag rows.
  const order = weights === null ? sorted.order.slice() : new Int32Array(featureCount * rowCount);
  for (let feature = 0; feature < featureCount && weights !== null; feature++) {
    let position = feature * rowCount;
    for (let index = feature * size; index < (feature + 1) * size; index++) {
      if (weightOf(sorted.order[index]) > 0) order[position++] = sorted.order[index];
    }
  }
  const goesLeft = new Uint8Array(size);
  const buffer = new Int32Array(rowCount);
  const featureOrder = Int32Array.from({ length: featureCount }, (_, feature) => feature);
  const nodeStats = new Float64Array(statsWidth);
  const leftStats = new Float64Array(statsWidth);
  const rightStats = new Float64Array(statsWidth);
  const values = new Float64Array(width);
  const builder = new TreeBuilder(width);
  // Per node: stats over its rows (class weights, or [sum, sum of squares]) and its total weight.
  const gather = (start: number, end: number, target: Float64Array): number => {
    target.fill(0);
    let total = 0;
    for (let position = start; position < end; position++) {
      const row = order[position];
      const weight = weightOf(row);
      total += weight;
      if (classCount > 0) target[y[row]] += weight;
      else {
        target[0] += weight * y[row];
        target[1] += weight * y[row] * y[row];
      }
    }
    return total;
  };
  const addNode = (start: number, end: number, depth: number): { node: number; weight: number; impurity: number } => {
    const weight = gather(start, end, nodeStats);
    if (classCount > 0) for (let k = 0; k < width; k++) values[k] = nodeStats[k] / weight;
    else values[0] = nodeStats[0] / weight;
    const node = builder.addNode(values, weight, depth);
    return { node, weight, impurity: impurityOf(criterion, nodeStats, statsWidth, weight) };
  };

  const searchFeature = (feature: number, start: number, end: number, nodeWeight: number, best: Best): boolean => {
    const base = feature * size;
    const segment = feature * rowCount;
    if (columns[base + order[segment + start]] === columns[base + order[segment + end - 1]]) return false;
    leftStats.fill(0);
    rightStats.set(nodeStats);
    let leftScore = 0;
    let rightScore = 0;
    if (criterion === 'squaredError') rightScore = nodeStats[0];
    else for (let k = 0; k < width; k++) rightScore += criterion === 'gini' ? nodeStats[k] ** 2 : xLogX(nodeStats[k]);
    let leftWeight = 0;
    const count = end - start;
    for (let position = start; position < end - 1; position++) {
      const row = order[segment + position];
      const weight = weightOf(row);
      leftWeight += weight;
      if (criterion === 'squaredError') {
        leftScore += weight * y[row];
        rightScore -= weight * y[row];
      } else {
        const k = y[row];
        const before = leftStats[k];
        const rightBefore = rightStats[k];
        leftStats[k] = before + weight;
        rightStats[k] = rightBefore - weight;
        if (criterion === 'gini') {
          leftScore += leftStats[k] * leftStats[k] - before * before;
          rightScore += rightStats[k] * rightStats[k] - rightBefore * rightBefore;
        } else {
          leftScore += xLogX(leftStats[k]) - xLogX(before);
          rightScore += xLogX(rightStats[k]) - xLogX(rightBefore);
        }
      }
      const leftCount = position - start + 1;
      if (count - leftCount < limits.minSamplesLeaf) break;
      if (leftCount < limits.minSamplesLeaf) continue;
      const value = columns[base + row];
      const nextValue = columns[base + order[segment + position + 1]];
      if (value === nextValue) continue;
      const proxy = proxyOf(criterion, leftScore, leftWeight) + proxyOf(criterion, rightScore, nodeWeight - leftWeight);
      if (proxy > best.proxy) {
        let threshold = value / 2 + nextValue / 2;
        if (threshold === nextValue || !Number.isFinite(threshold)) threshold = value;
        best.feature = feature;
        best.leftCount = leftCount;
        best.threshold = threshold;
        best.proxy = proxy;
      }
    }
    return true;
  };

  const partition = (feature: number, start: number, leftCount: number, end: number): void => {
    const chosen = feature * rowCount;
    for (let position = start; position < start + leftCount; position++) goesLeft[order[chosen + position]] = 1;
    for (let other = 0; other < featureCount; other++) {
      if (other === feature) continue;
      const segment = other * rowCount;
      let left = start;
      let right = 0;
      for (let position = start; position < end; position++) {
        const row = order[segment + position];
        if (goesLeft[row] === 1) order[segment + left++] = row;
        else buffer[right++] = row;
      }
      order.set(buffer.subarray(0, right), segment + left);
    }
    for (let position = start; position < start + leftCount; position++) goesLeft[order[chosen + position]] = 0;
  };

  const stack: { start: number; end: number; depth: number; node: number; weight: number; impurity: number }[] = [];
  if (rowCount > 0) stack.push({ start: 0, end: rowCount, depth: 0, ...addNode(0, rowCount, 0) });
  while (stack.length > 0) {
    const { start, end, depth, node, weight, impurity } = stack.pop()!;
    const count = end - start;
    if ((limits.maxDepth !== null && depth >= limits.maxDepth) || count < limits.minSamplesSplit
      || count < 2 * limits.minSamplesLeaf || impurity <= 1e-12) continue;
    gather(start, end, nodeStats);
    const best: Best = { feature: -1, leftCount: 0, threshold: 0, proxy: -Infinity };
    let visited = 0;
    for (let drawn = 0; drawn < featureCount && visited < limits.maxFeatures; drawn++) {
      if (limits.maxFeatures < featureCount) {
        const pick = drawn + random.int(featureCount - drawn);
        const held = featureOrder[drawn];
        featureOrder[drawn] = featureOrder[pick];
        featureOrder[pick] = held;
      }
      if (searchFeature(featureOrder[drawn], start, end, weight, best)) visited++;
    }
    if (best.feature < 0) continue;
    partition(best.feature, start, best.leftCount, end);
    const middle = start + best.leftCount;
    const left = addNode(start, middle, depth + 1);
    const right = addNode(middle, end, depth + 1);
    builder.setSplit(node, best.feature, best.threshold, left.node, right.node);
    if (importances) importances[best.feature] += weight * impurity - left.weight * left.impurity - right.weight * right.impurity;
    stack.push({ start: middle, end, depth: depth + 1, ...right }, { start, end: middle, depth: depth + 1, ...left });
  }
  return builder.finish();
}
