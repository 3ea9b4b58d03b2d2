import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';

// Builds only the importance benchmark page (bench/importance.html) into test-results/bench-importance.
const benchFolder = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: benchFolder,
  base: './',
  publicDir: false,
  plugins: [svelte()],
  worker: { format: 'es' },
  build: {
    outDir: process.env.IMPORTANCE_OUT ?? '../test-results/bench-importance',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 8192,
    rollupOptions: { input: { importance: fileURLToPath(new URL('importance.html', import.meta.url)) } },
  },
});
