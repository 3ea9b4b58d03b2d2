/**
 * Which rows of the search form can change a trial, given the fixed settings and the other rows:
 * the units of layer k only when some trial can have k layers (hidden layers searched up to at
 * least k, or fixed at k or more), Adam's β's only when some trial can use Adam (the optimizer
 * searched, or fixed at adam or adam-hd). Other rows always can. The form hides the rest, so a
 * fresh page offers units2 for its two layers and not units3 … units6.
 */
import { laterLayerWidthKeys, usesAdamBetas, type ModelSettings } from './modelSettings';

/** The part of a search form row this reads: its name, whether it is searched, its range. */
export interface SearchRowState {
  name: string;
  enabled: boolean;
  low: number;
  high: number;
}

/** Whether a search over the row `name` could change some trial (see the module comment). */
export function searchRowMatters(name: string, fixed: Pick<ModelSettings, 'hiddenLayers' | 'optimizer'>, rows: readonly SearchRowState[]): boolean {
  const layer = (laterLayerWidthKeys as readonly string[]).indexOf(name) + 2;
  if (layer >= 2) {
    const layers = rows.find((row) => row.name === 'hiddenLayers');
    return layers?.enabled ? Math.max(layers.low, layers.high) >= layer : fixed.hiddenLayers >= layer;
  }
  if (name === 'beta1' || name === 'beta2') {
    return rows.some((row) => row.name === 'optimizer' && row.enabled) || usesAdamBetas(fixed.optimizer);
  }
  return true;
}
