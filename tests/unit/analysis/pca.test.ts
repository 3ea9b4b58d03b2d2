import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fitPca, projectRows, symmetricEigen } from '../../../src/lib/analysis/pca';
import { decodeIris } from '../../../src/lib/datasets/realData';
import { createRandom } from '../../../src/lib/core/random';

describe('symmetricEigen', () => {
  it('finds the known decomposition of [[2,1,0],[1,2,0],[0,0,1]]: 3 along (1,1,0)/√2, then 1 twice', () => {
    const { values, vectors } = symmetricEigen([2, 1, 0, 1, 2, 0, 0, 0, 1], 3);
    expect(values[0]).toBeCloseTo(3, 10);
    expect(values[1]).toBeCloseTo(1, 10);
    expect(values[2]).toBeCloseTo(1, 10);
    expect(vectors[0][0]).toBeCloseTo(Math.SQRT1_2, 10);
    expect(vectors[0][1]).toBeCloseTo(Math.SQRT1_2, 10);
    expect(vectors[0][2]).toBeCloseTo(0, 10);
  });
  it('returns orthonormal vectors that satisfy A v = λ v for a random symmetric matrix', () => {
    const random = createRandom(5);
    const d = 7;
    const a = new Float64Array(d * d);
    for (let i = 0; i < d; i++) for (let j = i; j < d; j++) a[i * d + j] = a[j * d + i] = random.next() * 2 - 1;
    const { values, vectors } = symmetricEigen(a, d);
    for (let e = 0; e < d; e++) {
      for (let i = 0; i < d; i++) {
        let product = 0;
        for (let k = 0; k < d; k++) product += a[i * d + k] * vectors[e][k];
        expect(product).toBeCloseTo(values[e] * vectors[e][i], 9);
      }
      for (let f = 0; f < d; f++) {
        const dot = vectors[e].reduce((sum, value, k) => sum + value * vectors[f][k], 0);
        expect(dot).toBeCloseTo(e === f ? 1 : 0, 9);
      }
    }
    expect(values).toEqual([...values].sort((x, y) => y - x));
  });
});

describe('fitPca', () => {
  it('recovers the direction and variances of data stretched along a known axis', () => {
    const random = createRandom(3);
    const size = 4000;
    const angle = Math.PI / 6;
    const features = new Float64Array(size * 2);
    for (let row = 0; row < size; row++) {
      const along = 3 * random.normal();
      const across = 0.5 * random.normal();
      features[row * 2] = 10 + along * Math.cos(angle) - across * Math.sin(angle);
      features[row * 2 + 1] = -2 + along * Math.sin(angle) + across * Math.cos(angle);
    }
    const pca = fitPca(features, size, 2);
    expect(Math.abs(pca.components[0][0])).toBeCloseTo(Math.cos(angle), 2);
    expect(Math.abs(pca.components[0][1])).toBeCloseTo(Math.sin(angle), 2);
    expect(pca.variances[0]).toBeGreaterThan(8.5);
    expect(pca.variances[0]).toBeLessThan(9.5);
    expect(pca.variances[1]).toBeCloseTo(0.25, 1);
    const projected = projectRows(pca, features, size);
    let sum = 0;
    for (let row = 0; row < size; row++) sum += projected[row * 2];
    expect(Math.abs(sum / size)).toBeLessThan(1e-9);
  });

  it("matches the published PCA of Fisher's iris in cm: 92.5% and 5.3% of the variance", () => {
    // scikit-learn's PCA example reports explained_variance_ratio_ [0.9246, 0.0531] for the raw measurements.
    const iris = decodeIris(JSON.parse(readFileSync('public/data/iris.json', 'utf8')), { standardized: false });
    const pca = fitPca(iris.features, iris.size, iris.featureCount);
    expect(pca.explained[0]).toBeCloseTo(0.9246, 2);
    expect(pca.explained[1]).toBeCloseTo(0.0531, 2);
    // The first direction is mostly petal length (scikit-learn: 0.361, -0.085, 0.857, 0.358).
    expect(pca.components[0][2]).toBeCloseTo(0.857, 1);
    expect(pca.components[0][0]).toBeCloseTo(0.361, 1);
  });

  it('refuses fewer than two rows', () => {
    expect(() => fitPca([1, 2], 1, 2)).toThrow(/two rows/);
  });
});
