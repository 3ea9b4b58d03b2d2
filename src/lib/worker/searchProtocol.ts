/** Typed messages between the page and the search worker, which hosts the strategies. */
import type { Dimension, Params } from '../core/space';
import type { PosteriorSlice, PosteriorSliceRequest, ProposalExplanation } from '../search';
import type { StrategyOptions } from '../search/strategy';

/** Page -> search worker. Every request but tell carries an id its answer repeats. */
export type SearchRequest =
  | { type: 'create'; studyId: number; name: string; space: Dimension[]; options: StrategyOptions }
  | { type: 'ask'; studyId: number; requestId: number; size: number }
  | { type: 'tell'; studyId: number; params: Params; value: number | null }
  | { type: 'slice'; studyId: number; requestId: number; request: PosteriorSliceRequest }
  | { type: 'dispose'; studyId: number };

/** Search worker -> page. */
export type SearchResponse =
  | { type: 'asked'; requestId: number; params: Params[]; explanation: ProposalExplanation | null }
  | { type: 'slice'; requestId: number; slice: PosteriorSlice | null }
  | { type: 'error'; requestId: number; message: string };
