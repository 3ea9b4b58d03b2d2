/**
 * What the page asks the trained model about (its "probe" rows) and how the answers are cut
 * back apart: a grid over the plane for a 2-D boundary, a row of x values for a 1-D fitted
 * curve, then the validation rows (for the confusion matrix and the regression scores).
 */
import type { Dataset } from '../datasets/dataset';

/** The rectangle of the data view: [xMin, xMax, yMin, yMax] (for 1-D data, x and the target). */
export type Extent = [number, number, number, number];

/** Side of the square grid of points whose predictions draw the decision boundary. */
export const boundaryResolution = 48;

/** Number of x values at which the fitted curve of a 1-D regression is drawn. */
export const curveResolution = 160;

/** The view of drawn data: fixed, so a click always lands where the person pointed. */
export const drawnExtent: Extent = [-1, 1, -1, 1];

/** Which picture a dataset gets: a 2-D plane, a 1-D curve, or none (more than 2 features). */
export type ProbeView = 'plane' | 'curve' | 'none';

/** The picture a dataset gets: 'plane' for 2 features, 'curve' for 1-feature regression, else 'none'. */
export function probeView(dataset: Pick<Dataset, 'featureCount' | 'task'>): ProbeView {
  if (dataset.featureCount === 2) return 'plane';
  if (dataset.featureCount === 1 && dataset.task === 'regression') return 'curve';
  return 'none';
}

function padded(low: number, high: number): [number, number] {
  if (!Number.isFinite(low) || !Number.isFinite(high)) return [-1, 1];
  const pad = Math.max(0.1 * (high - low), 1e-3);
  return [low - pad, high + pad];
}

/** Data bounds padded by 10%, so points never sit on the view's edge; [-1, 1]² for no data. */
export function paddedExtent(dataset: Dataset): Extent {
  const curve = dataset.featureCount === 1;
  let [xMin, xMax, yMin, yMax] = [Infinity, -Infinity, Infinity, -Infinity];
  for (let i = 0; i < dataset.size; i++) {
    const x = dataset.features[i * dataset.featureCount];
    const y = curve ? dataset.targets[i] : dataset.features[i * dataset.featureCount + 1];
    xMin = Math.min(xMin, x);
    xMax = Math.max(xMax, x);
    yMin = Math.min(yMin, y);
    yMax = Math.max(yMax, y);
  }
  return [...padded(xMin, xMax), ...padded(yMin, yMax)];
}

/** Grid points (cell centres) covering the extent, row-major from the top: [resolution^2 * 2]. */
export function boundaryGrid([xMin, xMax, yMin, yMax]: Extent, resolution: number): Float32Array {
  const grid = new Float32Array(resolution * resolution * 2);
  for (let row = 0; row < resolution; row++) {
    for (let column = 0; column < resolution; column++) {
      const index = row * resolution + column;
      grid[2 * index] = xMin + ((column + 0.5) / resolution) * (xMax - xMin);
      grid[2 * index + 1] = yMax - ((row + 0.5) / resolution) * (yMax - yMin);
    }
  }
  return grid;
}

/** Evenly spaced x values from xMin to xMax inclusive: [count]. */
export function curveInputs([xMin, xMax]: Extent, count: number): Float32Array {
  return Float32Array.from({ length: count }, (_, i) => xMin + (i / (count - 1)) * (xMax - xMin));
}

/** Feature rows of the given row indices: [rows.length * featureCount]. */
export function gatherFeatures(dataset: Dataset, rows: readonly number[]): Float32Array {
  const gathered = new Float32Array(rows.length * dataset.featureCount);
  rows.forEach((row, i) => gathered.set(dataset.features.subarray(row * dataset.featureCount, (row + 1) * dataset.featureCount), i * dataset.featureCount));
  return gathered;
}

/** The probe rows of one trial: the picture's inputs first (`pictureRows` of them), then the validation rows. */
export interface ProbePlan {
  view: ProbeView;
  /** Raw feature rows sent to the worker: [(pictureRows + validation rows) * featureCount]. */
  rows: Float32Array;
  /** How many leading rows belong to the picture (grid cells or curve x values). */
  pictureRows: number;
}

/** Builds the probe of a trial on `dataset` with the given view extent and validation rows. */
export function planProbe(dataset: Dataset, extent: Extent, validation: readonly number[]): ProbePlan {
  const view = probeView(dataset);
  const picture = view === 'plane' ? boundaryGrid(extent, boundaryResolution)
    : view === 'curve' ? curveInputs(extent, curveResolution) : new Float32Array(0);
  const validationRows = gatherFeatures(dataset, validation);
  const rows = new Float32Array(picture.length + validationRows.length);
  rows.set(picture);
  rows.set(validationRows, picture.length);
  return { view, rows, pictureRows: picture.length / dataset.featureCount };
}

/** Cuts the worker's outputs [(pictureRows + validation) * outputSize] into the picture's and the validation rows' parts. */
export function splitProbeOutputs(outputs: Float32Array, outputSize: number, pictureRows: number): { picture: Float32Array; validation: Float32Array } {
  return { picture: outputs.subarray(0, pictureRows * outputSize), validation: outputs.subarray(pictureRows * outputSize) };
}

/** Model outputs at some probe rows, [rows * outputSize], and the dataset they were asked about. */
export interface ProbeOutputs {
  trialId: number;
  epoch: number;
  outputs: Float32Array;
  outputSize: number;
  /** The dataset trained on; a view shows the outputs only while it is still the page's dataset. */
  dataset: Dataset;
}

/** The model's outputs over the boundary grid, [resolution * resolution * outputSize]. */
export type BoundaryOutputs = ProbeOutputs;

/** The model's outputs on the validation rows `rows` (indices into `dataset`), [rows.length * outputSize]. */
export interface ValidationOutputs extends ProbeOutputs {
  rows: number[];
}
