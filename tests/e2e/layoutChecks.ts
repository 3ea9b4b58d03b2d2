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

/** A page at a viewport, WebGPU hidden (trials run on WASM or WebGL), CSP bypassed so axe can be injected. */
export async function openAt(browser: Browser, viewport: { width: number; height: number }): Promise<{ page: Page; context: BrowserContext; errors: string[] }> {
  const context = await browser.newContext({ viewport, bypassCSP: true });
  await context.addInitScript(withoutWebGPU);
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
