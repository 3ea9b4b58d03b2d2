/**
 * The accessible name of a trial's mark in a chart: its number, what became of it, its objective
 * and the settings it tried, in the page's number format ("trial 3, completed: objective 0.312;
 * learningRate 0.01, l2 1e-4").
 */
import { formatNumber, formatValue } from '../core/formatNumber';
import type { StudyTrial } from '../core/trial';

const stateWords: Record<string, string> = {
  complete: 'completed',
  pruned: 'pruned by the schedule',
  diverged: 'diverged',
  failed: 'failed',
  running: 'training now',
  queued: 'queued',
};

/** "trial n (state[, chosen by you]): objective v; name value, …" for a mark's aria-label and tooltip; `series` names a race's study first. */
export function trialMarkLabel(trial: StudyTrial, series = ''): string {
  const state = `${stateWords[trial.state] ?? trial.state}${trial.manual ? ', chosen by you' : ''}`;
  const objective = trial.value === null ? 'no objective' : `objective ${formatNumber(trial.value, 4)}`;
  const settings = Object.entries(trial.params).map(([name, value]) => `${name} ${formatValue(value)}`).join(', ');
  return `${series ? `${series} ` : ''}trial ${trial.id} (${state}): ${objective}${settings ? `; ${settings}` : ''}`;
}
