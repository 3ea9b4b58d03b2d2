/**
 * The page's side of the importance worker: one worker per view, requests answered in order, and
 * only the newest waiting request kept (an older one would be stale by the time it ran). Where no
 * worker can start (Node tests, a failed start) the analysis runs inline.
 */
import { importanceResult } from '../analysis/importanceResult';
import type { Observation } from '../analysis/observations';
import type { Dimension } from '../core/space';
import type { ImportanceAnswer, ImportanceRequest, ImportanceResult } from './importanceProtocol';

/** Analyses importance in a worker; `close` ends it. */
export interface ImportanceClient {
  /** Resolves with the result, or with null when a newer request replaced this one before it started. */
  analyse(space: Dimension[], observations: Observation[], seed: number): Promise<ImportanceResult | null>;
  close(): void;
}

type Waiting = { request: ImportanceRequest; resolve: (result: ImportanceResult | null) => void; reject: (error: Error) => void };

/** A client with its own worker (started on first use), or inline analysis where workers are missing. */
export function createImportanceClient(makeWorker: (() => Worker) | null = defaultWorker): ImportanceClient {
  let worker: Worker | null = null;
  let running: Waiting | null = null;
  let queued: Waiting | null = null;
  let nextId = 1;
  let broken = makeWorker === null;

  const startNext = () => {
    if (running || !queued) return;
    const next = queued;
    queued = null;
    try {
      worker!.postMessage(next.request);
      running = next;
    } catch {
      // Params the worker cannot receive (a structured-clone error): analyse them here instead.
      const { space, observations, seed } = next.request;
      next.resolve(importanceResult(space, observations, seed));
    }
  };
  const ensureWorker = (): Worker | null => {
    if (worker || broken) return worker;
    try {
      worker = makeWorker!();
    } catch {
      broken = true;
      return null;
    }
    worker.onmessage = (event: MessageEvent<ImportanceAnswer>) => {
      const answer = event.data;
      const done = running;
      if (!done || done.request.id !== answer.id) return;
      running = null;
      if (answer.ok) done.resolve({ importances: answer.importances, warnings: answer.warnings });
      else done.reject(new Error(answer.message));
      startNext();
    };
    worker.onerror = (event) => {
      event.preventDefault();
      const failed = [running, queued];
      running = null;
      queued = null;
      worker?.terminate();
      worker = null;
      broken = true;
      // The analysis still answers, inline.
      for (const waiting of failed) if (waiting) waiting.resolve(importanceResult(waiting.request.space, waiting.request.observations, waiting.request.seed));
    };
    return worker;
  };

  return {
    analyse(space, observations, seed) {
      if (!ensureWorker()) return Promise.resolve(importanceResult(space, observations, seed));
      return new Promise((resolve, reject) => {
        queued?.resolve(null);
        queued = { request: { id: nextId++, space, observations, seed }, resolve, reject };
        startNext();
      });
    },
    close() {
      worker?.terminate();
      worker = null;
      running?.resolve(null);
      queued?.resolve(null);
      running = null;
      queued = null;
    },
  };
}

function defaultWorker(): Worker {
  if (typeof Worker === 'undefined') throw new Error('no workers here');
  return new Worker(new URL('./importance.worker.ts', import.meta.url), { type: 'module', name: 'importance' });
}
