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
  },
});
