// Serves the built app (dist/) on localhost: `npm start` runs it after `vite build`.
// Plain Node, no dependencies, so it also serves the browser tests and benchmarks.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentSecurityPolicy } from './contentSecurityPolicy.mjs';

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.csv': 'text/csv; charset=utf-8',
  '.bin': 'application/octet-stream',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Starts a static file server for `root` on 127.0.0.1; resolves to { server, url }. Port 0 picks a
 * free one; `prefix` ("/course/playground/") serves the app under that sub-path, as a course site would.
 * Every response carries the app's Content-Security-Policy (the header is what covers worker scripts).
 */
export function startServer({ root = 'dist', port = 0, host = '127.0.0.1', prefix = '/' } = {}) {
  const base = resolve(root);
  const mount = `/${prefix.split('/').filter(Boolean).join('/')}/`.replace(/^\/\/$/, '/');
  const server = createServer((request, response) => {
    const requested = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    if (mount !== '/' && requested === mount.slice(0, -1)) {
      response.writeHead(301, { location: mount }).end();
      return;
    }
    if (!requested.startsWith(mount)) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const path = requested.slice(mount.length - 1);
    let file = normalize(join(base, path));
    if (file !== base && !file.startsWith(base + sep)) {
      response.writeHead(403).end('forbidden');
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    response.writeHead(200, {
      'content-type': types[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
      'content-security-policy': contentSecurityPolicy,
    });
    createReadStream(file).pipe(response);
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      const actualPort = typeof address === 'object' && address ? address.port : port;
      resolvePromise({ server, url: `http://localhost:${actualPort}${mount}` });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = process.argv[2] ?? 'dist';
  if (!existsSync(join(root, 'index.html'))) {
    console.error(`No built app in ${root}/: run "npm run build" first (npm start does it for you).`);
    process.exit(1);
  }
  const preferred = Number(process.env.PORT ?? 4173);
  const tryPort = (port, attemptsLeft) =>
    startServer({ root, port }).catch((error) => {
      if (error.code === 'EADDRINUSE' && attemptsLeft > 0) return tryPort(port + 1, attemptsLeft - 1);
      throw error;
    });
  const { url } = await tryPort(preferred, 20);
  console.log(`Tuning Playground is running at ${url}  (Ctrl+C stops it)`);
}
