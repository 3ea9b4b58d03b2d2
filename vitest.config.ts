import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';

/** Test files that check what a fresh module graph holds (e.g. no TF.js backend registered yet): each gets its own. */
const needFreshModules = ['tests/unit/training/backendLoaders.test.ts'];

export default defineConfig({
  // Compiles the runes of src/lib/state/*.svelte.ts (the reactive state classes run in tests) and .svelte
  // files, so tests can render a component on the server (svelte/server) and read its markup.
  plugins: [svelte()],
  test: {
    environment: 'node',
    testTimeout: 60_000,
    projects: [
      {
        // The tests are plain functions over pure modules: one module graph per worker thread, not a fresh one
        // per file (that re-imported TF.js, d3 and the Svelte runtime for each of ~180 files: about half the
        // run's CPU time). Tests that stub globals or timers undo it in afterEach.
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], exclude: needFreshModules, pool: 'threads', isolate: false },
      },
      { extends: true, test: { name: 'fresh', include: needFreshModules } },
    ],
  },
});
