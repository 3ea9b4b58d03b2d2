/**
 * Opens study@1 JSON to look at it: its head, summary and history columns come to the page, while
 * its trials stay where they were read (the reader worker, for large studies) and the page fetches
 * only the rows it shows. A 200,000-trial study thus never crosses into the page as objects: copying
 * them was seconds of the page's time and of garbage collection. Never throws.
 */
import type { HistoryColumns } from '../analysis/historyColumns';
import { bestTrial, type Trial } from '../core/trial';
import { readStudyInline, studyWorkerThreshold } from './readStudyText';
import { unreadable, type StudyHead, type StudyReaderAnswer, type StudyReaderRequest } from './studyReaderProtocol';

/** A study's trials, fetched by range from wherever they are kept. */
export interface TrialRows {
  /** Trials in the study, any state. */
  readonly count: number;
  /** Trials `first` (inclusive) to `last` (exclusive), clamped: at once when held here, else a promise. */
  slice(first: number, last: number): Trial[] | Promise<Trial[]>;
  /** Lets go of the trials (ends the worker holding them); later slices are empty. */
  release(): void;
}

/** A study opened to look at, or the sentence saying why it was refused. */
export type StudyOpen =
  | { ok: true; head: StudyHead; trialCount: number; best: { id: number; value: number } | null; columns: HistoryColumns; rows: TrialRows }
  | { ok: false; message: string };

/** Rows held in the page (small studies, and pages without workers). */
export function arrayRows(trials: readonly Trial[]): TrialRows {
  let held = trials;
  return {
    count: trials.length,
    slice: (first, last) => held.slice(Math.max(0, first), Math.max(0, last)),
    release: () => {
      held = [];
    },
  };
}

/** Opens text inline: parseStudyJson, the columns, and the trials held here. */
export function openStudyInline(text: string): StudyOpen {
  const read = readStudyInline(text);
  if (!read.ok) return read;
  const { trials, ...head } = read.study;
  const best = bestTrial(trials);
  return { ok: true, head, trialCount: trials.length, best: best && best.value !== null ? { id: best.id, value: best.value } : null, columns: read.columns, rows: arrayRows(trials) };
}

let nextRequestId = 1;

/** Opens in a fresh worker that keeps the trials; rejects if the worker cannot start or fails before the head. */
function openInWorker(source: string | Blob): Promise<StudyOpen> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./studyReader.worker.ts', import.meta.url), { type: 'module' });
    const waiting = new Map<number, (trials: Trial[]) => void>();
    let released = false;
    const openId = nextRequestId++;
    const release = () => {
      released = true;
      worker.terminate();
      for (const answer of waiting.values()) answer([]);
      waiting.clear();
    };
    worker.onmessage = (event: MessageEvent<StudyReaderAnswer>) => {
      const answer = event.data;
      if (answer.kind === 'rows') {
        waiting.get(answer.id)?.(answer.trials);
        waiting.delete(answer.id);
      } else if (answer.id === openId && answer.kind === 'refused') {
        release();
        resolve({ ok: false, message: answer.message });
      } else if (answer.id === openId && answer.kind === 'head') {
        const count = answer.trialCount;
        const rows: TrialRows = {
          count,
          slice: (first, last) => {
            const from = Math.max(0, Math.min(count, first));
            const to = Math.max(from, Math.min(count, last));
            if (released || to === from) return [];
            const id = nextRequestId++;
            return new Promise<Trial[]>((answerWith) => {
              waiting.set(id, answerWith);
              worker.postMessage({ id, kind: 'rows', first: from, last: to } satisfies StudyReaderRequest);
            });
          },
          release,
        };
        resolve({ ok: true, head: answer.head, trialCount: count, best: answer.best, columns: answer.columns, rows });
      }
    };
    worker.onerror = (event) => {
      release();
      reject(new Error(event.message || 'the study reader failed'));
    };
    worker.postMessage({ id: openId, kind: 'open', source } satisfies StudyReaderRequest);
  });
}

/** The study in `source` (text, or a file: read in the worker, never as a string in the page) opened to look at; large ones stay off the main thread. */
export async function openStudy(source: string | Blob): Promise<StudyOpen> {
  const size = typeof source === 'string' ? source.length : source instanceof Blob ? source.size : 0;
  if (size > studyWorkerThreshold && typeof Worker !== 'undefined') {
    try {
      return await openInWorker(source);
    } catch {
      // Fall through: reading inline holds the page longer but still answers.
    }
  }
  if (typeof source === 'string' || !(source instanceof Blob)) return openStudyInline(source as string);
  try {
    return openStudyInline(await source.text());
  } catch (error) {
    return { ok: false, message: unreadable(error) };
  }
}
