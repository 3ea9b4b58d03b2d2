/**
 * Reads a trial's network out of TF.js: its dense layers' weights as plain arrays (the network
 * view draws them per epoch), and the model as TF.js saves it (model.json topology, weight specs
 * and bytes), so the page can offer it for tf.loadLayersModel.
 */
import * as tf from './tf';
import type { ModelSettings } from '../core/modelSettings';
import type { LayerWeights, ModelArtifacts } from '../core/networkWeights';
import { createRandom } from '../core/random';
import { buildMlp } from './mlp';

/** The weights of each dense layer of the network, inputs to outputs (one readback per tensor). */
export async function networkWeights(network: tf.Sequential): Promise<LayerWeights[]> {
  const layers: LayerWeights[] = [];
  for (const layer of network.layers) {
    const [kernel, bias] = layer.getWeights();
    if (!kernel || kernel.shape.length !== 2) continue;
    const [inputs, units] = kernel.shape as [number, number];
    // Copies: the CPU backend hands out its own storage, which a transfer would detach.
    const kernelValues = new Float32Array(await kernel.data());
    const biasValues = bias ? new Float32Array(await bias.data()) : new Float32Array(units);
    layers.push({ inputs, units, kernel: kernelValues, bias: biasValues });
  }
  return layers;
}

/** The network as TF.js's own save writes it (topology JSON, weight specs, weight bytes). */
export async function networkArtifacts(network: tf.Sequential): Promise<ModelArtifacts> {
  let saved: tf.io.ModelArtifacts | null = null;
  await network.save(
    tf.io.withSaveHandler(async (artifacts) => {
      saved = artifacts;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  const artifacts = saved as tf.io.ModelArtifacts | null;
  if (!artifacts?.modelTopology || !artifacts.weightSpecs || !artifacts.weightData) throw new Error('TF.js saved no weights for this model');
  const data = artifacts.weightData;
  const weightData = data instanceof ArrayBuffer ? data : tf.io.concatenateArrayBuffers(data as ArrayBuffer[]);
  return { modelTopology: artifacts.modelTopology, weightSpecs: artifacts.weightSpecs.map(({ name, shape, dtype }) => ({ name, shape, dtype })), weightData };
}

/**
 * The network of `settings` holding the given weights (as networkWeights or a population read them):
 * an MLP, or ridge's one linear layer; throws when the layers do not fit the settings.
 */
export function networkFromWeights(settings: ModelSettings, layers: readonly LayerWeights[]): tf.Sequential {
  if (layers.length === 0) throw new Error('no layers to build a network from');
  const shape: ModelSettings = settings.kind === 'ridge' ? { ...settings, hiddenLayers: 0, dropout: 0 } : settings;
  const network = buildMlp(shape, layers[0].inputs, layers[layers.length - 1].units, createRandom(0));
  const dense = network.layers.filter((layer) => layer.getWeights().length > 0);
  if (dense.length !== layers.length) {
    network.dispose();
    throw new Error(`the settings make ${dense.length} dense layers, the weights have ${layers.length}`);
  }
  dense.forEach((layer, index) => {
    const { inputs, units, kernel, bias } = layers[index];
    const values = [tf.tensor2d(kernel, [inputs, units]), tf.tensor1d(bias)];
    try {
      layer.setWeights(values);
    } finally {
      tf.dispose(values);
    }
  });
  return network;
}
