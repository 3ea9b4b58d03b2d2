/**
 * The flat picture of data with more than two features: the plane through the data's mean
 * spanned by its first two principal components. Grid cells of that plane are mapped back to the
 * input space (mean + a·pc1 + b·pc2) so the trained model can be asked about them, the way the
 * 2-D boundary grid is. What the model says there is the model on that plane only, a projection:
 * a real row lies off the plane and may get another answer.
 */
import type { Dataset } from '../datasets/dataset';
import { fitPca, projectRows, type Pca } from './pca';
import { boundaryGrid, boundaryResolution, planProbe, type Extent, type ProbeOutputs, type ProbePlan } from './probe';

/** The PC1–PC2 plane of a dataset: its PCA, every row's (PC1, PC2) and the rectangle the picture shows. */
export interface PcaPlane {
  pca: Pca;
  /** Row-major (PC1, PC2) of every row: [size * 2]. */
  coordinates: Float64Array;
  /** [pc1Min, pc1Max, pc2Min, pc2Max], the rows' range padded by 8%. */
  extent: Extent;
}

/** The model's outputs over the plane's grid, [resolution² * outputSize], with the plane they were asked on. */
export interface ProjectionOutputs extends ProbeOutputs {
  plane: PcaPlane;
}

/** A probe plan that may also ask about the PC1–PC2 plane (its grid rows come first). */
export interface PlaneProbePlan extends ProbePlan {
  plane: PcaPlane | null;
}

function padded(low: number, high: number): [number, number] {
  const pad = Math.max(0.08 * (high - low), 1e-3);
  return [low - pad, high + pad];
}

/** Planes already fitted, by dataset: the picture and the probe of one dataset share one fit. */
const fitted = new WeakMap<object, PcaPlane | null>();

/** Cells per side of the plane's grid: 48 (as the 2-D boundary) up to 8 features, fewer for wider rows (at least 24), so asking the model stays cheap. */
export function planeResolution(featureCount: number): number {
  return Math.max(24, Math.min(boundaryResolution, Math.round(boundaryResolution * Math.sqrt(8 / Math.max(1, featureCount)))));
}

/** The PC1–PC2 plane of data with more than two features and at least two rows; null otherwise (fitted once per dataset). */
export function pcaPlane(dataset: Pick<Dataset, 'features' | 'size' | 'featureCount'>): PcaPlane | null {
  if (!fitted.has(dataset)) fitted.set(dataset, fitPlane(dataset));
  return fitted.get(dataset) ?? null;
}

function fitPlane(dataset: Pick<Dataset, 'features' | 'size' | 'featureCount'>): PcaPlane | null {
  if (dataset.featureCount <= 2 || dataset.size < 2) return null;
  const pca = fitPca(dataset.features, dataset.size, dataset.featureCount, 2);
  const coordinates = projectRows(pca, dataset.features, dataset.size);
  let [aMin, aMax, bMin, bMax] = [Infinity, -Infinity, Infinity, -Infinity];
  for (let row = 0; row < dataset.size; row++) {
    const a = coordinates[row * 2];
    const b = coordinates[row * 2 + 1];
    if (!Number.isFinite(a) || !Number.isFinite(b)) continue;
    aMin = Math.min(aMin, a);
    aMax = Math.max(aMax, a);
    bMin = Math.min(bMin, b);
    bMax = Math.max(bMax, b);
  }
  if (aMin > aMax) return { pca, coordinates, extent: [-1, 1, -1, 1] };
  return { pca, coordinates, extent: [...padded(aMin, aMax), ...padded(bMin, bMax)] };
}

/** The input-space point at plane coordinates (a, b): mean + a·pc1 + b·pc2. */
export function planeToInputs(pca: Pca, a: number, b: number): Float64Array {
  const [first, second] = pca.components;
  return Float64Array.from(pca.mean, (mean, k) => mean + a * first[k] + b * (second?.[k] ?? 0));
}

/** Input rows of the plane's grid cell centres, row-major from the top like boundaryGrid: [resolution² * d]. */
export function planeGridInputs(plane: PcaPlane, resolution: number): Float32Array {
  const d = plane.pca.mean.length;
  const cells = boundaryGrid(plane.extent, resolution);
  const rows = new Float32Array(resolution * resolution * d);
  for (let cell = 0; cell < resolution * resolution; cell++) rows.set(planeToInputs(plane.pca, cells[2 * cell], cells[2 * cell + 1]), cell * d);
  return rows;
}

/** planProbe, plus the PC1–PC2 plane's grid (first) for data with more than two features. */
export function planProbeWithPlane(dataset: Dataset, extent: Extent, validation: readonly number[], resolution = planeResolution(dataset.featureCount)): PlaneProbePlan {
  const plan = planProbe(dataset, extent, validation);
  const plane = plan.view === 'none' ? pcaPlane(dataset) : null;
  if (!plane) return { ...plan, plane: null };
  const grid = planeGridInputs(plane, resolution);
  const rows = new Float32Array(grid.length + plan.rows.length);
  rows.set(grid);
  rows.set(plan.rows.subarray(plan.pictureRows * dataset.featureCount), grid.length);
  return { view: plan.view, rows, pictureRows: resolution * resolution, plane };
}
