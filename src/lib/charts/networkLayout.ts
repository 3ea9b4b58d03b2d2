/**
 * Where a network drawing puts its nodes and how it draws each weight: columns of nodes from the
 * inputs to the outputs, and one edge per weight, blue when positive and orange when negative
 * (as TensorFlow Playground), wider and more opaque the larger its magnitude.
 */
import type { LayerWeights } from '../core/networkWeights';

/** One node, in pixels, with its bias (0 for inputs). */
export interface NetworkNode {
  x: number;
  y: number;
  bias: number;
}

/** One weight drawn as an edge between two nodes. */
export interface NetworkEdge {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  weight: number;
}

/** Nodes per column and every edge of a network of dense layers, laid out in a width × height box. */
export function networkLayout(layers: readonly LayerWeights[], width: number, height: number, padding = 16): { columns: NetworkNode[][]; edges: NetworkEdge[]; largest: number } {
  if (layers.length === 0) return { columns: [], edges: [], largest: 0 };
  const sizes = [layers[0].inputs, ...layers.map((layer) => layer.units)];
  const columnX = (index: number) => padding + (index * (width - 2 * padding)) / Math.max(1, sizes.length - 1);
  const columns = sizes.map((size, column) =>
    Array.from({ length: size }, (_, row) => ({
      x: columnX(column),
      y: padding + ((row + 0.5) * (height - 2 * padding)) / size,
      bias: column === 0 ? 0 : layers[column - 1].bias[row],
    })),
  );
  const edges: NetworkEdge[] = [];
  let largest = 0;
  layers.forEach((layer, index) => {
    for (let i = 0; i < layer.inputs; i++) {
      for (let j = 0; j < layer.units; j++) {
        const weight = layer.kernel[i * layer.units + j];
        const from = columns[index][i];
        const to = columns[index + 1][j];
        edges.push({ x1: from.x, y1: from.y, x2: to.x, y2: to.y, weight });
        if (Math.abs(weight) > largest) largest = Math.abs(weight);
      }
    }
  });
  return { columns, edges, largest };
}

/** Edge colour: blue for a positive weight, orange for a negative one. */
export function weightColor(weight: number): string {
  return weight >= 0 ? '#4e79a7' : '#f28e2b';
}
