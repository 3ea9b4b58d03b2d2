/// <reference lib="webworker" />
/**
 * The search worker: hosts each study's strategy, so fitting a Gaussian process and maximising
 * its acquisition never block the page (a Bayesian ask takes tens of milliseconds and grows
 * with the number of results).
 */
import { BayesianSearch, createStrategy } from '../search';
import type { Strategy } from '../search/strategy';
import { localProposer } from '../search/proposer';
import type { SearchRequest, SearchResponse } from './searchProtocol';

declare const self: DedicatedWorkerGlobalScope;

const strategies = new Map<number, Strategy>();

function post(message: SearchResponse): void {
  self.postMessage(message);
}

self.onmessage = (event: MessageEvent<SearchRequest>) => {
  const message = event.data;
  const requestId = 'requestId' in message ? message.requestId : -1;
  try {
    switch (message.type) {
      case 'create':
        strategies.set(message.studyId, createStrategy(message.name, message.space, message.options));
        break;
      case 'dispose':
        strategies.delete(message.studyId);
        break;
      case 'tell':
        strategies.get(message.studyId)?.tell(message.params, message.value);
        break;
      case 'ask': {
        const strategy = strategies.get(message.studyId);
        if (!strategy) throw new Error(`no strategy for study ${message.studyId}`);
        const params = localProposer(strategy).askMany(message.size);
        post({ type: 'asked', requestId, params, explanation: strategy instanceof BayesianSearch ? strategy.explainProposal() : null });
        break;
      }
      case 'slice': {
        const strategy = strategies.get(message.studyId);
        post({ type: 'slice', requestId, slice: strategy instanceof BayesianSearch ? strategy.posteriorSlice(message.request) : null });
        break;
      }
    }
  } catch (error) {
    post({ type: 'error', requestId, message: error instanceof Error ? error.message : String(error) });
  }
};
