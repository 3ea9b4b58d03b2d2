import { describe, expect, it } from 'vitest';
import { parameterCount, treeLeafBound } from '../../../src/lib/analysis/parameterCount';
import { defaultModelSettings, type ModelSettings } from '../../../src/lib/core/modelSettings';
import { polynomialTerms } from '../../../src/lib/models/designMatrix';

const settings = (changes: Partial<ModelSettings>): ModelSettings => ({ ...defaultModelSettings, ...changes });

describe('parameterCount', () => {
  it('counts the weights and biases of every dense layer of an MLP', () => {
    // 2 inputs → 16 → 16 → 3 classes: 3·16 + 17·16 + 17·3 = 48 + 272 + 51.
    expect(parameterCount(settings({ kind: 'mlp', hiddenLayers: 2, units: 16 }), 2, 3)).toBe(371);
    expect(parameterCount(settings({ kind: 'mlp', hiddenLayers: 0, units: 16 }), 2, 1)).toBe(3);
  });

  it('counts one linear layer on the polynomial features of ridge regression', () => {
    expect(parameterCount(settings({ kind: 'ridge', hiddenLayers: 2, units: 16, degree: 5 }), 1, 1)).toBe(6);
  });

  it("counts a linear model's coefficients: one per polynomial column plus the intercept, per output", () => {
    // Degree 3 over 2 features: x0, x1, x0², x0x1, x1², and the four cubes: 9 columns.
    expect(parameterCount(settings({ kind: 'linear', degree: 3 }), 2, 1)).toBe(10);
    expect(parameterCount(settings({ kind: 'linear', degree: 3 }), 2, 2)).toBe(10);
    expect(parameterCount(settings({ kind: 'linear', degree: 2 }), 4, 3)).toBe((polynomialTerms(4, 2).length + 1) * 3);
    expect(parameterCount(settings({ kind: 'linear', degree: 1 }), 64, 10)).toBe(650);
  });

  it('counts the most nodes a tree can grow: 2^depth leaves, limited by the rows per leaf', () => {
    expect(parameterCount(settings({ kind: 'tree', maxDepth: 3, minSamplesLeaf: 1 }), 2, 2, 240)).toBe(15);
    // No depth limit: at most 240 / 5 = 48 leaves, so 95 nodes.
    expect(parameterCount(settings({ kind: 'tree', maxDepth: 0, minSamplesLeaf: 5 }), 2, 2, 240)).toBe(95);
    expect(treeLeafBound({ maxDepth: 12, minSamplesLeaf: 1 }, 100)).toBe(100);
  });

  it("counts a forest's nodes over all its trees, boosting's leaves over all its rounds, and k-NN's stored points", () => {
    expect(parameterCount(settings({ kind: 'forest', treeCount: 50, maxDepth: 4, minSamplesLeaf: 1 }), 2, 2, 240)).toBe(50 * 31);
    expect(parameterCount(settings({ kind: 'boosting', epochs: 100, maxDepth: 3, minSamplesLeaf: 1 }), 2, 2, 240)).toBe(800);
    // Three classes: one tree per class per round.
    expect(parameterCount(settings({ kind: 'boosting', epochs: 10, maxDepth: 2, minSamplesLeaf: 1 }), 4, 3, 90)).toBe(120);
    expect(parameterCount(settings({ kind: 'knn', neighbors: 5 }), 2, 2, 240)).toBe(480);
  });
});
