/**
 * TF.js as the trainer uses it: tfjs-core and tfjs-layers, without the '@tensorflow/tfjs' umbrella
 * (which also bundles the converter, tfjs-data and the CPU and WebGL backends). No backend comes
 * with it: backendLoaders.ts loads each one with a dynamic import() when it is first used.
 */
// As the umbrella does: every op's gradient, and the chained ops (tensor.mul(…)), registered.
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops';
export * from '@tensorflow/tfjs-core';
export * from '@tensorflow/tfjs-layers';
