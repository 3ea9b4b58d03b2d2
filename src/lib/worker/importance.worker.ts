/**
 * Module worker that runs the parameter importance analysis (a Gaussian process fitted to up to
 * 200 trials, main effects, 16 bootstrap refits, then the warnings) off the page's thread, so a
 * long study's analysis never holds the page.
 */
import { importanceResult } from '../analysis/importanceResult';
import type { ImportanceAnswer, ImportanceRequest } from './importanceProtocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<ImportanceRequest>) => {
  const { id, space, observations, seed } = event.data;
  let answer: ImportanceAnswer;
  try {
    answer = { id, ok: true, ...importanceResult(space, observations, seed) };
  } catch (error) {
    answer = { id, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  scope.postMessage(answer);
};
