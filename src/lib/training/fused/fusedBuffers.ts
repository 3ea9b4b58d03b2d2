/** The GPU buffers of the fused trainer, created with the packed contents (fusedPacking.ts) uploaded. */
import type { FusedPacking } from './fusedPacking';

/** The GPU buffers of a fused population and the bind group that ties them to the pipeline. */
export interface FusedBuffers {
  uniform: GPUBuffer;
  data: GPUBuffer;
  settings: GPUBuffer;
  weights: GPUBuffer;
  /** Absent when weights and scratch live in workgroup memory (the shader then has no scratch binding). */
  scratch: GPUBuffer | null;
  status: GPUBuffer;
  statusReadback: GPUBuffer;
  bindGroup: GPUBindGroup;
}

/** Creates the buffers with the packed contents uploaded. */
export function createBuffers(device: GPUDevice, pipeline: GPUComputePipeline, packed: FusedPacking, scratchWords: number | null): FusedBuffers {
  const storage = GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST | GPUBufferUsage.COPY_SRC;
  const bufferOf = (contents: ArrayBufferView, label: string, usage = storage) => {
    const buffer = device.createBuffer({ size: Math.max(16, Math.ceil(contents.byteLength / 4) * 4), usage, label });
    device.queue.writeBuffer(buffer, 0, contents.buffer, contents.byteOffset, contents.byteLength);
    return buffer;
  };
  const uniform = device.createBuffer({ size: 48, usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST, label: 'fused params' });
  const data = bufferOf(packed.dataWords, 'fused data');
  const settings = bufferOf(packed.settingsBytes, 'fused trial settings');
  const weights = bufferOf(packed.parameters, 'fused weights');
  const scratch = scratchWords === null ? null : device.createBuffer({ size: Math.max(16, scratchWords * 4), usage: GPUBufferUsage.STORAGE, label: 'fused scratch' });
  const status = bufferOf(packed.statusWords, 'fused status');
  const statusReadback = device.createBuffer({ size: packed.statusWords.byteLength, usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST, label: 'fused status readback' });
  const bindGroup = device.createBindGroup({
    layout: pipeline.getBindGroupLayout(0),
    entries: [uniform, data, settings, weights, scratch, status].flatMap((buffer, binding) => (buffer ? [{ binding, resource: { buffer } }] : [])),
  });
  return { uniform, data, settings, weights, scratch, status, statusReadback, bindGroup };
}
