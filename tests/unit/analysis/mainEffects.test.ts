import { describe, expect, it } from 'vitest';
import { basePoints, effectGrid, mainEffects } from '../../../src/lib/analysis/mainEffects';
import { posteriorMean } from '../../../src/lib/analysis/posteriorMean';
import { createRandom } from '../../../src/lib/core/random';
import { featureCount, featuresFromUnit, type Dimension } from '../../../src/lib/core/space';
import { fitGaussianProcess } from '../../../src/lib/gp/fitGaussianProcess';

const space: Dimension[] = [
  { name: 'learningRate', type: 'log', low: 1e-4, high: 1 },
  { name: 'activation', type: 'choice', values: ['relu', 'tanh', 'sigmoid'] },
  { name: 'units', type: 'int', low: 1, high: 4 },
  { name: 'dropout', type: 'real', low: 0, high: 0.5 },
];

function fittedSurface(seed: number) {
  const random = createRandom(seed);
  const f = featureCount(space);
  const n = 25;
  const points = new Float64Array(n * f);
  const values = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const unit = Array.from(space, () => random.next());
    const features = featuresFromUnit(space, unit);
    points.set(features, j * f);
    values[j] = Math.sin(4 * unit[0]) + (unit[1] < 1 / 3 ? 0.5 : 0) + 0.1 * unit[2];
  }
  const model = fitGaussianProcess(points, values, { random });
  return { model, surface: posteriorMean(points, f, values, model.hyperparameters) };
}

describe('posteriorMean', () => {
  it('equals the Gaussian process mean', () => {
    const { model, surface } = fittedSurface(1);
    const random = createRandom(2);
    for (let trial = 0; trial < 10; trial++) {
      const point = featuresFromUnit(space, Array.from(space, () => random.next()));
      expect(surface.evaluate(point)).toBeCloseTo(model.predict(point).mean, 8);
    }
  });
});

describe('mainEffects', () => {
  it('equals the surface averaged over the base points with one dimension held at each grid value', () => {
    const { surface } = fittedSurface(3);
    const bases = basePoints(space.length, 10, createRandom(4));
    const effects = mainEffects(space, surface, bases);
    space.forEach((dimension, i) => {
      expect(effects[i].grid).toEqual(effectGrid(dimension));
      effects[i].grid.forEach((u, g) => {
        const average = bases.reduce((sum, base) => {
          const unit = Float64Array.from(base);
          unit[i] = u;
          return sum + surface.evaluate(featuresFromUnit(space, unit));
        }, 0) / bases.length;
        expect(effects[i].effect[g]).toBeCloseTo(average, 9);
      });
    });
  });

  it('gives exactly zero variance to a dimension the surface ignores', () => {
    const { surface } = fittedSurface(5);
    // Same observations with an extra real dimension whose feature is 0 everywhere and length scale huge.
    const wide: Dimension[] = [...space, { name: 'unused', type: 'real', low: 0, high: 1 }];
    const f = surface.dimensions;
    const points = new Float64Array(surface.count * (f + 1));
    for (let j = 0; j < surface.count; j++) {
      for (let k = 0; k < f; k++) points[j * (f + 1) + k] = surface.scaledPoints[j * f + k] / surface.inverseScales[k];
    }
    const values = Float64Array.from({ length: surface.count }, (_, j) => j % 3);
    const lengthScales = Float64Array.from([...Array.from(surface.inverseScales, (inverse) => 1 / inverse), 1e300]);
    const extended = posteriorMean(points, f + 1, values, { lengthScales, signalVariance: 1, noiseVariance: 1e-6 });
    const effects = mainEffects(wide, extended, basePoints(wide.length, 8, createRandom(6)));
    expect(effects[wide.length - 1].variance).toBe(0);
    expect(effects[0].variance).toBeGreaterThan(0);
  });
});
