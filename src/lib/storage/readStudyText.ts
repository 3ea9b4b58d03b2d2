/**
 * Reads study@1 JSON into a study and its history columns, never throwing. Large texts are read in
 * the study reader worker, so parsing and checking 200,000 trials never holds the page: the
 * answer arrives in parts, each a short task. Small texts, and pages without workers (Node tests),
 * are read inline.
 */
import { historyColumns, type HistoryColumns } from '../analysis/historyColumns';
import { appendAll } from '../core/extent';
import type { Trial } from '../core/trial';
import { parseStudyJson } from './exportStudy';
import { unreadable, type StudyReaderAnswer, type StudyReaderRequest } from './studyReaderProtocol';
import type { StudyExport } from './studySchema';

/** A study read with its history columns, or the sentence saying why it was refused. */
export type StudyRead = { ok: true; study: StudyExport; columns: HistoryColumns } | { ok: false; message: string };

/** Texts longer than this, in characters, are read in the worker where one can start. */
export const studyWorkerThreshold = 256 * 1024;

let nextRequestId = 1;

/** Reads text inline: parseStudyJson, then the columns. */
export function readStudyInline(text: string): StudyRead {
  const parsed = parseStudyJson(text);
  return parsed.ok ? { ok: true, study: parsed.study, columns: historyColumns(parsed.study.trials) } : parsed;
}

/** Reads text or a file in a fresh worker; rejects if the worker cannot start or fails. */
function readInWorker(source: string | Blob): Promise<StudyRead> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./studyReader.worker.ts', import.meta.url), { type: 'module' });
    const id = nextRequestId++;
    let head: Extract<StudyReaderAnswer, { kind: 'head' }> | null = null;
    const trials: Trial[] = [];
    worker.onmessage = (event: MessageEvent<StudyReaderAnswer>) => {
      const answer = event.data;
      if (answer.id !== id) return;
      if (answer.kind === 'head') head = answer;
      else if (answer.kind === 'trials') appendAll(trials, answer.trials);
      else {
        worker.terminate();
        if (answer.kind === 'refused') resolve({ ok: false, message: answer.message });
        else if (!head || trials.length !== head.trialCount) reject(new Error('the study reader ended early'));
        else resolve({ ok: true, study: { ...head.head, trials }, columns: head.columns });
      }
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'the study reader failed'));
    };
    worker.postMessage({ id, kind: 'read', source } satisfies StudyReaderRequest);
  });
}

/** The study in `source` (text, or a file: read in the worker, never as a string in the page) and its columns; large ones are read off the main thread. */
export async function readStudyText(source: string | Blob): Promise<StudyRead> {
  const size = typeof source === 'string' ? source.length : source instanceof Blob ? source.size : 0;
  if (size > studyWorkerThreshold && typeof Worker !== 'undefined') {
    try {
      return await readInWorker(source);
    } catch {
      // Fall through: reading inline holds the page longer but still answers.
    }
  }
  if (typeof source === 'string' || !(source instanceof Blob)) return readStudyInline(source as string);
  try {
    return readStudyInline(await source.text());
  } catch (error) {
    return { ok: false, message: unreadable(error) };
  }
}
