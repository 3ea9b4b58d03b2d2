import { availableParallelism } from 'node:os';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Compiles the runes of src/lib/state/*.svelte.ts (the reactive state classes run in tests) and .svelte
  // files, so tests can render a component on the server (svelte/server) and read its markup.
  plugins: [svelte()],
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    // Worker threads start faster than forked processes, and each file still gets its own (isolate stays on:
    // a shared module graph leaked TF.js state between files). Vitest's default of cores - 1 workers is a
    // single worker on a 2-core CI machine; two keep both cores busy while the main process transforms.
    // Measured on 45 files at load 9-10: 203 s forks/1 worker, 150 s threads/1, 116 s threads/2.
    pool: 'threads',
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
