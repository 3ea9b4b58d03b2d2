/** Typed messages between the page and the models worker (coefficient paths of linear models). */
import type { LinearModelOptions } from '../models/linearModel';
import type { CoefficientPath } from '../models/coefficientPath';
import type { FeatureTable } from '../models/table';

/** Page -> models worker: the coefficient path of a linear model on these training rows. */
export interface ModelsRequest {
  type: 'coefficient-path';
  /** Matches the answer to its request (later requests supersede earlier ones). */
  requestId: number;
  train: FeatureTable;
  options: LinearModelOptions;
  featureNames: string[];
}

/** Models worker -> page: the path, or why there is none. */
export type ModelsResponse =
  | { type: 'coefficient-path'; requestId: number; path: CoefficientPath }
  | { type: 'coefficient-path-error'; requestId: number; message: string };

/** Starts a models worker. */
export function startModelsWorker(): Worker {
  return new Worker(new URL('./models.worker.ts', import.meta.url), { type: 'module', name: 'models' });
}
