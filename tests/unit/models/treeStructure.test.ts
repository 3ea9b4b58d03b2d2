import { describe, expect, it } from 'vitest';
import { addTreeOutputs, leafOf, TreeBuilder, treeShape } from '../../../src/lib/models/treeStructure';

describe('TreeBuilder', () => {
  it('grows past its first capacity and trims the arrays to the node count', () => {
    const builder = new TreeBuilder(1, 2);
    const root = builder.addNode([0], 4, 0);
    let parent = root;
    for (let level = 1; level <= 3; level++) {
      const left = builder.addNode([-level], 1, level);
      const right = builder.addNode([level], 1, level);
      builder.setSplit(parent, 0, level, left, right);
      parent = right;
    }
    const tree = builder.finish();
    expect(tree.nodeCount).toBe(7);
    expect(tree.feature).toHaveLength(7);
    expect(treeShape(tree)).toEqual({ leafCount: 4, depth: 3 });
    // x ≤ 1 → leaf −1; 1 < x ≤ 2 → −2; 2 < x ≤ 3 → −3; x > 3 → 3.
    const features = Float32Array.of(0.5, 1, 1.5, 3, 7);
    expect([0, 1, 2, 3, 4].map((row) => tree.values[leafOf(tree, features, 1, row)])).toEqual([-1, -1, -2, -3, 3]);
    const outputs = new Float64Array(5);
    addTreeOutputs(tree, features, 1, outputs, 0.5);
    expect(Array.from(outputs)).toEqual([-0.5, -0.5, -1, -1.5, 1.5]);
  });
});
