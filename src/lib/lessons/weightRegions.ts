/**
 * The decision regions a lesson run's network ended with, computed from the weights the run kept
 * (no second trip to the trainer): the network's class probabilities over the plane's grid, in the
 * shape the decision-boundary chart draws. Only for classification on two features.
 */
import { boundaryGrid, paddedExtent, probeView, type BoundaryOutputs, type Extent } from '../analysis/probe';
import type { Activation } from '../core/modelSettings';
import { networkOutputs, softmaxRows } from '../core/networkForward';
import type { LayerWeights } from '../core/networkWeights';
import type { Dataset } from '../datasets/dataset';

/** Cells per side of a lesson run's small region picture. */
export const regionResolution = 32;

/** The run's regions over the data's padded extent, or null when the data has no plane picture or the run kept no weights. */
export function weightRegions(dataset: Dataset, layers: readonly LayerWeights[] | undefined, activation: Activation, resolution = regionResolution): { extent: Extent; boundary: BoundaryOutputs } | null {
  if (!layers || layers.length === 0 || dataset.task !== 'classification' || probeView(dataset) !== 'plane') return null;
  const extent = paddedExtent(dataset);
  const outputSize = layers[layers.length - 1].units;
  const outputs = softmaxRows(networkOutputs(layers, activation, boundaryGrid(extent, resolution)), outputSize);
  return { extent, boundary: { trialId: 0, epoch: 0, outputs, outputSize, dataset } };
}
