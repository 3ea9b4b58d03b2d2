/**
 * A trained network's weights as plain arrays, for views that draw them and for the export of a
 * trained model: one entry per dense layer, from the inputs to the outputs.
 */

/** One dense layer: kernel [inputs * units] row-major (kernel[i * units + j] joins input i to unit j) and bias [units]. */
export interface LayerWeights {
  inputs: number;
  units: number;
  kernel: Float32Array;
  bias: Float32Array;
}

/** A trained model as TF.js saves it (tf.io.ModelArtifacts without TF.js types): topology, weight specs and the weights' bytes. */
export interface ModelArtifacts {
  /** The Keras-style topology JSON (a Sequential of Dense layers; outputs are logits, softmax not included). */
  modelTopology: unknown;
  /** Name, shape and dtype of each weight, in the order of weightData. */
  weightSpecs: { name: string; shape: number[]; dtype: string }[];
  /** The weights' float32 bytes, concatenated. */
  weightData: ArrayBuffer;
}
