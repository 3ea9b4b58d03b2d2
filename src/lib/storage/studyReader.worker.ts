/**
 * Module worker that reads study@1 JSON off the main thread: parses and checks it (parseStudyJson),
 * builds the search history's columns, and answers in parts small enough that no part takes the
 * page long to receive: the study without its trials and the columns (handed over, not copied),
 * then the trials in slices, then the end.
 */
import { columnBuffers, historyColumns } from '../analysis/historyColumns';
import { parseStudyJson } from './exportStudy';
import { trialsPerMessage, unreadable, type StudyReaderAnswer, type StudyReaderRequest } from './studyReaderProtocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = async (event: MessageEvent<StudyReaderRequest>) => {
  const { id, source } = event.data;
  const post = (answer: StudyReaderAnswer, transfer: Transferable[] = []) => scope.postMessage(answer, transfer);
  let text: string;
  try {
    text = typeof source === 'string' ? source : await source.text();
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
  post({ id, kind: 'head', head, trialCount: trials.length, columns }, columnBuffers(columns));
  for (let start = 0; start < trials.length; start += trialsPerMessage) post({ id, kind: 'trials', trials: trials.slice(start, start + trialsPerMessage) });
  post({ id, kind: 'done' });
};
