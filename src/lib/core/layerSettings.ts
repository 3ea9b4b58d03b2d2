/**
 * The rows of the settings table for the MLP's per-layer widths (hidden layers 2 to 6; layer 1 is
 * `units`, and a layer whose width is 0 takes layer 1's) and for Adam's decay rates β1 and β2.
 * Old links and study files carry none of them, so their defaults keep today's network: every
 * layer as wide as the first, and Adam at β1 = 0.9, β2 = 0.999.
 */
import { defaultAdamBetas, defaultModelSettings, laterLayerWidthKeys, type LaterLayerWidthKey } from './modelSettings';
import type { IntSetting, NumberSetting } from './settingTypes';

/** The range the search form offers for a later layer's width (the same as layer 1's). */
const widthSearchRange = { type: 'int', low: 2, high: 32 } as const;

function widthRow(key: LaterLayerWidthKey, layer: number): IntSetting & { default: number } {
  return {
    type: 'int', group: 'model', label: `Units of layer ${layer}`, min: 1, max: 128, off: 0, default: defaultModelSettings[key], searchable: true, searchRange: widthSearchRange,
    explanation: `Width of hidden layer ${layer}, when the network has it; 0 makes it as wide as layer 1.`,
  };
}

/** Rows units2 … units6, in layer order. */
export const layerWidthDefinitions = Object.fromEntries(laterLayerWidthKeys.map((key, index) => [key, widthRow(key, index + 2)])) as { readonly [K in LaterLayerWidthKey]: IntSetting & { default: number } };

/** Rows beta1 and beta2: Adam's decay rates of its running mean of gradients and of squared gradients. */
export const adamBetaDefinitions: { readonly beta1: NumberSetting & { default: number }; readonly beta2: NumberSetting & { default: number } } = {
  beta1: {
    type: 'number', group: 'training', label: 'Adam β1', min: 0, max: 0.999, scale: 'linear', default: defaultAdamBetas.beta1, searchable: true, searchRange: { type: 'real', low: 0.8, high: 0.99 },
    explanation: 'How slowly Adam\'s average of the gradients forgets: near 1 smooths the steps (adam, adam-hd).',
  },
  beta2: {
    type: 'number', group: 'training', label: 'Adam β2', min: 0, max: 0.9999, scale: 'linear', default: defaultAdamBetas.beta2, searchable: true, searchRange: { type: 'real', low: 0.9, high: 0.9999 },
    explanation: 'How slowly Adam\'s average of the squared gradients forgets: lower adapts each step size faster but noisier (adam, adam-hd).',
  },
};
