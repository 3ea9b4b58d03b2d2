/**
 * A study's strategy living in the search worker, seen from the page: asks and posterior slices
 * are promises; tells are fire-and-forget (the worker handles messages in order, so a tell always
 * lands before the next ask).
 */
import type { Dimension, Params } from '../core/space';
import type { PosteriorSlice, PosteriorSliceRequest, ProposalExplanation } from '../search';
import type { StrategyOptions } from '../search/strategy';
import type { SearchRequest, SearchResponse } from './searchProtocol';

let worker: Worker | null = null;
let nextId = 1;
const waiting = new Map<number, { resolve(message: SearchResponse): void; reject(error: Error): void }>();

function searchWorker(): Worker {
  if (worker) return worker;
  worker = new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module', name: 'search' });
  worker.onmessage = (event: MessageEvent<SearchResponse>) => {
    const pending = waiting.get(event.data.requestId);
    waiting.delete(event.data.requestId);
    if (!pending) return;
    if (event.data.type === 'error') pending.reject(new Error(event.data.message));
    else pending.resolve(event.data);
  };
  worker.onerror = (event) => {
    for (const pending of waiting.values()) pending.reject(new Error(event.message || 'the search worker failed'));
    waiting.clear();
  };
  return worker;
}

function request(message: SearchRequest & { requestId: number }): Promise<SearchResponse> {
  return new Promise((resolve, reject) => {
    waiting.set(message.requestId, { resolve, reject });
    searchWorker().postMessage(message);
  });
}

/** Proxy of a strategy in the search worker. */
export class RemoteStrategy {
  readonly #studyId = nextId++;
  /** Why the Bayesian search made its latest proposal (null for other strategies). */
  explanation: ProposalExplanation | null = null;

  constructor(name: string, space: Dimension[], options: StrategyOptions) {
    searchWorker().postMessage({ type: 'create', studyId: this.#studyId, name, space, options } satisfies SearchRequest);
  }

  /** Up to `size` proposals (a batch for strategies that propose batches); fewer when the strategy runs out. */
  async askMany(size: number): Promise<Params[]> {
    const answer = await request({ type: 'ask', studyId: this.#studyId, requestId: nextId++, size });
    if (answer.type !== 'asked') return [];
    this.explanation = answer.explanation;
    return answer.params;
  }

  tell(params: Params, value: number | null): void {
    searchWorker().postMessage({ type: 'tell', studyId: this.#studyId, params, value } satisfies SearchRequest);
  }

  /** The GP's posterior over a slice, or null when there is no model yet. */
  async posteriorSlice(slice: PosteriorSliceRequest): Promise<PosteriorSlice | null> {
    const answer = await request({ type: 'slice', studyId: this.#studyId, requestId: nextId++, request: slice });
    return answer.type === 'slice' ? answer.slice : null;
  }

  dispose(): void {
    worker?.postMessage({ type: 'dispose', studyId: this.#studyId } satisfies SearchRequest);
  }
}
