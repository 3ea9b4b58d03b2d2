import * as tf from '@tensorflow/tfjs';
import type { ModelSettings } from '../core/modelSettings';

/** The TF.js optimizer a trial's settings name, at its learning rate (and momentum). */
export function createOptimizer(settings: Pick<ModelSettings, 'optimizer' | 'learningRate' | 'momentum'>): tf.Optimizer {
  switch (settings.optimizer) {
    case 'sgd':
      return tf.train.sgd(settings.learningRate);
    case 'momentum':
      return tf.train.momentum(settings.learningRate, settings.momentum);
    case 'adam':
      return tf.train.adam(settings.learningRate);
    case 'rmsprop':
      return tf.train.rmsprop(settings.learningRate);
    default:
      throw new Error(`invalid optimizer: ${settings.optimizer as string}`);
  }
}
