/**
 * Presets that show one learning-curve diagnosis each on the spiral: the data and model settings
 * to lay over the playground's. Browser tests use them as known cases. Each names its dataset:
 * a linear model is a good fit on the moons, so "Underfit" only underfits on the spiral.
 */
import type { ModelSettings } from '../core/modelSettings';

/** A named setting-up of data and model meant to show one diagnosis. */
export interface FitPreset {
  /** Button text. */
  title: string;
  /** What it shows, in a sentence. */
  description: string;
  /** The generator (always the two-class spiral), its points and label noise. */
  dataset: 'spiral';
  classes: number;
  samples: number;
  noise: number;
  /** Settings laid over the current ones. */
  settings: Partial<ModelSettings>;
}

/** The presets, by the diagnosis each is meant to show. */
export const fitPresets = {
  overfit: {
    title: 'Overfit',
    description: 'Few noisy points, a large network, no regularisation and many epochs: it memorises the training points.',
    dataset: 'spiral',
    classes: 2,
    samples: 50,
    noise: 0.3,
    settings: { kind: 'mlp', hiddenLayers: 3, units: 64, activation: 'relu', optimizer: 'adam', learningRate: 0.01, batchSize: 32, epochs: 150, l1: 0, l2: 0, dropout: 0, patience: 0 },
  },
  underfit: {
    title: 'Underfit',
    description: 'A linear model (no hidden layer) cannot bend around a spiral, however long it trains.',
    dataset: 'spiral',
    classes: 2,
    samples: 200,
    noise: 0.1,
    settings: { kind: 'mlp', hiddenLayers: 0, optimizer: 'adam', learningRate: 0.03, batchSize: 32, epochs: 30, l1: 0, l2: 0, dropout: 0, patience: 0 },
  },
  diverged: {
    title: 'Diverge',
    description: 'A learning rate of 10: every step overshoots and the loss explodes.',
    dataset: 'spiral',
    classes: 2,
    samples: 100,
    noise: 0.1,
    settings: { kind: 'mlp', hiddenLayers: 2, units: 16, optimizer: 'adam', learningRate: 10, batchSize: 32, epochs: 10, patience: 0 },
  },
} satisfies Record<'overfit' | 'underfit' | 'diverged', FitPreset>;
