/**
 * The one look at the test split a study allows: train the chosen configuration on the training
 * split and score it on the held-back test rows, then compare with the validation score that got
 * it chosen. Once only: looking again, and choosing by what one saw, would make the test score
 * as optimistic as the validation score.
 */
import type { ModelSettings } from '../core/modelSettings';
import type { Dataset, Split } from '../datasets/dataset';
import type { Trainer } from './trainer.svelte';
import { keptRecord, trialData } from '../core/trialInputs';

/** The configuration chosen by validation, and the score that chose it. */
export interface TestCandidate {
  /** What it is, in words ("trial 7", "units = 16"). */
  name: string;
  settings: ModelSettings;
  seed: number;
  /** Its validation loss (the lower, the better). */
  validationLoss: number;
  validationAccuracy?: number;
  /** How many configurations it was chosen from. */
  chosenFrom: number;
}

/** Validation against test, for the chosen configuration. */
export interface TestResult {
  candidate: TestCandidate;
  testLoss: number;
  testAccuracy?: number;
  /** testLoss − validationLoss: above 0 when validation was optimistic. */
  gap: number;
}

/** A once-only test-set evaluation, as reactive state. */
export class TestEvaluation {
  status = $state<'ready' | 'running' | 'done' | 'failed'>('ready');
  result = $state.raw<TestResult | null>(null);
  error = $state('');

  /** True once the test split has been looked at (or is being): the button stays off. */
  get used(): boolean {
    return this.status !== 'ready';
  }

  /** Trains the candidate (in `trainer`) on the training split and scores it on the test split; does nothing the second time. */
  evaluate(trainer: Trainer, candidate: TestCandidate, dataset: Dataset, split: Split): void {
    if (this.used) return;
    if (split.test.length === 0) {
      this.status = 'failed';
      this.error = 'This split holds back no test rows, so there is nothing to evaluate on.';
      return;
    }
    this.status = 'running';
    let last: { loss: number; accuracy?: number; epoch: number }[] = [];
    const run = trainer.run(
      {
        settings: candidate.settings,
        seed: candidate.seed,
        // The test rows go in as the "validation" rows: this is the only request that reads them.
        data: trialData(dataset, split.train, split.test),
      },
      (records) => {
        last = [...last, ...records.map((record) => ({ loss: record.validationLoss, accuracy: record.validationAccuracy, epoch: record.epoch }))];
      },
    );
    void run.done.then(({ end, keptEpoch, error }) => {
      const kept = keptRecord(last, keptEpoch);
      if (end === 'failed' || end === 'stopped' || !kept) {
        this.status = 'failed';
        this.error = `The test run did not finish: ${error ?? end}.`;
        return;
      }
      this.result = { candidate, testLoss: kept.loss, testAccuracy: kept.accuracy, gap: kept.loss - candidate.validationLoss };
      this.status = 'done';
    });
  }
}
