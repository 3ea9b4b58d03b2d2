/**
 * The trained weights of a search's trials, as the search trained them (sent by the worker just
 * before each trial ends), kept in memory up to a byte limit: past it the oldest go first, except
 * the ones the caller protects (the best trial). Studies saved or exported keep no weights.
 */
import type { LayerWeights } from '../core/networkWeights';

/** One trial's weights and the epoch they are from. */
export interface StoredWeights {
  layers: LayerWeights[];
  epoch: number;
}

function bytesOf(layers: readonly LayerWeights[]): number {
  return layers.reduce((sum, layer) => sum + layer.kernel.byteLength + layer.bias.byteLength, 0);
}

/** Weights by trial id, oldest first, within `limitBytes`. */
export class TrialWeightsStore {
  // A cache read through Study.weightsVersion, not state anything renders directly.
  readonly #entries = new Map<number, StoredWeights>();
  #bytes = 0;

  constructor(readonly limitBytes: number) {}

  /** Keeps `layers` for trial `id`, then drops the oldest others (not those `protect` names) until within the limit. */
  set(id: number, layers: LayerWeights[], epoch: number, protect: (id: number) => boolean = () => false): void {
    this.#drop(id);
    this.#entries.set(id, { layers, epoch });
    this.#bytes += bytesOf(layers);
    for (const other of [...this.#entries.keys()]) {
      if (this.#bytes <= this.limitBytes) break;
      if (other !== id && !protect(other)) this.#drop(other);
    }
  }

  /** The weights of trial `id`, or undefined when none arrived or they were dropped. */
  get(id: number): StoredWeights | undefined {
    return this.#entries.get(id);
  }

  /** Bytes held. */
  get bytes(): number {
    return this.#bytes;
  }

  #drop(id: number): void {
    const entry = this.#entries.get(id);
    if (!entry) return;
    this.#bytes -= bytesOf(entry.layers);
    this.#entries.delete(id);
  }
}
