/**
 * Each TF.js backend's code, loaded on first use with a dynamic import(), so the trainer worker's
 * own chunk carries none of them and a page downloads only the backends it starts (or calibrates).
 * Importing a backend's package registers it with TF.js.
 */
import type { BackendName } from '../core/backendNames';
import wasmPlainUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';

type WebGPUModule = typeof import('@tensorflow/tfjs-backend-webgpu');

const loaded = new Map<BackendName, Promise<unknown>>();

function once<T>(name: BackendName, load: () => Promise<T>): Promise<T> {
  let promise = loaded.get(name) as Promise<T> | undefined;
  if (!promise) {
    promise = load();
    // A failed download (offline before it was cached) may be retried.
    promise.catch(() => loaded.delete(name));
    loaded.set(name, promise);
  }
  return promise;
}

/** Loads the WebGPU backend's module (which registers TF.js's own factory; backend.ts replaces it with one on our device). */
export function loadWebGPU(): Promise<WebGPUModule> {
  return once('webgpu', () => import('@tensorflow/tfjs-backend-webgpu'));
}

/** Loads a backend's code (and, for WASM, points it at the app's own .wasm files, never a CDN); resolves once it is registered. */
export async function loadBackend(name: BackendName): Promise<void> {
  if (name === 'webgpu') await loadWebGPU();
  else if (name === 'webgl') await once(name, () => import('@tensorflow/tfjs-backend-webgl'));
  else if (name === 'cpu') await once(name, () => import('@tensorflow/tfjs-backend-cpu'));
  else {
    await once(name, async () => {
      const wasm = await import('@tensorflow/tfjs-backend-wasm');
      wasm.setWasmPaths({
        'tfjs-backend-wasm.wasm': wasmPlainUrl,
        'tfjs-backend-wasm-simd.wasm': wasmSimdUrl,
        'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedSimdUrl,
      });
    });
  }
}
