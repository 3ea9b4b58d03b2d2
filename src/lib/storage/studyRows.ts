/**
 * Opens study@1 JSON to look at it: its head, summary and history columns come to the page, while
 * its trials stay where they were read (the reader worker, for large studies) and the page fetches
 * only the rows it shows. A 200,000-trial study thus never crosses into the page as objects: copying
 * them was seconds of the page's time and of garbage collection. A large study opens as soon as its
 * first few thousand trials are read (`complete` false); updates follow as the worker reads on.
 * Never throws.
 */
import type { HistoryColumns } from '../analysis/historyColumns';
import { bestTrial, type Trial } from '../core/trial';
import { readStudyInline, studyWorkerThreshold } from './readStudyText';
import { unreadable, type StudyHead, type StudyReaderAnswer, type StudyReaderRequest } from './studyReaderProtocol';

/** A study's trials, fetched by range from wherever they are kept. */
export interface TrialRows {
  /** Trials in the study, any state (so far, while it is still being read). */
  readonly count: number;
  /** Trials `first` (inclusive) to `last` (exclusive), clamped: at once when held here, else a promise. */
  slice(first: number, last: number): Trial[] | Promise<Trial[]>;
  /** Lets go of the trials (ends the worker holding them); later slices are empty. */
  release(): void;
}

/** A study opened to look at (`complete` once every trial is read), or the sentence saying why it was refused. */
export type StudyOpen =
  | { ok: true; head: StudyHead; trialCount: number; best: { id: number; value: number } | null; columns: HistoryColumns; rows: TrialRows; complete: boolean }
  | { ok: false; message: string };

/** Told of each later state of a study opened before it was read to the end: more trials, all of them, or a refusal. */
export type OnStudyUpdate = (update: StudyOpen) => void;

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
  return { ok: true, head, trialCount: trials.length, best: best && best.value !== null ? { id: best.id, value: best.value } : null, columns: read.columns, rows: arrayRows(trials), complete: true };
}

let nextRequestId = 1;

/** Opens in a fresh worker that keeps the trials; rejects if the worker cannot start or fails before the first head. */
function openInWorker(source: string | Blob, onUpdate: OnStudyUpdate): Promise<StudyOpen> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./studyReader.worker.ts', import.meta.url), { type: 'module' });
    const waiting = new Map<number, (trials: Trial[]) => void>();
    let released = false;
    let opened = false;
    let count = 0;
    const openId = nextRequestId++;
    const release = () => {
      released = true;
      worker.terminate();
      for (const answer of waiting.values()) answer([]);
      waiting.clear();
    };
    const rows: TrialRows = {
      get count() {
        return count;
      },
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
    const tell = (state: StudyOpen) => {
      if (opened) onUpdate(state);
      else resolve(state);
      opened = true;
    };
    worker.onmessage = (event: MessageEvent<StudyReaderAnswer>) => {
      const answer = event.data;
      if (answer.kind === 'rows') {
        waiting.get(answer.id)?.(answer.trials);
        waiting.delete(answer.id);
      } else if (answer.id === openId && answer.kind === 'refused') {
        release();
        tell({ ok: false, message: answer.message });
      } else if (answer.id === openId && answer.kind === 'head' && !released) {
        count = answer.trialCount;
        tell({ ok: true, head: answer.head, trialCount: count, best: answer.best, columns: answer.columns, rows, complete: answer.complete });
      }
    };
    worker.onerror = (event) => {
      const wasOpened = opened;
      release();
      if (wasOpened) onUpdate({ ok: false, message: unreadable(new Error(event.message || 'the study reader failed')) });
      else reject(new Error(event.message || 'the study reader failed'));
    };
    worker.postMessage({ id: openId, kind: 'open', source } satisfies StudyReaderRequest);
  });
}

/** The study in `source` (text, or a file: read in the worker, never as a string in the page) opened to look at; large ones stay off the main thread and may open before they are read to the end (then `onUpdate` hears the rest). */
export async function openStudy(source: string | Blob, onUpdate: OnStudyUpdate = () => {}): Promise<StudyOpen> {
  const size = typeof source === 'string' ? source.length : source instanceof Blob ? source.size : 0;
  if (size > studyWorkerThreshold && typeof Worker !== 'undefined') {
    try {
      return await openInWorker(source, onUpdate);
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
