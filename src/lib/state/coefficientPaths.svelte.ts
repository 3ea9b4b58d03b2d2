/**
 * The coefficient path of the linear model the page is set up with, computed by the models worker
 * whenever the data, the split or the penalty's kind or degree change (latest request wins).
 */
import type { ModelSettings } from '../core/modelSettings';
import type { Dataset } from '../datasets/dataset';
import type { CoefficientPath } from '../models/coefficientPath';
import { familyOptions } from '../models/familyOptions';
import { tableFromDataset } from '../models/table';
import { startModelsWorker, type ModelsRequest, type ModelsResponse } from '../worker/modelsProtocol';

/** The latest coefficient path, or why there is none. */
export class CoefficientPaths {
  /** The path of the latest request answered, or null. */
  path = $state<CoefficientPath | null>(null);
  /** Why the latest path could not be computed, or ''. */
  error = $state('');
  #worker: Worker | null = null;
  #latest = 0;

  /** Asks for the path of a linear model with `settings` on the `trainRows` of `dataset`. */
  request(dataset: Dataset, trainRows: readonly number[], settings: ModelSettings): void {
    this.#worker ??= this.#start();
    this.#latest += 1;
    const message: ModelsRequest = {
      type: 'coefficient-path', requestId: this.#latest, train: tableFromDataset(dataset, trainRows),
      options: familyOptions('linear', settings), featureNames: [...dataset.featureNames],
    };
    this.#worker.postMessage(message);
  }

  #start(): Worker {
    const worker = startModelsWorker();
    worker.onmessage = (event: MessageEvent<ModelsResponse>) => {
      const message = event.data;
      if (message.requestId !== this.#latest) return;
      if (message.type === 'coefficient-path') {
        this.path = message.path;
        this.error = '';
      } else {
        this.path = null;
        this.error = message.message;
      }
    };
    return worker;
  }

  /** Ends the worker. */
  dispose(): void {
    this.#worker?.terminate();
    this.#worker = null;
  }
}
