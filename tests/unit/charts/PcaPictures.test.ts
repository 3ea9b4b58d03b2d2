import { render } from 'svelte/server';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pcaPlane } from '../../../src/lib/analysis/pcaPlane';
import ConfusionMatrix from '../../../src/lib/charts/ConfusionMatrix.svelte';
import PcaScatter from '../../../src/lib/charts/PcaScatter.svelte';
import PcaValues from '../../../src/lib/charts/PcaValues.svelte';
import type { Dataset } from '../../../src/lib/datasets/dataset';
import { decodeIris } from '../../../src/lib/datasets/realData';

const iris = decodeIris(JSON.parse(readFileSync('public/data/iris.json', 'utf8')), { standardized: false });

/** Iris's four measurements with petal width as a numeric target (regression). */
const irisRegression: Dataset = {
  ...iris, name: 'petals', task: 'regression', featureCount: 3, classCount: 0, classNames: [], featureNames: iris.featureNames.slice(0, 3),
  features: Float32Array.from({ length: iris.size * 3 }, (_, i) => iris.features[Math.floor(i / 3) * 4 + (i % 3)]),
  targets: Float32Array.from({ length: iris.size }, (_, row) => iris.features[row * 4 + 3]),
};

function regionsOf(dataset: Dataset, outputSize: number) {
  return { trialId: 1, epoch: 4, outputs: new Float32Array(9 * outputSize), outputSize, dataset, plane: pcaPlane(dataset)! };
}

describe('PcaScatter', () => {
  it('before training shows the classes and says the shading will come with a model', () => {
    const { body } = render(PcaScatter, { props: { dataset: iris } });
    expect(body.match(/data-testid="pca-point"/g)).toHaveLength(150);
    expect(body).toContain('data-regions="none"');
    expect(body).toContain('Once a model is trained, the shading shows its class');
  });

  it('with the model’s outputs on the plane says in the legend and caption that the shading is the PC1–PC2 plane through the mean', () => {
    const { body } = render(PcaScatter, { props: { dataset: iris, regions: regionsOf(iris, 3), predicted: { rows: [0, 60], classes: [0, 2] } } });
    expect(body).toContain('data-regions="4"');
    expect(body).toContain('data-painted="true"');
    expect(body).toContain("shading: model's class on the PC1–PC2 plane through the mean");
    expect(body).toMatch(/a real row lies off that plane, so\s+the model may classify it differently/);
    expect(body).toContain('(1 of 2 wrong)');
  });
});

describe('PcaValues', () => {
  it('colours the rows by target with a ramp from the smallest to the largest target', () => {
    const { body } = render(PcaValues, { props: { dataset: irisRegression } });
    expect(body.match(/data-testid="pca-value-point"/g)).toHaveLength(150);
    expect(body).toMatch(/data-testid="legend-low"[^>]*>0\.1</);
    expect(body).toMatch(/data-testid="legend-high"[^>]*>2\.5</);
    expect(body).toContain('target value');
  });

  it('with predictions on the plane names the shading as the prediction on the PC1–PC2 plane', () => {
    const { body } = render(PcaValues, { props: { dataset: irisRegression, regions: regionsOf(irisRegression, 1) } });
    expect(body).toContain('target (points); prediction (shading)');
    expect(body).toContain("shading: the model's prediction on the PC1–PC2 plane through the mean");
    expect(body).toContain('data-painted="true"');
  });
});

describe('ConfusionMatrix', () => {
  it('labels rows and columns with the class names of a CSV, not "class"', () => {
    const { body } = render(ConfusionMatrix, { props: { matrix: [[3, 1], [0, 4]], classNames: ['short', 'tall'] } });
    const labels = [...body.matchAll(/data-testid="confusion-label" data-label="([^"]*)"/g)].map((match) => match[1]);
    expect(labels).toEqual(['short', 'tall']);
  });
});
