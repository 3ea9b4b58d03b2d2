import { defineConfig, type Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { contentSecurityPolicy } from './scripts/contentSecurityPolicy.mjs';
import { precachePlugin } from './src/lib/offline/precachePlugin.ts';

/**
 * Writes the Content-Security-Policy into the built index.html as a <meta http-equiv>, so it holds on
 * any static host. Build only: the dev server injects <style> elements and an HMR client that it forbids.
 */
function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'tuning-playground:csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy }, injectTo: 'head-prepend' },
    ],
  };
}

// A relative base makes the build work from any sub-path of a course site and inside iframes.
export default defineConfig({
  base: './',
  plugins: [svelte(), contentSecurityPolicyMeta(), precachePlugin()],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4096,
  },
});
