/** The page's handle on the trainer worker: typed requests out, typed callbacks in. */
import type { WorkerRequest, WorkerResponse } from './protocol';

/** Callbacks for what the worker reports; each receives the message of its type. */
export type TrainerHandlers = {
  [Type in WorkerResponse['type']]?: (message: Extract<WorkerResponse, { type: Type }>) => void;
};

/** Starts the trainer worker and routes its messages to the handlers. */
export class TrainerClient {
  readonly #worker: Worker;

  constructor(handlers: TrainerHandlers) {
    this.#worker = new Worker(new URL('./trainer.worker.ts', import.meta.url), { type: 'module', name: 'trainer' });
    this.#worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
      const message = event.data;
      const handler = handlers[message.type] as ((message: WorkerResponse) => void) | undefined;
      handler?.(message);
    };
    this.#worker.onerror = (event) => {
      handlers['backend-error']?.({ type: 'backend-error', message: event.message || 'the trainer worker failed to start' });
    };
  }

  /** Sends one request; typed arrays inside it are copied (the page keeps its dataset). */
  send(request: WorkerRequest): void {
    this.#worker.postMessage(request);
  }

  /** Ends the worker and everything it was training. */
  terminate(): void {
    this.#worker.terminate();
  }
}
