import type { Params } from '../core/space';
import type { BatchStrategy, Strategy } from './strategy';

/** Where proposals come from: a strategy in this thread, or one in a worker (asks are then promises). */
export interface Proposer {
  /** Up to `size` proposals; fewer (or none) when the strategy has nothing more. */
  askMany(size: number): Params[] | Promise<Params[]>;
  tell(params: Params, value: number | null): void;
}

/** A proposer in this thread: its asks are answered at once. */
export interface LocalProposer extends Proposer {
  askMany(size: number): Params[];
}

/** A proposer over a strategy in this thread: a batch from strategies that propose batches, else repeated asks. */
export function localProposer(strategy: Strategy): LocalProposer {
  return {
    askMany(size: number): Params[] {
      if (size > 1 && 'askBatch' in strategy && typeof strategy.askBatch === 'function') return (strategy as BatchStrategy).askBatch(size);
      const wave: Params[] = [];
      for (let i = 0; i < size; i++) {
        const params = strategy.ask();
        if (!params) break;
        wave.push(params);
      }
      return wave;
    },
    tell: (params, value) => strategy.tell(params, value),
  };
}
