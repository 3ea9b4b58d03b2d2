/**
 * Shared set-up of the browser tests: serve the built app on localhost and drive Debian's
 * Chromium through playwright-core, with real WebGPU via its SwiftShader adapter.
 */
import { existsSync, mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import { after, before } from 'node:test';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';
import type { BackendName } from '../../src/lib/core/backendNames';

const candidatePaths = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/** Flags for headless Chromium on these machines: WebGPU on, no background traffic. */
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--enable-unsafe-webgpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Path of a Chromium to drive: $CHROMIUM_PATH, or the usual install paths; throws with how to install one. */
export function findChromium(): string {
  const fromEnvironment = process.env.CHROMIUM_PATH;
  if (fromEnvironment) {
    if (!existsSync(fromEnvironment)) throw new Error(`CHROMIUM_PATH is set to ${fromEnvironment}, but no file is there.`);
    return fromEnvironment;
  }
  const found = candidatePaths.find((path) => existsSync(path));
  if (!found) {
    throw new Error(
      `No Chromium found (looked in ${candidatePaths.join(', ')}). Install Debian's: "sudo apt-get install chromium", ` +
        'or point CHROMIUM_PATH at a Chromium or Chrome binary.',
    );
  }
  return found;
}

/** A served app and a browser to look at it with; close() ends both. */
export interface Session {
  browser: Browser;
  url: string;
  /** The backend openPage starts pages on unless told otherwise (see startOn). */
  startOn: StartOn;
  close(): Promise<void>;
}

/**
 * Which backend a page starts on: 'auto' is the page's own default ("fastest available", which
 * calibrates every backend, WebGPU's slow software adapter included, for each new workload); a
 * backend's name starts there as if a person had chosen it before ('wasm' for tests not about backends).
 */
export type StartOn = 'auto' | BackendName;

/** Init script: remembers `backend` as the person's choice unless the page already remembers one (so a reload keeps a later choice). */
export const startOnScript = (backend: BackendName): string =>
  `try { if (localStorage.getItem('tuning-playground:backend') === null) localStorage.setItem('tuning-playground:backend', '${backend}'); } catch {}`;

/** The built app the tests serve: dist/, or $TEST_DIST (a build made elsewhere, e.g. with --outDir). */
export const distDirectory = process.env.TEST_DIST ?? 'dist';

/** Serves the built app on a free localhost port and launches Chromium; `startOn` sets the backend its pages start on. */
export async function openSession(options: { startOn?: StartOn } = {}): Promise<Session> {
  if (!existsSync(`${distDirectory}/index.html`)) throw new Error(`${distDirectory}/ has no build: run "npm run build" first (npm run test:e2e does).`);
  const { server, url } = await startServer({ root: distDirectory, port: 0 });
  const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs });
  return {
    browser,
    url,
    startOn: options.startOn ?? 'auto',
    close: async () => {
      await browser.close();
      await new Promise<void>((resolve) => (server as Server).close(() => resolve()));
    },
  };
}

/**
 * One session for the whole test file: opened in the file's `before` hook, closed in its `after`
 * (`results` also makes test-results/ for the file's screenshots). Returns the session, filled in
 * once the hook has run, so tests read `session.url` and `session.browser` as usual.
 */
export function sessionPerFile(options: { startOn?: StartOn; results?: boolean } = {}): Session {
  const session = {} as Session;
  before(async () => {
    Object.assign(session, await openSession({ startOn: options.startOn }));
    if (options.results) mkdirSync('test-results', { recursive: true });
  });
  after(async () => {
    await session.close?.();
  });
  return session;
}

/** What a page did that a test may want to check afterwards. */
export interface PageLog {
  consoleErrors: string[];
  foreignRequests: string[];
}

/** Opens a new page in a fresh context that records console errors and requests to other origins; it starts on `startOn` (default: the session's). */
export async function openPage(session: Session, options: { initScript?: string; startOn?: StartOn } = {}): Promise<{ page: Page; context: BrowserContext; log: PageLog }> {
  const context = await session.browser.newContext({ viewport: { width: 1400, height: 900 } });
  const startOn = options.startOn ?? session.startOn;
  if (startOn !== 'auto') await context.addInitScript(startOnScript(startOn));
  if (options.initScript) await context.addInitScript(options.initScript);
  const page = await context.newPage();
  const log: PageLog = { consoleErrors: [], foreignRequests: [] };
  const origin = new URL(session.url).origin;
  page.on('console', (message) => {
    if (message.type() === 'error') log.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => log.consoleErrors.push(String(error)));
  context.on('request', (request) => {
    const url = request.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (new URL(url).origin !== origin) log.foreignRequests.push(url);
  });
  return { page, context, log };
}

/** Waits until the page names its active backend and returns that name. */
export async function waitForBackend(page: Page, timeoutMs = 60_000): Promise<string> {
  const backend = page.getByTestId('backend');
  await backend.waitFor({ timeout: timeoutMs });
  return (await backend.textContent())?.trim() ?? '';
}
