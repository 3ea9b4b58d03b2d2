/**
 * Messages between the page and the study reader worker (studyReader.worker.ts): one request with
 * the JSON text, answered by a refusal, or by the head, slices of trials and an end.
 */
import type { HistoryColumns } from '../analysis/historyColumns';
import type { Trial } from '../core/trial';
import type { StudyExport } from './studySchema';

/** Trials per message: a few milliseconds for the page to receive on a quiet machine. */
export const trialsPerMessage = 2500;

/** Study JSON to read (text, or a file read in the worker), with an id that every answer echoes. */
export interface StudyReaderRequest {
  id: number;
  source: string | Blob;
}

/** One part of the answer to a StudyReaderRequest. */
export type StudyReaderAnswer =
  | { id: number; kind: 'refused'; message: string }
  | { id: number; kind: 'head'; head: Omit<StudyExport, 'trials'>; trialCount: number; columns: HistoryColumns }
  | { id: number; kind: 'trials'; trials: Trial[] }
  | { id: number; kind: 'done' };

/** The refusal of a file that could not be read at all. */
export function unreadable(error: unknown): string {
  return `The file could not be read (${error instanceof Error ? error.message : String(error)}).`;
}
