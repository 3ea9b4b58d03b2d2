/** The TF.js backends the app can train on, fastest first (the fallback chain). */
export const backendOrder = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;
/** A TF.js backend name. */
export type BackendName = (typeof backendOrder)[number];

/** Human names of the backends. */
export const backendLabels: Record<BackendName, string> = {
  webgpu: 'WebGPU',
  webgl: 'WebGL',
  wasm: 'WASM',
  cpu: 'CPU',
};
