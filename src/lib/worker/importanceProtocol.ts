/** Typed messages between the page and the importance worker (importance.worker.ts). */
import type { ImportanceResult } from '../analysis/importanceResult';
import type { Observation } from '../analysis/observations';
import type { Dimension } from '../core/space';

/** Page -> worker: analyse these observations of a study over its space. */
export interface ImportanceRequest {
  id: number;
  space: Dimension[];
  observations: Observation[];
  seed: number;
}

export type { ImportanceResult } from '../analysis/importanceResult';

/** Worker -> page: the answer to request `id`, or why it failed. */
export type ImportanceAnswer = ({ id: number; ok: true } & ImportanceResult) | { id: number; ok: false; message: string };
