/// <reference lib="webworker" />
/**
 * The models worker: fits a linear model along a grid of penalties (its coefficient path) off the
 * main thread, so moving the penalty or the degree never stalls the page.
 */
import { coefficientPath, largestUsefulPenalty, penaltyGrid } from '../models/coefficientPath';
import type { ModelsRequest, ModelsResponse } from './modelsProtocol';

declare const self: DedicatedWorkerGlobalScope;

/** Penalties on a path: enough to see each weight reach zero, few enough to fit in well under a second. */
const pathPoints = 16;

self.onmessage = (event: MessageEvent<ModelsRequest>) => {
  const { requestId, train, options, featureNames } = event.data;
  let message: ModelsResponse;
  try {
    const pathOptions = { ...options, penalty: options.penalty === 'none' ? 'l2' as const : options.penalty, maxIterations: Math.min(options.maxIterations, 300) };
    const penalties = penaltyGrid(largestUsefulPenalty(train, pathOptions), pathPoints);
    message = { type: 'coefficient-path', requestId, path: coefficientPath(train, pathOptions, featureNames, penalties) };
  } catch (error) {
    message = { type: 'coefficient-path-error', requestId, message: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(message);
};
