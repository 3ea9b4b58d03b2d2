import * as tf from './tf';
import { adamBetas, type ModelSettings } from '../core/modelSettings';
import { HypergradientOptimizer } from './hypergradientOptimizer';

/** The TF.js optimizer a trial's settings name, at its learning rate (and momentum, Adam's β's, or hypergradient rate). */
export function createOptimizer(settings: Pick<ModelSettings, 'optimizer' | 'learningRate' | 'momentum' | 'hypergradientRate'> & Partial<Pick<ModelSettings, 'beta1' | 'beta2'>>): tf.Optimizer {
  const { beta1, beta2 } = adamBetas(settings);
  switch (settings.optimizer) {
    case 'sgd':
      return tf.train.sgd(settings.learningRate);
    case 'momentum':
      return momentumOptimizer(settings.learningRate, settings.momentum);
    case 'adam':
      return tf.train.adam(settings.learningRate, beta1, beta2);
    case 'rmsprop':
      return tf.train.rmsprop(settings.learningRate);
    case 'sgd-hd':
      return new HypergradientOptimizer('sgd', settings.learningRate, settings.hypergradientRate);
    case 'adam-hd':
      return new HypergradientOptimizer('adam', settings.learningRate, settings.hypergradientRate, { beta1, beta2 });
    default:
      throw new Error(`invalid optimizer: ${settings.optimizer as string}`);
  }
}

/**
 * tf.train.momentum, with a dispose() that also frees the learning-rate scalar: in TF.js 4.22
 * MomentumOptimizer.dispose() overrides SGDOptimizer's and forgets its `c` (−learningRate), so
 * every momentum trial leaked one tensor (tests/unit/training/models.test.ts caught it).
 */
function momentumOptimizer(learningRate: number, momentum: number): tf.Optimizer {
  const optimizer = tf.train.momentum(learningRate, momentum);
  const disposeAccumulations = optimizer.dispose.bind(optimizer);
  optimizer.dispose = () => {
    disposeAccumulations();
    (optimizer as unknown as { c?: tf.Tensor }).c?.dispose();
  };
  return optimizer;
}
