/**
 * A fitted binary tree stored as flat typed arrays (one slot per node, no node objects), so a
 * forest of hundreds of trees stays compact and can be posted to a worker as it is.
 * Node 0 is the root; a row goes left when its feature value is at most the threshold.
 */

/** The arrays of a tree; every array has one entry per node (`values` has `valueWidth` per node). */
export interface TreeArrays {
  /** Number of nodes. */
  nodeCount: number;
  /** Values stored per node: the class count (probabilities) or 1 (a regression value). */
  valueWidth: number;
  /** Feature tested at each node; −1 at a leaf. */
  feature: Int32Array;
  /** Threshold of each split node: value ≤ threshold goes left. */
  threshold: Float64Array;
  /** Index of the left child; −1 at a leaf. */
  left: Int32Array;
  /** Index of the right child; −1 at a leaf. */
  right: Int32Array;
  /** Node values, shape [nodeCount * valueWidth]: class probabilities or a mean target. */
  values: Float64Array;
  /** Training rows (weighted) that reached each node. */
  weight: Float64Array;
  /** Impurity of each node's training rows (Gini, entropy or variance). */
  impurity: Float64Array;
  /** Depth of each node (root 0). */
  depth: Int32Array;
}

function grown<T extends Int32Array | Float64Array>(array: T, length: number): T {
  const bigger = new (array.constructor as { new (length: number): T })(length);
  bigger.set(array);
  return bigger;
}

/** Appends nodes to growing typed arrays, doubling their capacity as needed. */
export class TreeBuilder {
  private arrays: TreeArrays;
  private capacity: number;

  constructor(valueWidth: number, capacity = 64) {
    this.capacity = capacity;
    this.arrays = {
      nodeCount: 0,
      valueWidth,
      feature: new Int32Array(capacity),
      threshold: new Float64Array(capacity),
      left: new Int32Array(capacity),
      right: new Int32Array(capacity),
      values: new Float64Array(capacity * valueWidth),
      weight: new Float64Array(capacity),
      impurity: new Float64Array(capacity),
      depth: new Int32Array(capacity),
    };
  }

  /** Adds a leaf with the given values (length valueWidth), weight, depth and impurity; returns its index. */
  addNode(values: ArrayLike<number>, weight: number, depth: number, impurity = 0): number {
    if (this.arrays.nodeCount === this.capacity) this.grow();
    const tree = this.arrays;
    const node = tree.nodeCount++;
    tree.feature[node] = -1;
    tree.left[node] = -1;
    tree.right[node] = -1;
    tree.weight[node] = weight;
    tree.impurity[node] = impurity;
    tree.depth[node] = depth;
    for (let k = 0; k < tree.valueWidth; k++) tree.values[node * tree.valueWidth + k] = values[k];
    return node;
  }

  /** Turns a leaf into a split node on `feature` at `threshold` with the given children. */
  setSplit(node: number, feature: number, threshold: number, left: number, right: number): void {
    this.arrays.feature[node] = feature;
    this.arrays.threshold[node] = threshold;
    this.arrays.left[node] = left;
    this.arrays.right[node] = right;
  }

  /** The finished tree, its arrays trimmed to the node count. */
  finish(): TreeArrays {
    const tree = this.arrays;
    const count = tree.nodeCount;
    return {
      nodeCount: count,
      valueWidth: tree.valueWidth,
      feature: tree.feature.slice(0, count),
      threshold: tree.threshold.slice(0, count),
      left: tree.left.slice(0, count),
      right: tree.right.slice(0, count),
      values: tree.values.slice(0, count * tree.valueWidth),
      weight: tree.weight.slice(0, count),
      impurity: tree.impurity.slice(0, count),
      depth: tree.depth.slice(0, count),
    };
  }

  private grow(): void {
    const tree = this.arrays;
    this.capacity *= 2;
    tree.feature = grown(tree.feature, this.capacity);
    tree.threshold = grown(tree.threshold, this.capacity);
    tree.left = grown(tree.left, this.capacity);
    tree.right = grown(tree.right, this.capacity);
    tree.values = grown(tree.values, this.capacity * tree.valueWidth);
    tree.weight = grown(tree.weight, this.capacity);
    tree.impurity = grown(tree.impurity, this.capacity);
    tree.depth = grown(tree.depth, this.capacity);
  }
}

/** The leaf that row `row` of row-major `features` (featureCount columns) falls into. */
export function leafOf(tree: TreeArrays, features: ArrayLike<number>, featureCount: number, row: number): number {
  let node = 0;
  while (tree.left[node] !== -1) {
    node = features[row * featureCount + tree.feature[node]] <= tree.threshold[node] ? tree.left[node] : tree.right[node];
  }
  return node;
}

/** Adds `scale` × each row's leaf values into `outputs` [size * valueWidth]; features are [size * featureCount]. */
export function addTreeOutputs(
  tree: TreeArrays, features: ArrayLike<number>, featureCount: number, outputs: Float64Array, scale = 1,
): void {
  const width = tree.valueWidth;
  const size = Math.floor(features.length / featureCount);
  for (let row = 0; row < size; row++) {
    const leaf = leafOf(tree, features, featureCount, row);
    for (let k = 0; k < width; k++) outputs[row * width + k] += scale * tree.values[leaf * width + k];
  }
}

/** Number of leaves and greatest leaf depth, for the page's description of a tree. */
export function treeShape(tree: TreeArrays): { leafCount: number; depth: number } {
  let leafCount = 0;
  let depth = 0;
  for (let node = 0; node < tree.nodeCount; node++) {
    if (tree.left[node] === -1) {
      leafCount++;
      depth = Math.max(depth, tree.depth[node]);
    }
  }
  return { leafCount, depth };
}

/**
 * Mean decrease in impurity per feature (Breiman's "Gini importance"): each split's weighted
 * impurity minus its children's, summed by feature and normalised to sum to 1 (all 0 for a leaf).
 */
export function treeImportances(tree: TreeArrays, featureCount: number): Float64Array {
  const importances = new Float64Array(featureCount);
  for (let node = 0; node < tree.nodeCount; node++) {
    const left = tree.left[node];
    const right = tree.right[node];
    if (left === -1) continue;
    importances[tree.feature[node]] += tree.weight[node] * tree.impurity[node]
      - tree.weight[left] * tree.impurity[left] - tree.weight[right] * tree.impurity[right];
  }
  const total = importances.reduce((sum, value) => sum + value, 0);
  return importances.map((value) => (total > 0 ? value / total : 0));
}
