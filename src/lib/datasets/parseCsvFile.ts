import { checkCsvFileSize, readCsvTable, type CsvReadOptions, type CsvResult, type CsvTable } from './csv';
import type { CsvWorkerRequest, CsvWorkerResponse } from './csv.worker';

/** Files above this size, in bytes, are read in the CSV worker instead of on the main thread. */
export const csvWorkerThreshold = 1024 * 1024;

let nextRequestId = 1;

function unreadable(error: unknown): CsvResult<CsvTable> {
  const reason = error instanceof Error ? error.message : String(error);
  return { ok: false, error: { kind: 'unreadable', message: `The file could not be read (${reason}).` } };
}

/** Reads a file in a fresh CSV worker; rejects if the worker itself fails to start or crashes. */
function readInWorker(file: Blob, options: CsvReadOptions): Promise<CsvResult<CsvTable>> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./csv.worker.ts', import.meta.url), { type: 'module' });
    const id = nextRequestId++;
    worker.onmessage = (event: MessageEvent<CsvWorkerResponse>) => {
      if (event.data.id !== id) return;
      worker.terminate();
      resolve(event.data.result);
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'the CSV worker failed'));
    };
    worker.postMessage({ id, file, options } satisfies CsvWorkerRequest);
  });
}

/**
 * Reads a picked CSV file into a CsvTable: rejects it from its size before reading, parses files
 * over csvWorkerThreshold in a worker (inline where workers are unavailable or fail), and never
 * rejects — every problem comes back as a CsvError.
 */
export async function parseCsvFile(file: Blob, options: CsvReadOptions = {}): Promise<CsvResult<CsvTable>> {
  const size = checkCsvFileSize(file.size);
  if (!size.ok) return size;
  if (file.size > csvWorkerThreshold && typeof Worker !== 'undefined') {
    try {
      return await readInWorker(file, options);
    } catch {
      // Fall through: reading inline is slower for the page but still gives the person an answer.
    }
  }
  try {
    return readCsvTable(await file.text(), options);
  } catch (error) {
    return unreadable(error);
  }
}
