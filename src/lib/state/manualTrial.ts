/**
 * The hand-trained trial as the page shows it, an uploaded CSV file, and the small helpers the
 * playground uses to report how a trial ended.
 */
import type { CsvTable } from '../datasets/csv';
import type { ModelSettings } from '../core/modelSettings';
import type { EpochRecord, TrainingEnd } from '../core/trial';

/** The trial trained by hand, as the page shows it. */
export interface ManualTrial {
  id: number;
  /** Running, or how it ended (early stopping keeps a complete trial). */
  state: 'running' | Exclude<TrainingEnd, 'early-stopped'>;
  epochs: EpochRecord[];
  durationMs: number;
  keptEpoch: number;
  error?: string;
  /** The settings it trained with and its training rows' count, for the diagnosis. */
  settings?: ModelSettings;
  trainingSamples?: number;
}

/** An uploaded CSV file: its table, and the target and task a person chose for it. */
export interface CsvUpload {
  fileName: string;
  table: CsvTable;
}

/** How a hand-trained trial shows an end: early stopping keeps a complete trial. */
export function endToState(end: TrainingEnd): ManualTrial['state'] {
  return end === 'early-stopped' ? 'complete' : end;
}

/** An error's message, capitalised, for the page. */
export function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.charAt(0).toUpperCase() + text.slice(1);
}
