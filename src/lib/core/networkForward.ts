/**
 * A trained dense network run forward in plain numbers, from its weights: what the page needs to
 * draw a network's decision regions without asking the trainer again (a lesson's runs keep their
 * final weights). Hidden layers use the network's activation; the last layer gives logits, and
 * classification adds the softmax, as the trainer's probe outputs do. Dropout is off, as at test time.
 */
import type { Activation } from './modelSettings';
import type { LayerWeights } from './networkWeights';

const activate: Record<Activation, (value: number) => number> = {
  relu: (value) => (value > 0 ? value : 0),
  tanh: Math.tanh,
  sigmoid: (value) => 1 / (1 + Math.exp(-value)),
  elu: (value) => (value > 0 ? value : Math.expm1(value)),
  linear: (value) => value,
};

/** The last layer's outputs (logits) for each row of `inputs` ([rows * layers[0].inputs], row-major): [rows * lastLayer.units]. */
export function networkOutputs(layers: readonly LayerWeights[], activation: Activation, inputs: Float32Array): Float32Array {
  if (layers.length === 0) throw new Error('A network needs at least one layer.');
  let width = layers[0].inputs;
  const rows = inputs.length / width;
  let values: Float32Array = inputs;
  layers.forEach((layer, index) => {
    if (layer.inputs !== width) throw new Error(`Layer ${index + 1} takes ${layer.inputs} inputs, but ${width} arrive.`);
    const next = new Float32Array(rows * layer.units);
    const hidden = index < layers.length - 1;
    for (let row = 0; row < rows; row++) {
      for (let unit = 0; unit < layer.units; unit++) {
        let sum = layer.bias[unit];
        for (let input = 0; input < width; input++) sum += values[row * width + input] * layer.kernel[input * layer.units + unit];
        next[row * layer.units + unit] = hidden ? activate[activation](sum) : sum;
      }
    }
    values = next;
    width = layer.units;
  });
  return values;
}

/** Each row's outputs turned into class probabilities (a numerically safe softmax), in place; returns them. */
export function softmaxRows(outputs: Float32Array, classes: number): Float32Array {
  for (let start = 0; start < outputs.length; start += classes) {
    let top = -Infinity;
    for (let k = 0; k < classes; k++) top = Math.max(top, outputs[start + k]);
    let total = 0;
    for (let k = 0; k < classes; k++) {
      outputs[start + k] = Math.exp(outputs[start + k] - top);
      total += outputs[start + k];
    }
    for (let k = 0; k < classes; k++) outputs[start + k] /= total;
  }
  return outputs;
}
