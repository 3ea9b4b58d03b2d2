/**
 * Messages between the page and the study reader worker (studyReader.worker.ts). A 'read' request
 * (the JSON text) is answered by a refusal, or by the head, slices of trials and an end. An 'open'
 * request is answered by a refusal or by the head alone: the worker keeps the trials and answers
 * 'rows' requests with the range asked for, so the page holds only what it shows.
 */
import type { HistoryColumns } from '../analysis/historyColumns';
import type { Trial } from '../core/trial';
import type { StudyExport } from './studySchema';

/** Trials per message: a few milliseconds for the page to receive on a quiet machine. */
export const trialsPerMessage = 2500;

/** A study without its trials: what the page needs to name and describe it. */
export type StudyHead = Omit<StudyExport, 'trials'>;

/** A request to the reader, with an id that every answer to it echoes. */
export type StudyReaderRequest =
  | { id: number; kind: 'read' | 'open'; source: string | Blob }
  | { id: number; kind: 'rows'; first: number; last: number };

/** One part of the answer to a StudyReaderRequest. */
export type StudyReaderAnswer =
  | { id: number; kind: 'refused'; message: string }
  | { id: number; kind: 'head'; head: StudyHead; trialCount: number; best: { id: number; value: number } | null; columns: HistoryColumns; complete: boolean }
  | { id: number; kind: 'trials'; trials: Trial[] }
  | { id: number; kind: 'rows'; trials: Trial[] }
  | { id: number; kind: 'done' };

/** The refusal of a file that could not be read at all. */
export function unreadable(error: unknown): string {
  return `The file could not be read (${error instanceof Error ? error.message : String(error)}).`;
}
