/**
 * Grows one CART tree depth-first on presorted columns. A node is a range [start, end) of rows.
 * The split search scans a node's rows in each examined feature's order (by value, ties by row),
 * got one of two ways that give the same order and so the same tree:
 * - partitioned: every column's order is kept split per node (a stable partition after each
 *   split), so children stay sorted: O(rows × features) per level, best when most features are
 *   examined (a single tree, boosting);
 * - sorted per node: only the examined features' ranks are sorted (natively, as integers) for
 *   the node, best for a forest's small random subsets.
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
  /** How the search orders a node's rows (same tree either way); default: partitioned when maxFeatures ≥ featureCount / 4. */
  layout?: 'partitioned' | 'sortedPerNode';
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
 * counts and subsamples do).
 */
export function growTree(
  sorted: SortedColumns, targets: GrowthTargets, weights: Float64Array | null, limits: GrowthLimits,
  random: Random,
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
  if (rowCount === 0) throw new RangeError('a tree needs at least one row of positive weight');
  const partitioned = limits.layout ? limits.layout === 'partitioned' : limits.maxFeatures * 4 >= featureCount;
  let order = new Int32Array(0);
  let rows = new Int32Array(0);
  if (partitioned && weights === null) order = sorted.order.slice();
  else if (partitioned) {
    order = new Int32Array(featureCount * rowCount);
    for (let feature = 0; feature < featureCount; feature++) {
      let position = feature * rowCount;
      for (let index = feature * size; index < (feature + 1) * size; index++) {
        if (weightOf(sorted.order[index]) > 0) order[position++] = sorted.order[index];
      }
    }
  } else {
    rows = new Int32Array(rowCount);
    for (let row = 0, position = 0; row < size; row++) if (weightOf(row) > 0) rows[position++] = row;
  }
  const keys = new Int32Array(partitioned ? 0 : rowCount);
  const scratch = new Int32Array(rowCount);
  const goesLeft = new Uint8Array(size);
  const featureOrder = Int32Array.from({ length: featureCount }, (_, feature) => feature);
  const nodeStats = new Float64Array(statsWidth);
  const leftStats = new Float64Array(statsWidth);
  const rightStats = new Float64Array(statsWidth);
  const values = new Float64Array(width);
  const builder = new TreeBuilder(width);
  // The node's rows are at view[offset + start .. offset + end) after sortedSegment.
  let view = partitioned ? order : rows;
  const sortedSegment = (feature: number, start: number, end: number): number => {
    if (partitioned) {
      view = order;
      return feature * rowCount;
    }
    const base = feature * size;
    const count = end - start;
    for (let index = 0; index < count; index++) keys[index] = sorted.rank[base + rows[start + index]];
    keys.subarray(0, count).sort();
    for (let index = 0; index < count; index++) scratch[index] = sorted.order[base + keys[index]];
    view = scratch;
    return -start;
  };
  // Stats over rows array[offset + start .. offset + end): class weights, or [sum, sum of squares].
  const gather = (array: Int32Array, offset: number, start: number, end: number): number => {
    nodeStats.fill(0);
    let total = 0;
    for (let position = offset + start; position < offset + end; position++) {
      const row = array[position];
      const weight = weightOf(row);
      total += weight;
      if (classCount > 0) nodeStats[y[row]] += weight;
      else {
        nodeStats[0] += weight * y[row];
        nodeStats[1] += weight * y[row] * y[row];
      }
    }
    return total;
  };
  const addNode = (array: Int32Array, offset: number, start: number, end: number, depth: number) => {
    const weight = gather(array, offset, start, end);
    if (classCount > 0) for (let k = 0; k < width; k++) values[k] = nodeStats[k] / weight;
    else values[0] = nodeStats[0] / weight;
    const impurity = impurityOf(criterion, nodeStats, statsWidth, weight);
    return { node: builder.addNode(values, weight, depth, impurity), weight, impurity };
  };

  const minLeaf = limits.minSamplesLeaf;
  const gini = criterion === 'gini';
  // Scans the split points of one feature at a node, keeping the best in `best`; false if the feature is constant there.
  const searchFeature = (feature: number, start: number, end: number, nodeWeight: number, best: Best): boolean => {
    const base = feature * size;
    const segment = sortedSegment(feature, start, end);
    const array = view;
    if (columns[base + array[segment + start]] === columns[base + array[segment + end - 1]]) return false;
    let leftScore = 0;
    let rightScore = 0;
    let leftWeight = 0;
    let bestProxy = best.proxy;
    let bestPosition = -1;
    if (classCount > 0) {
      leftStats.fill(0);
      rightStats.set(nodeStats);
      for (let k = 0; k < width; k++) rightScore += gini ? nodeStats[k] * nodeStats[k] : xLogX(nodeStats[k]);
    } else rightScore = nodeStats[0];
    const last = end - 1;
    for (let position = start; position < last; position++) {
      const row = array[segment + position];
      const weight = weights === null ? 1 : weights[row];
      leftWeight += weight;
      if (classCount === 0) {
        leftScore += weight * y[row];
        rightScore -= weight * y[row];
      } else {
        const k = y[row];
        const before = leftStats[k];
        const rightBefore = rightStats[k];
        const after = before + weight;
        const rightAfter = rightBefore - weight;
        leftStats[k] = after;
        rightStats[k] = rightAfter;
        if (gini) {
          leftScore += after * after - before * before;
          rightScore += rightAfter * rightAfter - rightBefore * rightBefore;
        } else {
          leftScore += xLogX(after) - xLogX(before);
          rightScore += xLogX(rightAfter) - xLogX(rightBefore);
        }
      }
      const leftCount = position - start + 1;
      if (end - start - leftCount < minLeaf) break;
      if (leftCount < minLeaf || columns[base + row] === columns[base + array[segment + position + 1]]) continue;
      const proxy = proxyOf(criterion, leftScore, leftWeight) + proxyOf(criterion, rightScore, nodeWeight - leftWeight);
      if (proxy > bestProxy) {
        bestProxy = proxy;
        bestPosition = position;
      }
    }
    if (bestPosition >= 0) {
      const value = columns[base + array[segment + bestPosition]];
      const nextValue = columns[base + array[segment + bestPosition + 1]];
      let threshold = value / 2 + nextValue / 2;
      if (threshold === nextValue || !Number.isFinite(threshold)) threshold = value;
      best.feature = feature;
      best.leftCount = bestPosition - start + 1;
      best.threshold = threshold;
      best.proxy = bestProxy;
    }
    return true;
  };

  // Moves the rows marked in goesLeft to the front of array[offset + start .. offset + end), keeping their order.
  const stablePartition = (array: Int32Array, offset: number, start: number, end: number): void => {
    let left = offset + start;
    let right = 0;
    for (let position = offset + start; position < offset + end; position++) {
      const row = array[position];
      if (goesLeft[row] === 1) array[left++] = row;
      else scratch[right++] = row;
    }
    array.set(scratch.subarray(0, right), left);
  };
  const split = (best: Best, start: number, end: number, childrenMaySplit: boolean): void => {
    if (!partitioned) {
      for (let position = start; position < end; position++) {
        goesLeft[rows[position]] = columns[best.feature * size + rows[position]] <= best.threshold ? 1 : 0;
      }
      stablePartition(rows, 0, start, end);
      return;
    }
    if (!childrenMaySplit) return;
    const chosen = best.feature * rowCount;
    for (let position = start; position < start + best.leftCount; position++) goesLeft[order[chosen + position]] = 1;
    for (let other = 0; other < featureCount; other++) if (other !== best.feature) stablePartition(order, other * rowCount, start, end);
    for (let position = start; position < start + best.leftCount; position++) goesLeft[order[chosen + position]] = 0;
  };

  const stack: { start: number; end: number; depth: number; node: number; weight: number; impurity: number }[] = [];
  stack.push({ start: 0, end: rowCount, depth: 0, ...addNode(view, 0, 0, rowCount, 0) });
  while (stack.length > 0) {
    const { start, end, depth, node, weight, impurity } = stack.pop()!;
    const count = end - start;
    if ((limits.maxDepth !== null && depth >= limits.maxDepth) || count < limits.minSamplesSplit
      || count < 2 * limits.minSamplesLeaf || impurity <= 1e-12) continue;
    gather(partitioned ? order : rows, 0, start, end);
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
    const childrenMaySplit = limits.maxDepth === null || depth + 1 < limits.maxDepth;
    split(best, start, end, childrenMaySplit);
    // The chosen feature's segment (partitioned) or the partitioned rows hold left then right.
    const [array, offset] = partitioned ? [order, best.feature * rowCount] : [rows, 0];
    const middle = start + best.leftCount;
    const left = addNode(array, offset, start, middle, depth + 1);
    const right = addNode(array, offset, middle, end, depth + 1);
    builder.setSplit(node, best.feature, best.threshold, left.node, right.node);
    stack.push({ start: middle, end, depth: depth + 1, ...right }, { start, end: middle, depth: depth + 1, ...left });
  }
  return builder.finish();
}
