import { describe, expect, it } from 'vitest';
import { datasetFromPoints } from '../../../src/lib/datasets/drawnPoints';
import { sine } from '../../../src/lib/datasets/sine';
import { spiral } from '../../../src/lib/datasets/spiral';
import type { Dataset } from '../../../src/lib/datasets/dataset';
import { boundaryResolution, curveInputs, curveResolution, paddedExtent, planProbe, probeView, splitProbeOutputs } from '../../../src/lib/analysis/probe';

const fourFeatures: Dataset = {
  name: 'four', task: 'classification', size: 3, featureCount: 4,
  features: Float32Array.from({ length: 12 }, (_, i) => i), targets: Float32Array.from([0, 1, 0]),
  classCount: 2, featureNames: ['a', 'b', 'c', 'd'], classNames: ['x', 'y'],
};

describe('probe', () => {
  it('probeView gives a plane for 2 features, a curve for 1-D regression and none for more features', () => {
    expect(probeView(spiral({ samples: 50, noise: 0, seed: 1 }))).toBe('plane');
    expect(probeView(sine({ samples: 50, noise: 0, seed: 1 }))).toBe('curve');
    expect(probeView(fourFeatures)).toBe('none');
    expect(probeView({ featureCount: 1, task: 'classification' })).toBe('none');
  });

  it('paddedExtent of a 1-D dataset spans x and the target, padded by 10%', () => {
    const dataset: Dataset = { ...fourFeatures, featureCount: 1, size: 2, features: Float32Array.from([0, 10]), targets: Float32Array.from([-1, 1]), task: 'regression' };
    expect(paddedExtent(dataset)).toEqual([-1, 11, -1.2, 1.2]);
  });

  it('paddedExtent of no points is the unit square, not infinities', () => {
    expect(paddedExtent(datasetFromPoints([], 2))).toEqual([-1, 1, -1, 1]);
  });

  it('curveInputs runs evenly from xMin to xMax inclusive', () => {
    expect(Array.from(curveInputs([-1, 1, 0, 0], 5))).toEqual([-1, -0.5, 0, 0.5, 1]);
  });

  it('planProbe puts the boundary grid first, then the validation rows, and splitProbeOutputs cuts them apart', () => {
    const dataset = spiral({ samples: 50, noise: 0, seed: 1 });
    const plan = planProbe(dataset, [-1, 1, -1, 1], [3, 7]);
    expect(plan.view).toBe('plane');
    expect(plan.pictureRows).toBe(boundaryResolution ** 2);
    expect(plan.rows.length).toBe((boundaryResolution ** 2 + 2) * 2);
    expect(Array.from(plan.rows.slice(-4))).toEqual([...dataset.features.slice(6, 8), ...dataset.features.slice(14, 16)]);
    const outputs = Float32Array.from({ length: (plan.pictureRows + 2) * 2 }, (_, i) => i);
    const parts = splitProbeOutputs(outputs, 2, plan.pictureRows);
    expect(parts.picture.length).toBe(plan.pictureRows * 2);
    expect(Array.from(parts.validation)).toEqual([plan.pictureRows * 2, plan.pictureRows * 2 + 1, plan.pictureRows * 2 + 2, plan.pictureRows * 2 + 3]);
  });

  it('planProbe sends a row of x values for a 1-D regression and only the validation rows for wide data', () => {
    expect(planProbe(sine({ samples: 50, noise: 0, seed: 1 }), [-1, 1, -1, 1], [0]).pictureRows).toBe(curveResolution);
    const wide = planProbe(fourFeatures, [-1, 1, -1, 1], [2]);
    expect(wide.pictureRows).toBe(0);
    expect(Array.from(wide.rows)).toEqual([8, 9, 10, 11]);
  });
});
