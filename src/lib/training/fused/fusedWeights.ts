/**
 * Reading weights out of the fused trainer's parameter buffer: a range of words copied back
 * from the GPU, and one trial's padded block unpacked into plain per-layer arrays.
 */
import type { LayerWeights } from '../initialWeights';
import type { FusedLayout } from './fusedLayout';

/** Copies `count` words from word `first` of a storage buffer back to the CPU (one copy, one map). */
export async function readWords(device: GPUDevice, buffer: GPUBuffer, first: number, count: number): Promise<Float32Array> {
  const readback = device.createBuffer({ size: count * 4, usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST, label: 'fused weights readback' });
  try {
    const encoder = device.createCommandEncoder();
    encoder.copyBufferToBuffer(buffer, first * 4, readback, 0, count * 4);
    device.queue.submit([encoder.finish()]);
    await readback.mapAsync(GPUMapMode.READ);
    return new Float32Array(readback.getMappedRange().slice(0));
  } finally {
    readback.destroy();
  }
}

/** One trial's layers from its padded parameter block starting at word `base` of `values`; `widths` are its unpadded layer widths. */
export function unpackTrialWeights(values: Float32Array, base: number, layout: FusedLayout, widths: readonly number[]): LayerWeights[] {
  return layout.layers.map((padded, index) => {
    const inputs = widths[index];
    const outputs = widths[index + 1];
    const kernel = new Float32Array(inputs * outputs);
    for (let i = 0; i < inputs; i++) kernel.set(values.subarray(base + padded.kernel + i * padded.outputs, base + padded.kernel + i * padded.outputs + outputs), i * outputs);
    const bias = values.slice(base + padded.bias, base + padded.bias + outputs);
    return { inputs, outputs, kernel, bias };
  });
}
