/**
 * Checks the layout browser tests share: sideways overflow, whether an element lies inside the
 * window, and axe-core's serious and critical accessibility violations (axe's source injected as
 * an inline script, in a context that bypasses the page's CSP, so nothing is fetched).
 */
import axe from 'axe-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { withoutWebGPU } from './searchReload';

/** The three viewports the page is designed for. */
export const viewports = [
  { width: 800, height: 600 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;

/** The page's remembered backend set to WASM before it loads, so it starts there without measuring every backend first. */
export const rememberWasm = 'try { localStorage.setItem("tuning-playground:backend", "wasm"); } catch {}';

/** A page at a viewport, WebGPU hidden (trials run on WASM or WebGL), CSP bypassed so axe can be injected; `wasm` starts it on WASM. */
export async function openAt(browser: Browser, viewport: { width: number; height: number }, options: { wasm?: boolean } = {}): Promise<{ page: Page; context: BrowserContext; errors: string[] }> {
  const context = await browser.newContext({ viewport, bypassCSP: true });
  await context.addInitScript(withoutWebGPU);
  if (options.wasm) await context.addInitScript(rememberWasm);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  return { page, context, errors };
}

/** How many px the page is wider than its window (0 when it does not scroll sideways). */
export function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** Whether the element's box lies wholly inside the window as it is scrolled now (1 px of rounding allowed). */
export async function inWindow(page: Page, selector: string): Promise<{ inside: boolean; box: string }> {
  return page.evaluate((query) => {
    const element = document.querySelector(query);
    if (!element) return { inside: false, box: `${query}: missing` };
    const box = element.getBoundingClientRect();
    const inside = box.width > 0 && box.height > 0 && box.left >= -1 && box.top >= -1 && box.right <= innerWidth + 1 && box.bottom <= innerHeight + 1;
    return { inside, box: `${query}: ${Math.round(box.left)},${Math.round(box.top)} → ${Math.round(box.right)},${Math.round(box.bottom)} in ${innerWidth}×${innerHeight}` };
  }, selector);
}

/** axe-core's serious and critical violations on the page as it is now, one line each ("rule: targets"). */
export async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axe.source });
  return page.evaluate(async () => {
    const runner = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; impact?: string | null; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const { violations } = await runner.run(document, { resultTypes: ['violations'] });
    return violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => `${violation.id}: ${violation.nodes.slice(0, 4).map((node) => node.target.join(' ')).join(' | ')}`);
  });
}

/** What an embed combination must show: its views, and the button (by selector) that must be in view, or null. */
export interface EmbedCase {
  hash: string;
  views: string;
  button: string | null;
}

/**
 * Opens each case in turn in the page as it is (by changing the fragment, which the page follows
 * as a fresh link, so nothing reloads) and checks the geometry in the page itself, in one round
 * trip: the page fits the window, the button lies wholly inside it, no "Saved studies" unasked.
 * Returns one line per problem.
 */
export function embedProblems(page: Page, cases: readonly EmbedCase[]): Promise<string[]> {
  // No function declarations inside: the test runner's compiler would wrap them in a helper (__name) the page lacks.
  return page.evaluate(async (list) => {
    const problems: string[] = [];
    for (const { hash, views, button } of list) {
      location.hash = hash;
      const deadline = performance.now() + 10_000;
      const tab = new URLSearchParams(hash.slice(1)).get('tab');
      const app = document.querySelector('[data-testid=app]');
      while (app?.getAttribute('data-views') !== views || (tab !== null && app.getAttribute('data-tab') !== tab)) {
        if (performance.now() > deadline) {
          problems.push(`${hash}: the page never showed ${views}`);
          break;
        }
        await new Promise((resolve) => requestAnimationFrame(resolve));
      }
      // One more frame, so sizes measured by observers (charts that fit their container) have settled.
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const { scrollWidth, scrollHeight } = document.documentElement;
      if (scrollWidth > innerWidth || scrollHeight > innerHeight) problems.push(`${hash}: page is ${scrollWidth}×${scrollHeight}`);
      if (button) {
        const box = document.querySelector(button)?.getBoundingClientRect();
        const inside = box && box.width > 0 && box.height > 0 && box.left >= -1 && box.top >= -1 && box.right <= innerWidth + 1 && box.bottom <= innerHeight + 1;
        if (!inside) problems.push(`${hash}: ${button} ${box ? `at ${Math.round(box.left)},${Math.round(box.top)} → ${Math.round(box.right)},${Math.round(box.bottom)}` : 'missing'} in ${innerWidth}×${innerHeight}`);
      }
      if (document.querySelector('details.saved')) problems.push(`${hash}: saved studies shown unasked`);
    }
    return problems;
  }, cases);
}
