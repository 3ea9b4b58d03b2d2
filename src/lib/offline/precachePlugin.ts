/**
 * Vite plugin (build only) that turns the build into an offline app: after every file is written it
 * lists them all (html, JS and worker chunks, CSS, .wasm, public data, icons, manifest), hashes them
 * into a cache version, and writes sw.js (serviceWorker.ts compiled) with both baked in.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformWithOxc, type Plugin, type ResolvedConfig } from 'vite';

/** File name of the service worker in the build's root folder. */
export const serviceWorkerFileName = 'sw.js';

const serviceWorkerSource = fileURLToPath(new URL('./serviceWorker.ts', import.meta.url));

/** Every file under `folder`, as sorted POSIX paths relative to it. */
export function listFiles(folder: string): string[] {
  const files = readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)).split(sep).join('/'));
  return files.sort();
}

/** A version that changes when any file's name or bytes change: 16 hex digits of SHA-256. */
export function precacheVersion(folder: string, files: string[]): string {
  const hash = createHash('sha256');
  for (const file of files) hash.update(file).update('\0').update(readFileSync(join(folder, file))).update('\0');
  return hash.digest('hex').slice(0, 16);
}

/** The plugin: writes dist/sw.js precaching every other file of the build. */
export function precachePlugin(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'tuning-playground:precache',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    writeBundle: {
      order: 'post',
      sequential: true,
      async handler() {
        // Vite has copied public/ by now, and every chunk, worker chunk and asset is written.
        const outDir = resolve(config.root, config.build.outDir);
        const files = listFiles(outDir).filter((file) => file !== serviceWorkerFileName);
        const version = precacheVersion(outDir, files);
        const compiled = await transformWithOxc(readFileSync(serviceWorkerSource, 'utf8'), serviceWorkerSource, { lang: 'ts' });
        const header = `const PRECACHE_VERSION = ${JSON.stringify(version)};\nconst PRECACHE_FILES = ${JSON.stringify(files, null, 1)};\n`;
        writeFileSync(join(outDir, serviceWorkerFileName), header + compiled.code);
        config.logger.info(`service worker: ${serviceWorkerFileName} precaches ${files.length} files (version ${version})`);
      },
    },
  };
}
