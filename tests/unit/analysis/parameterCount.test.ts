import { describe, expect, it } from 'vitest';
import { parameterCount } from '../../../src/lib/analysis/parameterCount';

describe('parameterCount', () => {
  it('counts the weights and biases of every dense layer of an MLP', () => {
    // 2 inputs → 16 → 16 → 3 classes: 3·16 + 17·16 + 17·3 = 48 + 272 + 51.
    expect(parameterCount({ kind: 'mlp', hiddenLayers: 2, units: 16, degree: 1 }, 2, 3)).toBe(371);
    expect(parameterCount({ kind: 'mlp', hiddenLayers: 0, units: 16, degree: 1 }, 2, 1)).toBe(3);
  });

  it('counts one linear layer on the polynomial features of ridge regression', () => {
    expect(parameterCount({ kind: 'ridge', hiddenLayers: 2, units: 16, degree: 5 }, 1, 1)).toBe(6);
  });
});
