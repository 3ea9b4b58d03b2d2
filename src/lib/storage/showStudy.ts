/**
 * Opens a saved or imported study in the search page's full views (map and surrogate, curves,
 * parallel coordinates, replay) by replaying it: the same setup resuming uses, with the budget cut
 * to the trials that had ended, so the runner tells the strategy every result and trains nothing.
 */
import type { StudyExport } from './studySchema';
import type { ResumeInfo } from './studyStorage';
import type { SavedData } from './savedData';
import { resumeSetup } from './resumeStudy';

/** How many trials at the head of the list had ended (a running or queued one and all after it would train again). */
export function endedHead(trials: StudyExport['trials']): number {
  const firstOpen = trials.findIndex((trial) => trial.state === 'running' || trial.state === 'queued');
  return firstOpen === -1 ? trials.length : firstOpen;
}

/** The setup and trials that show a saved study in the views without training, or why it can't be shown. */
export function showSetup(exported: StudyExport, resume: ResumeInfo | undefined, saved?: SavedData): ReturnType<typeof resumeSetup> {
  const ended = endedHead(exported.trials);
  if (ended === 0) return 'This study has no ended trial to show.';
  const info: ResumeInfo = { schedule: 'none', parallel: 1, folds: 0, epochBudget: 0, ...resume, budget: ended, ended: true, endedTrials: ended };
  const plan = resumeSetup(exported, info, saved);
  if (typeof plan === 'string') return plan.replace('it cannot resume', 'it cannot be shown in the map and curves (its table stays below)');
  return { setup: plan.setup, replay: plan.replay.slice(0, ended) };
}
