import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { pcaPlane, planeGridInputs, planeResolution, planeToInputs, planProbeWithPlane } from '../../../src/lib/analysis/pcaPlane';
import { projectRows } from '../../../src/lib/analysis/pca';
import { boundaryGrid, paddedExtent, planProbe } from '../../../src/lib/analysis/probe';
import { createRandom } from '../../../src/lib/core/random';
import type { Dataset } from '../../../src/lib/datasets/dataset';
import { decodeIris } from '../../../src/lib/datasets/realData';
import { spiral } from '../../../src/lib/datasets/spiral';

/** 3-D rows m + a·u + b·v (+ small noise along w), with a spread 3× wider along u than along v. */
function tiltedPlane(size: number, noise: number): { dataset: Dataset; m: number[]; u: number[]; v: number[] } {
  const random = createRandom(11);
  const m = [2, -1, 5];
  const u = [2 / 3, 2 / 3, 1 / 3];
  const v = [1 / Math.SQRT2, -1 / Math.SQRT2, 0];
  const w = [u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2], u[0] * v[1] - u[1] * v[0]];
  const features = new Float32Array(size * 3);
  for (let row = 0; row < size; row++) {
    const a = 3 * random.normal();
    const b = random.normal();
    const c = noise * random.normal();
    for (let k = 0; k < 3; k++) features[row * 3 + k] = m[k] + a * u[k] + b * v[k] + c * w[k];
  }
  const targets = new Float32Array(size);
  const dataset: Dataset = { name: 'tilted', task: 'regression', size, featureCount: 3, features, targets, classCount: 0, featureNames: ['x', 'y', 'z'], classNames: [] };
  return { dataset, m, u, v };
}

const dot = (p: ArrayLike<number>, q: ArrayLike<number>) => Array.from(p).reduce((sum, value, k) => sum + value * q[k], 0);

describe('pcaPlane', () => {
  it('finds the plane a 3-D cloud lies on: mean near m, PC1 along u and PC2 along v (up to sign)', () => {
    const { dataset, m, u, v } = tiltedPlane(3000, 0.01);
    const plane = pcaPlane(dataset)!;
    for (let k = 0; k < 3; k++) expect(plane.pca.mean[k]).toBeCloseTo(m[k], 1);
    expect(Math.abs(dot(plane.pca.components[0], u))).toBeCloseTo(1, 3);
    expect(Math.abs(dot(plane.pca.components[1], v))).toBeCloseTo(1, 3);
    expect(plane.pca.explained[0] + plane.pca.explained[1]).toBeGreaterThan(0.999);
  });

  it('pads the rows’ (PC1, PC2) range by 8% on each side, so every row lies inside the picture', () => {
    const iris = decodeIris(JSON.parse(readFileSync('public/data/iris.json', 'utf8')), { standardized: false });
    const plane = pcaPlane(iris)!;
    // Fitted once per dataset: the picture and the probe share it.
    expect(pcaPlane(iris)).toBe(plane);
    let [aMin, aMax, bMin, bMax] = [Infinity, -Infinity, Infinity, -Infinity];
    for (let row = 0; row < iris.size; row++) {
      aMin = Math.min(aMin, plane.coordinates[row * 2]);
      aMax = Math.max(aMax, plane.coordinates[row * 2]);
      bMin = Math.min(bMin, plane.coordinates[row * 2 + 1]);
      bMax = Math.max(bMax, plane.coordinates[row * 2 + 1]);
    }
    const [x0, x1, y0, y1] = plane.extent;
    expect(x0).toBeCloseTo(aMin - 0.08 * (aMax - aMin), 9);
    expect(x1).toBeCloseTo(aMax + 0.08 * (aMax - aMin), 9);
    expect(y0).toBeCloseTo(bMin - 0.08 * (bMax - bMin), 9);
    expect(y1).toBeCloseTo(bMax + 0.08 * (bMax - bMin), 9);
  });

  it('is null for two features (they get the real plane) and for a single row', () => {
    expect(pcaPlane(spiral({ samples: 40, noise: 0, seed: 1 }))).toBeNull();
    expect(pcaPlane({ features: Float32Array.from([1, 2, 3]), size: 1, featureCount: 3 })).toBeNull();
  });
});

describe('planeToInputs and planeGridInputs', () => {
  it('map plane coordinates (a, b) to mean + a·pc1 + b·pc2, which projects back to (a, b)', () => {
    const iris = decodeIris(JSON.parse(readFileSync('public/data/iris.json', 'utf8')), { standardized: false });
    const { pca } = pcaPlane(iris)!;
    const point = planeToInputs(pca, 1.5, -0.25);
    for (let k = 0; k < 4; k++) expect(point[k]).toBeCloseTo(pca.mean[k] + 1.5 * pca.components[0][k] - 0.25 * pca.components[1][k], 12);
    const back = projectRows(pca, point, 1);
    expect(back[0]).toBeCloseTo(1.5, 12);
    expect(back[1]).toBeCloseTo(-0.25, 12);
    // The origin of the plane is the data's mean.
    expect(Array.from(planeToInputs(pca, 0, 0))).toEqual(Array.from(pca.mean));
  });

  it('lays the grid out as boundaryGrid does (top-left cell first), each cell centre mapped into the input space', () => {
    const { dataset } = tiltedPlane(500, 0.3);
    const plane = pcaPlane(dataset)!;
    const resolution = 6;
    const rows = planeGridInputs(plane, resolution);
    expect(rows).toHaveLength(resolution * resolution * 3);
    const cells = boundaryGrid(plane.extent, resolution);
    const back = projectRows(plane.pca, rows, resolution * resolution);
    for (let cell = 0; cell < resolution * resolution; cell++) {
      expect(back[cell * 2]).toBeCloseTo(cells[cell * 2], 4);
      expect(back[cell * 2 + 1]).toBeCloseTo(cells[cell * 2 + 1], 4);
    }
    // Top-left first: the smallest PC1 and the largest PC2.
    expect(back[0]).toBeLessThan(back[2 * (resolution - 1)]);
    expect(back[1]).toBeGreaterThan(back[2 * resolution * (resolution - 1) + 1]);
  });
});

describe('planProbeWithPlane', () => {
  it('asks about the plane’s grid first, then the validation rows as planProbe does', () => {
    const { dataset } = tiltedPlane(50, 0.3);
    const validation = [3, 7, 11];
    const plan = planProbeWithPlane(dataset, paddedExtent(dataset), validation, 5);
    expect(plan.pictureRows).toBe(25);
    expect(plan.rows).toHaveLength((25 + 3) * 3);
    expect(Array.from(plan.rows.subarray(0, 75))).toEqual(Array.from(planeGridInputs(plan.plane!, 5)));
    expect(Array.from(plan.rows.subarray(75))).toEqual(Array.from(planProbe(dataset, paddedExtent(dataset), validation).rows));
  });

  it('leaves the probe of 2-feature data alone: its own boundary grid, no plane', () => {
    const dataset = spiral({ samples: 40, noise: 0, seed: 1 });
    const extent = paddedExtent(dataset);
    const plan = planProbeWithPlane(dataset, extent, [1, 2]);
    const plain = planProbe(dataset, extent, [1, 2]);
    expect(plan.plane).toBeNull();
    expect(plan.pictureRows).toBe(plain.pictureRows);
    expect(Array.from(plan.rows)).toEqual(Array.from(plain.rows));
  });
});

describe('planeResolution', () => {
  it('keeps the 48-cell grid up to 8 features and shrinks it for wider rows, never below 24', () => {
    expect(planeResolution(3)).toBe(48);
    expect(planeResolution(8)).toBe(48);
    expect(planeResolution(16)).toBe(34);
    expect(planeResolution(64)).toBe(24);
    expect(planeResolution(784)).toBe(24);
  });

  it('is the grid planProbeWithPlane asks about by default', () => {
    const wide: Dataset = { name: 'wide', task: 'regression', size: 20, featureCount: 16, features: Float32Array.from({ length: 320 }, (_, i) => Math.sin(i * 1.7) + (i % 16) * 0.1), targets: new Float32Array(20), classCount: 0, featureNames: [], classNames: [] };
    expect(planProbeWithPlane(wide, [-1, 1, -1, 1], []).pictureRows).toBe(34 * 34);
  });
});
