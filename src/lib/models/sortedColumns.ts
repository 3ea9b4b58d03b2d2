/**
 * Features by column, each with its rows in ascending order of value: computed once per fit and
 * shared by every tree of a forest or boosting run, so growing a tree never sorts.
 */

/** Column-major features and, per column, the row order that sorts it. */
export interface SortedColumns {
  /** Number of rows. */
  size: number;
  /** Number of feature columns. */
  featureCount: number;
  /** Features column-major, shape [featureCount * size]: column f, row r at f * size + r. */
  columns: Float32Array;
  /** Per column, row indices by ascending value (ties by row), shape [featureCount * size]. */
  order: Int32Array;
  /** Per column, each row's position in `order` (its rank), shape [featureCount * size]. */
  rank: Int32Array;
}

/** Sorts the columns of row-major features [size * featureCount]. */
export function sortColumns(features: ArrayLike<number>, size: number, featureCount: number): SortedColumns {
  const columns = new Float32Array(featureCount * size);
  for (let row = 0; row < size; row++) {
    for (let feature = 0; feature < featureCount; feature++) columns[feature * size + row] = features[row * featureCount + feature];
  }
  const order = new Int32Array(featureCount * size);
  const rank = new Int32Array(featureCount * size);
  for (let feature = 0; feature < featureCount; feature++) {
    const base = feature * size;
    const rows = new Int32Array(size);
    for (let row = 0; row < size; row++) rows[row] = row;
    rows.sort((a, b) => columns[base + a] - columns[base + b] || a - b);
    order.set(rows, base);
    for (let position = 0; position < size; position++) rank[base + rows[position]] = position;
  }
  return { size, featureCount, columns, order, rank };
}
