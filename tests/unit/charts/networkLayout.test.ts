import { describe, expect, it } from 'vitest';
import { networkLayout, weightColor } from '../../../src/lib/charts/networkLayout';
import type { LayerWeights } from '../../../src/lib/core/networkWeights';

const layers: LayerWeights[] = [
  { inputs: 2, units: 3, kernel: Float32Array.from([0.5, -1, 0, 2, 0.25, -0.5]), bias: Float32Array.from([0.1, 0, -0.2]) },
  { inputs: 3, units: 1, kernel: Float32Array.from([1, -3, 0.5]), bias: Float32Array.from([0.3]) },
];

describe('networkLayout', () => {
  it('puts one column of nodes per layer boundary, inputs first, each node with its bias', () => {
    const { columns } = networkLayout(layers, 300, 200);
    expect(columns.map((column) => column.length)).toEqual([2, 3, 1]);
    expect(columns[0].every((node) => node.bias === 0)).toBe(true);
    expect(columns[1].map((node) => node.bias)).toEqual([Math.fround(0.1), 0, Math.fround(-0.2)]);
    expect(columns[0][0].x).toBeLessThan(columns[1][0].x);
    expect(columns[1][0].x).toBeLessThan(columns[2][0].x);
  });

  it('draws one edge per weight, from input i to unit j reading kernel[i * units + j], and finds the largest magnitude', () => {
    const { columns, edges, largest } = networkLayout(layers, 300, 200);
    expect(edges).toHaveLength(2 * 3 + 3 * 1);
    const second = edges[1];
    expect(second.weight).toBe(-1);
    expect([second.x1, second.y1, second.x2, second.y2]).toEqual([columns[0][0].x, columns[0][0].y, columns[1][1].x, columns[1][1].y]);
    expect(largest).toBe(3);
  });

  it('colours positive weights blue and negative ones orange, and lays out nothing for no layers', () => {
    expect(weightColor(0.2)).not.toBe(weightColor(-0.2));
    expect(networkLayout([], 100, 100)).toEqual({ columns: [], edges: [], largest: 0 });
  });
});
