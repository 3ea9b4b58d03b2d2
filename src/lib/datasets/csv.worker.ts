/**
 * Module worker that reads large CSV files off the main thread, so the page stays responsive.
 * Protocol: receives a CsvWorkerRequest, answers one CsvWorkerResponse with the same id.
 */
import { readCsvTable, type CsvReadOptions, type CsvResult, type CsvTable } from './csv';

/** A file to read, with an id that the answer echoes. */
export interface CsvWorkerRequest {
  /** Echoed in the answer. */
  id: number;
  /** The picked file; read inside the worker. */
  file: Blob;
  /** Separator override. */
  options?: CsvReadOptions;
}

/** The table read from the file, or the reason it could not be read. */
export interface CsvWorkerResponse {
  /** The request's id. */
  id: number;
  /** The table, or the typed error. */
  result: CsvResult<CsvTable>;
}

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = async (event: MessageEvent<CsvWorkerRequest>) => {
  const { id, file, options } = event.data;
  let result: CsvResult<CsvTable>;
  try {
    result = readCsvTable(await file.text(), options);
  } catch (error) {
    result = { ok: false, error: { kind: 'unreadable', message: `The file could not be read (${error instanceof Error ? error.message : String(error)}).` } };
  }
  scope.postMessage({ id, result } satisfies CsvWorkerResponse);
};
