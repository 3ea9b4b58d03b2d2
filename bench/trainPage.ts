// The training-throughput benchmark page (built by bench/vite.bench.config.ts, driven by
// bench/train.mjs): registers the browser backends and exposes the shared benchmark
// (bench/trainBench.ts) as window.runTrainBench.
import '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { compareFusedVariants, runTrainBench, type TrainBenchOptions } from './trainBench';

export type { TrainBenchOptions, TrainBenchRecord } from './trainBench';

async function runInPage(options: TrainBenchOptions) {
  setWasmPaths(new URL('./wasm/', location.href).href);
  return runTrainBench(options);
}

declare global {
  interface Window {
    /** Entry point for bench/train.mjs. */
    runTrainBench: typeof runInPage;
    /** Entry point for bench/fusedProfile.mjs. */
    compareFusedVariants: typeof compareFusedVariants;
  }
}
window.runTrainBench = runInPage;
window.compareFusedVariants = compareFusedVariants;
