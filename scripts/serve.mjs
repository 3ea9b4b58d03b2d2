// Serves the built app (dist/) on localhost: `npm start` runs it after `vite build`.
// Plain Node, no dependencies, so it also serves the browser tests and benchmarks.
import { createReadStream, existsSync, realpathSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
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

/** Status and file for a request path: 400 when it is not valid percent-encoding, 404 when it leaves the root. */
function resolveRequest(rawUrl, base, mount) {
  let rawPath = rawUrl.split(/[?#]/, 1)[0];
  // Absolute-form targets ("GET http://host/path") name the path after the authority.
  const absolute = /^[a-z][a-z0-9+.-]*:\/\/[^/]*/i.exec(rawPath);
  if (absolute) rawPath = rawPath.slice(absolute[0].length) || '/';
  if (!rawPath.startsWith('/')) return { status: 400 };
  let requested;
  try {
    requested = decodeURIComponent(rawPath);
  } catch {
    return { status: 400 };
  }
  if (mount !== '/' && requested === mount.slice(0, -1)) return { status: 301, location: mount };
  if (!requested.startsWith(mount)) return { status: 404 };
  const segments = requested.slice(mount.length).split('/');
  // Refuse rather than normalise: "..", backslashes, NUL bytes and drive letters never name a file of the root.
  if (segments.some((segment) => segment === '..' || /[\\\0:]/.test(segment))) return { status: 404 };
  let file = resolve(base, ...segments.filter(Boolean));
  if (file !== base && !file.startsWith(base + sep)) return { status: 404 };
  let stats = statOrNull(file);
  if (stats?.isDirectory()) {
    file = join(file, 'index.html');
    stats = statOrNull(file);
  }
  if (!stats?.isFile()) return { status: 404 };
  // A link inside the root may point out of it: serve only what really lies under the root.
  const real = realpathOrNull(file);
  const realBase = realpathOrNull(base);
  if (!real || !realBase || (real !== realBase && !real.startsWith(realBase + sep))) return { status: 404 };
  return { status: 200, file: real, size: stats.size };
}

function statOrNull(path) {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

function realpathOrNull(path) {
  try {
    return realpathSync(path);
  } catch {
    return null;
  }
}

function answer(response, status, headers = {}) {
  const text = { 301: 'moved', 400: 'bad request', 404: 'not found', 405: 'method not allowed', 500: 'server error' }[status] ?? '';
  response.writeHead(status, { 'content-type': 'text/plain', 'content-length': Buffer.byteLength(text), ...headers }).end(text);
}

/**
 * Starts a static file server for `root` on 127.0.0.1; resolves to { server, url }. Port 0 picks a
 * free one; `prefix` ("/course/playground/") serves the app under that sub-path, as a course site would.
 * Every response carries the app's Content-Security-Policy (the header is what covers worker scripts).
 * No request can stop it: each is answered inside a try/catch, and malformed ones get a 400.
 */
export function startServer({ root = 'dist', port = 0, host = '127.0.0.1', prefix = '/' } = {}) {
  const base = resolve(root);
  const mount = `/${prefix.split('/').filter(Boolean).join('/')}/`.replace(/^\/\/$/, '/');
  const server = createServer((request, response) => {
    try {
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        answer(response, 405, { allow: 'GET, HEAD' });
        return;
      }
      const target = resolveRequest(request.url ?? '/', base, mount);
      if (target.status === 301) {
        answer(response, 301, { location: target.location });
        return;
      }
      if (target.status !== 200) {
        answer(response, target.status);
        return;
      }
      response.writeHead(200, {
        'content-type': types[extname(target.file)] ?? 'application/octet-stream',
        'content-length': target.size,
        'cache-control': 'no-cache',
        'content-security-policy': contentSecurityPolicy,
      });
      if (request.method === 'HEAD') {
        response.end();
        return;
      }
      const stream = createReadStream(target.file);
      stream.on('error', () => response.destroy());
      stream.pipe(response);
    } catch {
      if (response.headersSent) response.destroy();
      else answer(response, 500);
    }
  });
  // Requests Node cannot parse (bad request lines, oversized headers) end here instead of in an exception.
  server.on('clientError', (error, socket) => {
    if (socket.writable && error.code !== 'ECONNRESET' && !socket.bytesWritten) {
      const status = error.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : '400 Bad Request';
      socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    }
    socket.destroy();
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
