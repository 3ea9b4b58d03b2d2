/**
 * The diagnosis of a trial that has ended, trusting the trainer where the curve is too short to
 * speak: the trainer stops a diverging trial at once (often after one epoch, with a loss far
 * above the baseline), which the curve alone would call "not converged".
 */
import { diagnose, type DiagnoseOptions, type Diagnosis } from './diagnose';
import type { EpochRecord, TrialState } from './trial';

/** diagnose(epochs), except that a trial the trainer ended as diverged is always labelled diverged. */
export function diagnoseTrial(epochs: readonly EpochRecord[], state: TrialState | 'stopped', options: DiagnoseOptions = {}): Diagnosis {
  const read = diagnose(epochs, options);
  if (state !== 'diverged' || read.label === 'diverged') return read;
  return {
    ...read,
    label: 'diverged',
    explanation: 'The trainer stopped it: the loss became infinite or exploded far above the loss of ignoring the inputs.',
    suggestion: 'Lower the learning rate (try ten times smaller), and check that the inputs are on similar scales.',
  };
}
