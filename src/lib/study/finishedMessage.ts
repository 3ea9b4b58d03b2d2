/**
 * The sentence that ends a search whose budget is spent, counting how its trials ended, so a
 * search whose schedule pruned most of its trials never reads as if they all ran to the end.
 */
import type { TrialState } from '../core/trial';

/** Trial states in the order the sentence names them. */
const order: TrialState[] = ['complete', 'pruned', 'diverged', 'failed', 'running', 'queued'];
const words: Record<TrialState, string> = { complete: 'completed', pruned: 'pruned early by the schedule', diverged: 'diverged', failed: 'failed', running: 'still running', queued: 'queued' };

/** "Finished: all 3 trials ran (3 completed)." or, when any was pruned, "Finished: 12 trials, 1 completed, 11 pruned early by the schedule." */
export function finishedMessage(trials: readonly { state: TrialState }[]): string {
  const counts = order.map((state) => ({ state, count: trials.filter((trial) => trial.state === state).length })).filter((entry) => entry.count > 0);
  const parts = counts.map((entry) => `${entry.count} ${words[entry.state]}`).join(', ');
  if (counts.some((entry) => entry.state === 'pruned')) return `Finished: ${trials.length} trials, ${parts}.`;
  return `Finished: all ${trials.length} trials ran (${parts}).`;
}
