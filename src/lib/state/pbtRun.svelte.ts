/**
 * One population-based training run in the page: the K members' epoch records as they stream
 * in, the lineage (who copied whom, when), and how the run ended. The worker trains; this only
 * keeps what it reports.
 */
import type { EpochRecord } from '../core/trial';
import type { LineageEntry } from '../search/pbt';
import type { PbtRequest } from '../worker/protocol';
import type { Trainer } from './trainer.svelte';

/** Reactive state of one PBT run. */
export class PbtRun {
  status = $state<'running' | 'complete' | 'stopped' | 'failed'>('running');
  /** Each member's records so far, [population][epochs] (null where it had diverged). */
  members = $state.raw<(EpochRecord | null)[][]>([]);
  /** Every member at every exploit/explore step so far. */
  lineage = $state.raw<LineageEntry[]>([]);
  /** The member with the lowest final validation loss, once ended. */
  bestMember = $state<number | null>(null);
  error = $state('');
  epoch = $state(0);
  readonly request: PbtRequest;
  readonly #trainer: Trainer;
  #runId = 0;

  constructor(trainer: Trainer, request: PbtRequest) {
    this.#trainer = trainer;
    this.request = request;
    this.members = Array.from({ length: request.population }, () => []);
  }

  /** Sends the run to the worker. */
  start(): void {
    this.#runId = this.#trainer.trainPbt(this.request, {
      epoch: (epoch, records, lineage) => {
        this.epoch = epoch;
        this.members = this.members.map((curve, k) => [...curve, records[k]]);
        if (lineage) this.lineage = lineage;
      },
      end: ({ end, bestMember, lineage, error }) => {
        this.status = end;
        this.lineage = lineage.length > 0 ? lineage : this.lineage;
        this.bestMember = end === 'failed' ? null : bestMember;
        this.error = error ?? '';
      },
    });
  }

  /** Ends the run after the epoch in progress. */
  stop(): void {
    if (this.status === 'running') this.#trainer.stop(this.#runId);
  }
}
