/**
 * Chooses the TF.js backend: WebGPU first, then WebGL, WASM and CPU. Each step's failure is
 * caught and remembered, so the page can say which backend runs and why the faster ones didn't.
 */
import * as tf from './tf';
import { requestTrainingDevice } from './webgpuDevice';
import { loadBackend, loadWebGPU } from './backendLoaders';

import { backendLabels, backendOrder, type BackendName } from '../core/backendNames';

export type { BackendName };

/** Outcome of choosing a backend. */
export interface BackendChoice {
  /** The backend now active. */
  name: BackendName;
  /** One sentence for the page: why this backend (e.g. "this browser has no WebGPU: using WebGL"). */
  reason: string;
  /** The faster backends that were tried and failed, with their errors. */
  skipped: { name: BackendName; error: string }[];
  /** Milliseconds from the start of the choice until the backend was ready. */
  readyMs: number;
}

/** What the caller knows about its environment, beyond what the worker can see. */
export interface BackendHints {
  /** False when the page itself has no navigator.gpu (so WebGPU is not offered to it). */
  pageHasWebGPU: boolean;
}

let currentDevice: GPUDevice | null = null;
/** The device TF.js's registered WebGPU backend runs on (a lost or replaced one is not switched back to). */
let tfjsDevice: GPUDevice | null = null;
/** Devices known lost: activateBackend rebuilds WebGPU rather than switch back to one. */
const lostDevices = new WeakSet<GPUDevice>();
let adapterSummary: { name: string; software: boolean } | null = null;

/** The WebGPU device in use, if the active backend is WebGPU (for loss detection). */
export function activeWebGPUDevice(): GPUDevice | null {
  return tf.getBackend() === 'webgpu' ? tfjsDevice : null;
}

let opening: Promise<GPUDevice> | null = null;

/**
 * The worker's one WebGPU device, opened on first use and again after a loss: TF.js's WebGPU
 * backend and the fused trainer share it, so a pipeline compiled while calibrating is reused.
 * Opening it does not switch TF.js's backend (the fused kernel can be measured while WASM trains).
 */
export function openWebGPUDevice(hints: BackendHints): Promise<GPUDevice> {
  if (currentDevice && !lostDevices.has(currentDevice)) return Promise.resolve(currentDevice);
  opening ??= requestDevice(hints).finally(() => (opening = null));
  return opening;
}

async function requestDevice(hints: BackendHints): Promise<GPUDevice> {
  const gpu = (globalThis.navigator as Navigator | undefined)?.gpu;
  if (!hints.pageHasWebGPU || !gpu) throw new Error('this browser has no WebGPU');
  const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  if (!adapter) throw new Error('WebGPU found no usable GPU adapter');
  summarise(adapter);
  const device = await requestTrainingDevice(adapter);
  currentDevice = device;
  void device.lost.then(() => lostDevices.add(device));
  return device;
}

async function prepareWebGPU(hints: BackendHints): Promise<void> {
  // Register our own factory (replacing the package's) so that we own the device: we can
  // watch device.lost and register a fresh one after a loss.
  const [device, { WebGPUBackend }] = await Promise.all([openWebGPUDevice(hints), loadWebGPU()]);
  if (tf.findBackendFactory('webgpu')) tf.removeBackend('webgpu');
  tfjsDevice = device;
  tf.registerBackend('webgpu', () => new WebGPUBackend(device), 3);
}

/** The WebGPU adapter seen last (vendor and architecture, and whether it is software), or null before WebGPU was tried. */
export function webgpuAdapter(): { name: string; software: boolean } | null {
  return adapterSummary;
}

/** Names the WebGPU adapter without opening a device (cheap), for keys of cached calibrations; 'no WebGPU' without one. */
export async function describeAdapter(hints: BackendHints): Promise<{ name: string; software: boolean }> {
  if (adapterSummary) return adapterSummary;
  const gpu = (globalThis.navigator as Navigator | undefined)?.gpu;
  const adapter = hints.pageHasWebGPU && gpu ? await gpu.requestAdapter({ powerPreference: 'high-performance' }) : null;
  if (!adapter) return { name: 'no WebGPU', software: false };
  summarise(adapter);
  return adapterSummary ?? { name: 'no WebGPU', software: false };
}

function summarise(adapter: GPUAdapter): void {
  const info = ((adapter as GPUAdapter & { info?: GPUAdapterInfo }).info ?? {}) as Partial<GPUAdapterInfo> & { isFallbackAdapter?: boolean };
  const software = info.isFallbackAdapter === true || /swiftshader|llvmpipe|software/i.test(`${info.architecture} ${info.description}`);
  adapterSummary = { name: [info.vendor, info.architecture, info.device, info.description].filter(Boolean).join(' ') || 'unknown adapter', software };
}

/**
 * Drops the WebGPU backend and destroys its device, so GPU work a timed-out calibration left
 * queued is not waited for by whatever runs next; the next WebGPU activation opens a fresh device.
 */
export function discardWebGPU(): void {
  const device = currentDevice;
  if (!device) return;
  currentDevice = null;
  lostDevices.add(device);
  if (tf.getBackend() !== 'webgpu' && tf.findBackend('webgpu')) tf.removeBackend('webgpu');
  device.destroy();
}

/** Activates exactly this backend (no fallback); throws why it can't. */
export async function activateBackend(name: BackendName, hints: BackendHints): Promise<void> {
  // A backend initialised before (and, for WebGPU, on a live device) is switched to, not rebuilt.
  const initialised = (tf.engine().registry as Record<string, unknown>)[name] !== undefined;
  if (initialised && (name !== 'webgpu' || (tfjsDevice === currentDevice && currentDevice && !lostDevices.has(currentDevice))) && (await tf.setBackend(name))) return;
  await tryBackend(name, hints);
}

async function tryBackend(name: BackendName, hints: BackendHints): Promise<void> {
  if (name === 'webgl' && typeof OffscreenCanvas === 'undefined' && typeof document === 'undefined') {
    throw new Error('no OffscreenCanvas for WebGL in this worker');
  }
  if (name === 'webgpu') await prepareWebGPU(hints);
  else await loadBackend(name);
  const ok = await tf.setBackend(name);
  if (!ok) throw new Error(`${backendLabels[name]} failed to initialise`);
  await tf.ready();
  // A trivial op proves the backend really runs (some fail only at the first kernel).
  const probe = tf.tidy(() => tf.add(tf.scalar(1), tf.scalar(1)));
  try {
    const [value] = await probe.data();
    if (value !== 2) throw new Error(`${backendLabels[name]} computed 1 + 1 = ${value}`);
  } finally {
    probe.dispose();
  }
}

function explain(name: BackendName, requested: BackendName | 'auto', skipped: BackendChoice['skipped']): string {
  if (requested !== 'auto' && requested === name) return `using ${backendLabels[name]}, as chosen`;
  if (skipped.length === 0) return `using ${backendLabels[name]}`;
  const first = skipped[0];
  return `${first.error}: using ${backendLabels[name]}`;
}

/**
 * Activates the first backend that works, starting at `requested` (or WebGPU for 'auto')
 * and falling back down the chain webgpu -> webgl -> wasm -> cpu.
 */
export async function chooseBackend(requested: BackendName | 'auto', hints: BackendHints): Promise<BackendChoice> {
  const start = performance.now();
  const startIndex = requested === 'auto' ? 0 : backendOrder.indexOf(requested);
  const skipped: BackendChoice['skipped'] = [];
  for (const name of backendOrder.slice(startIndex)) {
    try {
      await tryBackend(name, hints);
      return { name, reason: explain(name, requested, skipped), skipped, readyMs: performance.now() - start };
    } catch (error) {
      skipped.push({ name, error: error instanceof Error ? error.message : String(error) });
    }
  }
  throw new Error(`no TF.js backend could start: ${skipped.map((s) => `${s.name}: ${s.error}`).join('; ')}`);
}
