/**
 * Module worker that reads study JSON off the main thread. 'read' parses and checks it whole
 * (parseStudyJson) and answers with the study without its trials, the history's columns (handed
 * over, not copied), the trials in slices and an end. 'open' streams the file (studyStream.ts): the
 * head, columns and best trial go to the page as soon as the first few thousand trials are read,
 * again each time the count doubles, and complete at the end; the worker keeps the trials and sends
 * only the rows the page asks for (a table shows a few dozen of 200,000).
 */
import { columnBuffers, historyColumns } from '../analysis/historyColumns';
import { bestTrial, type Trial } from '../core/trial';
import { parseStudyJson } from './exportStudy';
import { streamStudy } from './studyStream';
import { trialsPerMessage, unreadable, type StudyHead, type StudyReaderAnswer, type StudyReaderRequest } from './studyReaderProtocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
/** The trials of the study opened in this worker (one study per worker), as far as read. */
let kept: readonly Trial[] = [];

function post(answer: StudyReaderAnswer, transfer: Transferable[] = []): void {
  scope.postMessage(answer, transfer);
}

/** Posts the head, the columns and the best trial of `trials` (all read so far, or all). */
function postHead(id: number, head: StudyHead, trials: readonly Trial[], complete: boolean): void {
  const columns = historyColumns(trials);
  const best = bestTrial(trials);
  post({ id, kind: 'head', head, trialCount: trials.length, best: best && best.value !== null ? { id: best.id, value: best.value } : null, columns, complete }, columnBuffers(columns));
}

/** Reads `text` whole: refused, or the head (complete) and, for 'read', the trials in slices. */
function readWhole(id: number, kind: 'read' | 'open', text: string): void {
  const parsed = parseStudyJson(text);
  if (!parsed.ok) {
    post({ id, kind: 'refused', message: parsed.message });
    return;
  }
  const { trials, ...head } = parsed.study;
  postHead(id, head, trials, true);
  if (kind === 'open') {
    kept = trials;
    return;
  }
  for (let start = 0; start < trials.length; start += trialsPerMessage) post({ id, kind: 'trials', trials: trials.slice(start, start + trialsPerMessage) });
  post({ id, kind: 'done' });
}

scope.onmessage = async (event: MessageEvent<StudyReaderRequest>) => {
  const request = event.data;
  const { id } = request;
  if (request.kind === 'rows') {
    post({ id, kind: 'rows', trials: kept.slice(Math.max(0, request.first), Math.max(0, request.last)) });
    return;
  }
  try {
    if (request.kind === 'open') {
      const blob = typeof request.source === 'string' ? new Blob([request.source]) : request.source;
      const streamed = await streamStudy(blob, (head, trials, complete) => {
        kept = trials;
        postHead(id, head, trials, complete);
      });
      if (streamed) return;
      // Not a file the stream can split, or refused in it: the whole read answers (or replaces what was shown).
      readWhole(id, 'open', typeof request.source === 'string' ? request.source : await request.source.text());
      return;
    }
    readWhole(id, 'read', typeof request.source === 'string' ? request.source : await request.source.text());
  } catch (error) {
    post({ id, kind: 'refused', message: unreadable(error) });
  }
};
