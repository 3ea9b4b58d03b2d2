import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// Builds only the training benchmark page (bench/train.html) into bench/dist; no Svelte needed.
const benchFolder = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: benchFolder,
  base: './',
  publicDir: false,
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 8192,
    rollupOptions: { input: { train: fileURLToPath(new URL('train.html', import.meta.url)) } },
  },
});
