// The app's Content-Security-Policy, in one place: vite.config.ts writes it into the built
// index.html as a <meta http-equiv> (any static host), and scripts/serve.mjs sends it as a
// header (the only way a worker script gets a policy). docs/OFFLINE.md explains each directive.

/** Directive name to its sources; the order is the order written into the policy. */
export const contentSecurityPolicyDirectives = {
  'default-src': ["'self'"],
  // Scripts only from the app; 'wasm-unsafe-eval' compiles the WASM backend, and nothing needs 'unsafe-eval'.
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  // The trainer and CSV workers and the service worker are files of the app.
  'worker-src': ["'self'"],
  // Data files and .wasm are fetched from the app itself; nothing talks to another origin.
  'connect-src': ["'self'"],
  // Chart exports draw through data: and blob: images.
  'img-src': ["'self'", 'data:', 'blob:'],
  // The stylesheet is a file; Svelte and d3 write style attributes, which need 'unsafe-inline' for attributes only.
  'style-src': ["'self'"],
  'style-src-attr': ["'unsafe-inline'"],
  'font-src': ["'self'"],
  'manifest-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
};

/** The policy as one header or meta value: "default-src 'self'; script-src …". */
export const contentSecurityPolicy = Object.entries(contentSecurityPolicyDirectives)
  .map(([name, sources]) => `${name} ${sources.join(' ')}`)
  .join('; ');
