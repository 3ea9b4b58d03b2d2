import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { describe, it } from 'node:test';
import type { Page, Worker } from 'playwright-core';
import { contentSecurityPolicy } from '../../scripts/contentSecurityPolicy.mjs';
import { startServer } from '../../scripts/serve.mjs';
import { listFiles } from '../../src/lib/offline/precachePlugin';
import { distDirectory, openPage, waitForBackend, sessionPerFile } from './harness';

const session = sessionPerFile();

/** Records the page's securitypolicyviolation events in window.__cspViolations, from before any app script runs. */
const recordViolations = `
  window.__cspViolations = [];
  addEventListener('securitypolicyviolation', (event) => {
    window.__cspViolations.push(event.effectiveDirective + ' blocked ' + event.blockedURI);
  });
`;

/** Serves dist/ on its own server (which a test can shut down) under `prefix`. */
async function serveDist(prefix = '/'): Promise<{ url: string; stop(): Promise<void> }> {
  const { server, url } = await startServer({ root: distDirectory, port: 0, prefix });
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        (server as Server).close(() => resolve());
        (server as Server).closeAllConnections();
      }),
  };
}

/** The requests that went to another origin than `url`'s (the harness compares with the shared server's). */
function requestsElsewhere(requests: string[], url: string): string[] {
  return requests.filter((request) => new URL(request).origin !== new URL(url).origin);
}

/** Waits until a service worker is active and controls the page; returns its scope. */
async function waitForServiceWorkerControl(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
    return registration.scope;
  });
}

/** Trains one tiny model in the "Train one model" tab to the end. */
async function trainTinyTrial(page: Page): Promise<void> {
  await page.getByTestId('epochs-input').fill('1');
  await page.getByTestId('train-button').click();
  await page.locator('[data-testid=trial-summary][data-state=complete]').waitFor({ timeout: 120_000 });
}

/** Runs a 3-trial search over 100 samples and 2 epochs a trial, to "Finished". */
async function runTinySearch(page: Page): Promise<void> {
  await page.locator('input[type=number]').first().fill('100');
  await page.getByTestId('epochs-input').fill('2');
  await page.getByTestId('tab-search').click();
  await page.getByTestId('budget-input').fill('3');
  await page.getByTestId('run-search').click();
  await page.getByTestId('search-message').filter({ hasText: 'Finished' }).waitFor({ timeout: 180_000 });
}

describe('the built app, offline', () => {
  it('precaches every file of the build, and writes the same policy into the page as the server sends', () => {
    const serviceWorker = readFileSync(`${distDirectory}/sw.js`, 'utf8');
    const precached = JSON.parse(/const PRECACHE_FILES = (\[[^\]]*\]);/.exec(serviceWorker)?.[1] ?? '[]') as string[];
    assert.deepEqual(precached, listFiles(distDirectory).filter((file) => file !== 'sw.js'));
    for (const kind of [/^index\.html$/, /^assets\/trainer\.worker-.*\.js$/, /\.wasm$/, /\.css$/, /^data\/digits\.json$/, /^icons\/.*\.png$/, /^manifest\.webmanifest$/]) {
      assert.ok(precached.some((file) => kind.test(file)), `nothing precached matches ${kind}`);
    }
    const html = readFileSync(`${distDirectory}/index.html`, 'utf8').replaceAll('&#39;', "'");
    assert.ok(html.includes(`<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy}">`));
    assert.ok(!contentSecurityPolicy.split(/[\s;]+/).includes("'unsafe-eval'"));
    const manifest = JSON.parse(readFileSync(`${distDirectory}/manifest.webmanifest`, 'utf8')) as { start_url: string; scope: string; icons: { src: string }[] };
    assert.equal(manifest.start_url, '.');
    assert.equal(manifest.scope, '.');
    for (const icon of manifest.icons) assert.ok(precached.includes(icon.src), `${icon.src} is not in the build`);
  });

  it('after one visit, loads, trains and runs a 3-trial search with the network off and the server gone', async () => {
    const served = await serveDist();
    // "Fastest available" measures every backend first (WASM wins over this software adapter): the page
    // starts on WebGPU, as if a person had chosen it, to prove WebGPU works offline too without the wait.
    const { page, context, log } = await openPage(session, { startOn: 'webgpu' });
    try {
      await page.goto(served.url);
      await waitForBackend(page, 180_000);
      assert.equal(await waitForServiceWorkerControl(page), served.url);
      await context.setOffline(true);
      await served.stop();
      const response = await page.reload();
      assert.ok(response?.fromServiceWorker(), 'the page did not come from the service worker');
      await page.locator('[data-testid=backend]', { hasText: 'webgpu' }).waitFor({ timeout: 120_000 });
      await trainTinyTrial(page);
      // The WASM backend's .wasm file is fetched by the worker, through the same cache; the search then
      // trains there (a population on software WebGPU would only make it slower).
      await page.getByTestId('backend-select').selectOption('wasm');
      await page.locator('[data-testid=backend]', { hasText: 'wasm' }).waitFor({ timeout: 60_000 });
      await runTinySearch(page);
      // Every trial ended with a result: a high learning rate may diverge, but nothing failed.
      assert.equal(await page.locator('[data-testid=trial-point]').count(), 3);
      assert.equal(await page.locator('[data-testid=trial-point][data-state=failed], [data-testid=trial-point][data-state=running]').count(), 0);
      assert.ok((await page.locator('[data-testid=trial-point][data-state=complete]').count()) >= 1);
      assert.deepEqual(log.consoleErrors, []);
      assert.deepEqual(requestsElsewhere(log.foreignRequests, served.url), []);
    } finally {
      await context.close();
      await served.stop();
    }
  });

  it('installs, controls and trains when the build sits under a sub-path', async () => {
    const served = await serveDist('/course/playground/');
    // About the service worker's scope, not backends: it starts on WASM (whose .wasm then loads from the sub-path too).
    const { page, context, log } = await openPage(session, { startOn: 'wasm' });
    try {
      assert.match(served.url, /\/course\/playground\/$/);
      await page.goto(served.url);
      assert.equal(await waitForServiceWorkerControl(page), served.url);
      await waitForBackend(page, 180_000);
      await trainTinyTrial(page);
      assert.deepEqual(log.consoleErrors, []);
      assert.deepEqual(requestsElsewhere(log.foreignRequests, served.url), []);
    } finally {
      await context.close();
      await served.stop();
    }
  });
});

describe('the Content-Security-Policy', () => {
  it('is not violated by a search or by training on each backend, in the page or the worker, and it blocks eval in both', async () => {
    // Starts on WASM (as if chosen), so the search trains there without measuring every backend first; the other three train below.
    const { page, context, log } = await openPage(session, { initScript: recordViolations, startOn: 'wasm' });
    const workerErrors: string[] = [];
    const workers: Worker[] = [];
    page.on('worker', (worker) => {
      workers.push(worker);
      worker.on('console', (message) => {
        if (message.type() === 'error') workerErrors.push(message.text());
      });
      // The init script reaches only the page, so the worker gets its listener here.
      void worker
        .evaluate(() => {
          const scope = self as unknown as { __cspViolations: string[] } & typeof globalThis;
          scope.__cspViolations = [];
          scope.addEventListener('securitypolicyviolation', (event: SecurityPolicyViolationEvent) => {
            scope.__cspViolations.push(`${event.effectiveDirective} blocked ${event.blockedURI}`);
          });
        })
        .catch(() => undefined);
    });
    try {
      await page.goto(session.url);
      await page.locator('[data-testid=backend]', { hasText: 'wasm' }).waitFor({ timeout: 90_000 });
      await runTinySearch(page);
      // Every TF.js backend compiles its kernels without eval: WASM trained the search; train one epoch on each other one.
      await page.getByTestId('tab-train').click();
      for (const backend of ['webgpu', 'webgl', 'cpu']) {
        await page.getByTestId('backend-select').selectOption(backend);
        await page.locator('[data-testid=backend]', { hasText: backend }).waitFor({ timeout: 60_000 });
        await trainTinyTrial(page);
      }
      const trainer = workers.find((worker) => worker.url().includes('trainer.worker'));
      assert.ok(trainer, 'no trainer worker was seen');
      const violationsIn = (target: Pick<Worker, 'evaluate'>) => target.evaluate(() => (globalThis as unknown as { __cspViolations?: string[] }).__cspViolations);
      assert.deepEqual(await violationsIn(page), []);
      assert.deepEqual(await violationsIn(trainer), []);
      assert.deepEqual(log.consoleErrors, []);
      assert.deepEqual(workerErrors, []);

      // Both listeners work, and the header covers the worker: a string timer (an eval) is refused in each.
      await page.evaluate(() => setTimeout('globalThis.__evalRan = true', 0));
      await trainer.evaluate(() => setTimeout('globalThis.__evalRan = true', 0));
      for (const target of [page, trainer] as Pick<Worker, 'evaluate'>[]) {
        // The report comes as an event after the refusal: wait until it is there (or fail after 10 s).
        const deadline = Date.now() + 10_000;
        while (((await violationsIn(target)) ?? []).length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
        // The page holds two equal policies (meta and header), and each one reports.
        const violations = (await violationsIn(target)) ?? [];
        assert.ok(violations.length >= 1 && violations.every((violation: string) => violation === 'script-src blocked eval'), String(violations));
        assert.equal(await target.evaluate(() => (globalThis as unknown as { __evalRan?: boolean }).__evalRan), undefined);
      }
    } finally {
      await context.close();
    }
  });
});
