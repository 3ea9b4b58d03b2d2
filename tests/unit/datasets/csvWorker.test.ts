import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CsvWorkerRequest, CsvWorkerResponse } from '../../../src/lib/datasets/csv.worker';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

/** Loads the worker module against a stand-in worker scope and returns a function that sends it one request. */
async function startWorker(): Promise<(request: CsvWorkerRequest) => Promise<CsvWorkerResponse>> {
  const scope: { onmessage?: (event: { data: CsvWorkerRequest }) => Promise<void>; postMessage: (message: CsvWorkerResponse) => void } = {
    postMessage: () => {},
  };
  vi.stubGlobal('self', scope);
  await import('../../../src/lib/datasets/csv.worker');
  return (request) => new Promise((resolve) => {
    scope.postMessage = resolve;
    void scope.onmessage?.({ data: request });
  });
}

describe('csv.worker', () => {
  it('answers a request with the table read from the file, under the same id', async () => {
    const send = await startWorker();
    const response = await send({ id: 7, file: new Blob(['x;y\n1;a\n2;b\n']) });
    expect(response.id).toBe(7);
    expect(response.result.ok && response.result.value.delimiter).toBe(';');
  });

  it('answers a malformed file with its typed error', async () => {
    const send = await startWorker();
    const response = await send({ id: 8, file: new Blob(['a,b\n1\n']) });
    expect(!response.result.ok && response.result.error.kind).toBe('malformedRows');
  });
});
