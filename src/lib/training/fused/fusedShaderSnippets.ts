/**
 * Pieces of WGSL the fused trainer's generator shares: number literals, activations and how the
 * code reaches weights and scratch.
 */
import type { Activation } from '../../core/modelSettings';
import { fusedLayout, type FusedStructure } from './fusedLayout';

/** A WGSL f32 literal of a number. */
export const float = (value: number) => (Number.isInteger(value) ? `${value}.0` : `${value}`);

// Activation as a function of the pre-activation z, and its derivative as a function of the
// activation's output h (what TF.js's gradients use too: relu z > 0 ⇔ h > 0, elu y ≥ 0 → 1).
/** Each activation's forward and derivative expressions. */
export const activations: Record<Activation, { forward: string; derivative: string }> = {
  relu: { forward: 'max(z, 0.0)', derivative: 'select(0.0, 1.0, h > 0.0)' },
  // tanh through exp(−2|z|): never overflows, as TF.js's WebGPU kernel does it.
  tanh: { forward: 'sign(z) * (1.0 - exp(-2.0 * abs(z))) / (1.0 + exp(-2.0 * abs(z)))', derivative: '1.0 - h * h' },
  sigmoid: { forward: '1.0 / (1.0 + exp(-z))', derivative: 'h * (1.0 - h)' },
  elu: { forward: 'select(exp(z) - 1.0, z, z > 0.0)', derivative: 'select(h + 1.0, 1.0, h >= 0.0)' },
  linear: { forward: 'z', derivative: '1.0' },
};

/**
 * How the generated code reaches weights and scratch: in workgroup memory when they fit
 * (structure.local: loaded once per dispatch, written back at its end), else in the storage
 * buffers at the trial's offset.
 */
export function accessors(structure: FusedStructure) {
  const layout = fusedLayout(structure);
  return {
    weight: (index: string) => (structure.local ? `localWeights[${index}]` : `weights[w + ${index}]`),
    // First moments at P + index, second moments at 2P + index.
    moment: (index: string) => (structure.local ? `localWeights[${index}]` : `weights[w + ${index}]`),
    scratchBase: structure.local ? '0u' : `trial * ${layout.scratchStride}u`,
    barrier: structure.local ? 'workgroupBarrier()' : 'storageBarrier()',
  };
}
