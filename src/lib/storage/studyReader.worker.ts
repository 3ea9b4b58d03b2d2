/**
 * Module worker that reads study@1 JSON off the main thread: parses and checks it (parseStudyJson),
 * builds the search history's columns, and answers in parts small enough that no part takes the
 * page long to receive: the study without its trials and the columns (handed over, not copied),
 * then, for 'read', the trials in slices and an end. For 'open' it keeps the trials and sends only
 * the rows the page asks for (a table shows a few dozen of 200,000).
 */
import { columnBuffers, historyColumns } from '../analysis/historyColumns';
import { bestTrial, type Trial } from '../core/trial';
import { parseStudyJson } from './exportStudy';
import { trialsPerMessage, unreadable, type StudyReaderAnswer, type StudyReaderRequest } from './studyReaderProtocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
/** The trials of the study opened in this worker (one study per worker). */
let kept: Trial[] = [];

scope.onmessage = async (event: MessageEvent<StudyReaderRequest>) => {
  const request = event.data;
  const { id } = request;
  const post = (answer: StudyReaderAnswer, transfer: Transferable[] = []) => scope.postMessage(answer, transfer);
  if (request.kind === 'rows') {
    post({ id, kind: 'rows', trials: kept.slice(Math.max(0, request.first), Math.max(0, request.last)) });
    return;
  }
  let text: string;
  try {
    text = typeof request.source === 'string' ? request.source : await request.source.text();
  } catch (error) {
    post({ id, kind: 'refused', message: unreadable(error) });
    return;
  }
  const parsed = parseStudyJson(text);
  if (!parsed.ok) {
    post({ id, kind: 'refused', message: parsed.message });
    return;
  }
  const { trials, ...head } = parsed.study;
  const columns = historyColumns(trials);
  const best = bestTrial(trials);
  post({ id, kind: 'head', head, trialCount: trials.length, best: best && best.value !== null ? { id: best.id, value: best.value } : null, columns }, columnBuffers(columns));
  if (request.kind === 'open') {
    kept = trials;
    return;
  }
  for (let start = 0; start < trials.length; start += trialsPerMessage) post({ id, kind: 'trials', trials: trials.slice(start, start + trialsPerMessage) });
  post({ id, kind: 'done' });
};
