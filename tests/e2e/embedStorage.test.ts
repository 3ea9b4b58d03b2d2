/**
 * The page embedded in a real iframe on another site whose storage the browser blocks (third-party
 * cookies and site data blocked, as a school's managed browser or a strict privacy setting does):
 * the embed says plainly that studies are not saved, and a search still runs to the end.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type BrowserContext } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';
import { chromiumArgs, distDirectory, findChromium } from './harness';
import { withoutWebGPU } from './searchReload';

let server: Server;
let appUrl: string;
let profile: string;
let context: BrowserContext;
/** The course page: served on 127.0.0.1, another site than the app's localhost, so the app is third-party in it. */
let hostServer: Server;
let hostUrl: string;
let hostBody = '';
before(async () => {
  hostServer = createServer((_request, response) => response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(hostBody));
  await new Promise<void>((resolve) => hostServer.listen(0, '127.0.0.1', resolve));
  hostUrl = `http://127.0.0.1:${(hostServer.address() as AddressInfo).port}/course.html`;
  const started = await startServer({ root: distDirectory, port: 0 });
  server = started.server as Server;
  appUrl = started.url;
  // A profile whose setting blocks third-party cookies and site data (Chromium's "Block third-party cookies").
  profile = mkdtempSync(join(tmpdir(), 'tuning-playground-blocked-'));
  mkdirSync(join(profile, 'Default'));
  writeFileSync(join(profile, 'Default', 'Preferences'), JSON.stringify({ profile: { cookie_controls_mode: 1, block_third_party_cookies: true } }));
  context = await chromium.launchPersistentContext(profile, { executablePath: findChromium(), args: chromiumArgs, viewport: { width: 1000, height: 760 } });
  await context.addInitScript(withoutWebGPU);
});
after(async () => {
  await context?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await new Promise<void>((resolve) => (hostServer ? hostServer.close(() => resolve()) : resolve()));
  if (profile) rmSync(profile, { recursive: true, force: true });
});

describe('an embed whose storage the host blocks', () => {
  it('shows the clear message in a third-party iframe and still runs a search to the end', async () => {
    const page = context.pages()[0] ?? (await context.newPage());
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    const embed = `${appUrl}#embed&samples=100&epochs=3&tab=search&strategy=random&budget=3&searchSeed=5&views=search,space,trials`;
    hostBody = `<!doctype html><title>Course</title><h1>Week 3</h1><iframe title="Tuning Playground" src="${embed}" width="800" height="600"></iframe>`;
    await page.goto(hostUrl);
    const frame = page.frameLocator('iframe');
    await frame.locator('[data-testid=app]').waitFor({ timeout: 60_000 });
    // The browser really blocks it: the app's storage throws in the frame.
    const app = page.frames().find((entry) => entry.url().startsWith(appUrl));
    assert.ok(app, `the app loaded in the iframe: ${page.frames().map((entry) => entry.url()).join(', ')}`);
    assert.equal(await app.evaluate(() => { try { localStorage.getItem('x'); return 'open'; } catch (error) { return (error as Error).name; } }), 'SecurityError');

    await frame.locator('[data-testid=backend]').waitFor({ timeout: 120_000 });
    await frame.getByTestId('run-search').click();
    const message = frame.getByTestId('embed-storage-blocked');
    await message.waitFor({ timeout: 60_000 });
    assert.match((await message.textContent()) ?? '', /does not let it store data, so studies are not saved here/);
    assert.match((await frame.getByTestId('storage-notice').textContent()) ?? '', /The search goes on in memory/);
    await frame.getByTestId('search-message').filter({ hasText: 'Finished' }).waitFor({ timeout: 240_000 });
    assert.equal(await frame.locator('[data-testid=trial-point]').count(), 3);
    assert.deepEqual(errors, []);
  });
});
