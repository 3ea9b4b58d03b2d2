import type { Initializer } from '../core/modelSettings';
import { createRandom } from '../core/random';

/** One dense layer's starting parameters, row-major. */
export interface LayerWeights {
  /** Fan-in (inputs of the layer). */
  inputs: number;
  /** Fan-out (units of the layer). */
  outputs: number;
  /** Kernel, shape [inputs * outputs], row i holds the weights leaving input i. */
  kernel: Float32Array;
  /** Bias, shape [outputs]; starts at zero. */
  bias: Float32Array;
}

// Keras draws its "normal" variance-scaling initialisers from a normal truncated at two
// standard deviations; dividing by this constant keeps the truncated variance at the target.
const truncatedNormalCorrection = 0.87962566103423978;

/** Standard deviation (or uniform limit, for glorotUniform) of an initialiser for a layer. */
export function initializerScale(initializer: Initializer, inputs: number, outputs: number): number {
  switch (initializer) {
    case 'glorotUniform':
      return Math.sqrt(6 / (inputs + outputs));
    case 'heNormal':
      return Math.sqrt(2 / inputs) / truncatedNormalCorrection;
    case 'lecunNormal':
      return Math.sqrt(1 / inputs) / truncatedNormalCorrection;
    case 'randomNormal':
      return 0.05;
    default:
      throw new Error(`invalid initializer: ${initializer as string}`);
  }
}

function drawKernel(
  initializer: Initializer,
  inputs: number,
  outputs: number,
  seed: number,
  layerIndex: number,
  initialScale: number,
): Float32Array {
  const random = createRandom(seed).fork(`layer ${layerIndex}`);
  const scale = initializerScale(initializer, inputs, outputs) * initialScale;
  const kernel = new Float32Array(inputs * outputs);
  for (let i = 0; i < kernel.length; i++) {
    if (initializer === 'glorotUniform') {
      kernel[i] = random.uniform(-scale, scale);
    } else if (initializer === 'randomNormal') {
      kernel[i] = scale * random.normal();
    } else {
      let value = random.normal();
      while (Math.abs(value) > 2) value = random.normal();
      kernel[i] = scale * value;
    }
  }
  return kernel;
}

/**
 * Seeded starting weights of an MLP with layer widths [featureCount, ...hidden, outputs]:
 * one LayerWeights per dense layer; the same seed gives the same weights in any population.
 * initialScale multiplies every kernel (1 = the initialiser's own scale).
 */
export function initialWeights(
  layerWidths: number[],
  initializer: Initializer,
  seed: number,
  initialScale = 1,
): LayerWeights[] {
  const layers: LayerWeights[] = [];
  for (let layer = 0; layer + 1 < layerWidths.length; layer++) {
    const inputs = layerWidths[layer];
    const outputs = layerWidths[layer + 1];
    layers.push({
      inputs,
      outputs,
      kernel: drawKernel(initializer, inputs, outputs, seed, layer, initialScale),
      bias: new Float32Array(outputs),
    });
  }
  return layers;
}
