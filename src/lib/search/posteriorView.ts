/**
 * What the page draws of a Bayesian search: the surrogate's posterior mean, standard
 * deviation and acquisition along a 1-D slice or over a 2-D grid of chosen dimensions, with
 * every other dimension held at a given value.
 */
import { cellCount, featuresFromUnit, toUnit, valueFromUnit, type Dimension, type Params } from '../core/space';
import type { GaussianProcess } from '../gp/gaussianProcess';

/** Which slice to compute. */
export interface PosteriorSliceRequest {
  /** One or two dimension names: the slice's x axis, then its y axis. */
  dimensions: string[];
  /** Points per continuous axis (default 50 for a 1-D slice, 25 per axis for 2-D). */
  resolution?: number;
  /** Values of the other dimensions (default: the best trial's). */
  fixed?: Params;
}

/** One axis of a slice. */
export interface SliceAxis {
  name: string;
  /** Parameter values along the axis, shape [size]. */
  values: (number | string)[];
  /** The same positions in unit-cube coordinates, shape [size]. */
  units: number[];
}

/** Posterior over a slice; arrays are row-major with x fastest: entry [y * x.size + x], shape [ySize*xSize]. */
export interface PosteriorSlice {
  axes: SliceAxis[];
  /** Posterior mean of the objective, output units. */
  mean: Float64Array;
  /** Posterior standard deviation of the objective, output units. */
  std: Float64Array;
  /** Acquisition value (as displayed, not log-scaled) at each point. */
  acquisition: Float64Array;
}

function sliceAxis(dimension: Dimension, resolution: number): SliceAxis {
  const cells = cellCount(dimension);
  const size = Number.isFinite(cells) && cells <= resolution ? cells : resolution;
  const units = Array.from({ length: size }, (_, i) =>
    Number.isFinite(cells) ? (i + 0.5) / size : size === 1 ? 0.5 : i / (size - 1),
  );
  return { name: dimension.name, values: units.map((unit) => valueFromUnit(dimension, unit)), units };
}

/** Evaluates the posterior and acquisition (a function of mean and std) over the requested slice. */
export function computePosteriorSlice(
  model: GaussianProcess,
  space: Dimension[],
  request: PosteriorSliceRequest & { fixed: Params },
  acquisition: (mean: number, std: number) => number,
): PosteriorSlice {
  const { dimensions } = request;
  if (dimensions.length < 1 || dimensions.length > 2) throw new Error('a slice has one or two dimensions');
  const indices = dimensions.map((name) => {
    const index = space.findIndex((dimension) => dimension.name === name);
    if (index < 0) throw new Error(`invalid dimension: ${name}`);
    return index;
  });
  const resolution = request.resolution ?? (dimensions.length === 1 ? 50 : 25);
  const axes = indices.map((index) => sliceAxis(space[index], resolution));
  const base = toUnit(space, { ...request.fixed });
  const xSize = axes[0].units.length;
  const ySize = axes.length > 1 ? axes[1].units.length : 1;
  const mean = new Float64Array(xSize * ySize);
  const std = new Float64Array(xSize * ySize);
  const values = new Float64Array(xSize * ySize);
  const unit = Float64Array.from(base);
  const features = featuresFromUnit(space, unit);
  for (let y = 0; y < ySize; y++) {
    if (axes.length > 1) unit[indices[1]] = axes[1].units[y];
    for (let x = 0; x < xSize; x++) {
      unit[indices[0]] = axes[0].units[x];
      const prediction = model.predict(featuresFromUnit(space, unit, features));
      const index = y * xSize + x;
      mean[index] = prediction.mean;
      std[index] = prediction.std;
      values[index] = acquisition(prediction.mean, prediction.std);
    }
  }
  return { axes, mean, std, acquisition: values };
}
