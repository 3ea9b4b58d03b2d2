/**
 * The app's service worker: precaches every file of the build on install, answers from that cache
 * first, and deletes the caches of older builds on activate. The build (precachePlugin.ts) compiles
 * this file to dist/sw.js and puts PRECACHE_VERSION and PRECACHE_FILES in front of it. It must stay
 * a classic script with no imports: every browser runs those as service workers.
 */

/** Hash of every built file, set by the build: a new build is a new cache. */
declare const PRECACHE_VERSION: string;
/** Every built file, relative to this script's folder (the app's root), set by the build. */
declare const PRECACHE_FILES: string[];

const worker = self as unknown as ServiceWorkerGlobalScope;
const cachePrefix = 'tuning-playground-';
const cacheName = `${cachePrefix}${PRECACHE_VERSION}`;
/** The app's root folder, wherever the build is served from (e.g. https://host/course/playground/). */
const appRoot = new URL('./', worker.location.href);
const indexUrl = new URL('index.html', appRoot).href;

worker.addEventListener('install', (event) => {
  // cache: 'reload' skips the HTTP cache, so the precache never mixes files of two builds.
  const requests = PRECACHE_FILES.map((file) => new Request(new URL(file, appRoot), { cache: 'reload' }));
  event.waitUntil(caches.open(cacheName).then((cache) => cache.addAll(requests)));
});

worker.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(names.filter((name) => name.startsWith(cachePrefix) && name !== cacheName).map((name) => caches.delete(name)));
      // The first visit's page becomes controlled at once, so it works offline without a reload.
      await worker.clients.claim();
    })(),
  );
});

worker.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || !request.url.startsWith(appRoot.href)) return;
  event.respondWith(cacheFirst(request));
});

/** The cached copy of a request (a page opening the app root, with any ?query, gets index.html), else the network's. */
async function cacheFirst(request: Request): Promise<Response> {
  const cache = await caches.open(cacheName);
  const url = new URL(request.url);
  const page = url.origin + url.pathname;
  const opensApp = request.mode === 'navigate' && (page === appRoot.href || page === indexUrl);
  const cached = opensApp ? await cache.match(indexUrl) : await cache.match(request);
  return cached ?? fetch(request);
}
