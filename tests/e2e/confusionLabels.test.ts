/**
 * The confusion matrix names iris's classes in full ("versicolor", not "versicol…") at the three
 * viewports: every row and column label is the whole name with the name as its tooltip, lies
 * inside the chart (nothing cut off by the SVG or a scrolling parent) and overlaps no other label;
 * photographed as test-results/confusion-labels-*.png.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sessionPerFile } from './harness';
import { openAt, viewports } from './layoutChecks';

const session = sessionPerFile({ results: true });

/** Each label's text, tooltip and box, the chart's box, and how far a clipping ancestor cuts the chart (px). */
interface LabelReport {
  labels: { text: string; title: string; left: number; top: number; right: number; bottom: number }[];
  chart: { left: number; top: number; right: number; bottom: number };
  clippedBy: string[];
  rotated: boolean;
  fontSize: number;
}

describe('confusion matrix labels', () => {
  it('shows the whole iris class names, unclipped and apart, at 800×600, 1366×768 and 1920×1080', async () => {
    const { page, context, errors } = await openAt(session.browser, viewports[0], { wasm: true });
    await page.goto(session.url);
    await page.locator('[data-testid=backend]', { hasText: 'wasm' }).waitFor({ timeout: 90_000 });
    await page.getByTestId('dataset-select').selectOption('iris');
    await page.getByTestId('epochs-input').fill('2');
    await page.getByTestId('train-button').click();
    await page.locator('[data-testid=train-view][data-trial-state=complete]').waitFor({ timeout: 90_000 });
    const matrix = page.getByTestId('confusion-matrix');
    await matrix.waitFor({ timeout: 30_000 });
    for (const viewport of viewports) {
      await page.setViewportSize(viewport);
      await matrix.scrollIntoViewIfNeeded();
      const report: LabelReport = await matrix.evaluate((svg) => {
        const labels = [...svg.querySelectorAll('[data-testid=confusion-label], [data-testid=confusion-row-label]')].map((element) => ({
          text: [...element.childNodes].filter((node) => node.nodeType === Node.TEXT_NODE).map((node) => node.textContent).join(''),
          title: element.querySelector('title')?.textContent ?? '',
          ...element.getBoundingClientRect().toJSON(),
        }));
        const chart = svg.getBoundingClientRect().toJSON();
        const clippedBy: string[] = [];
        for (let parent = svg.parentElement; parent; parent = parent.parentElement) {
          const style = getComputedStyle(parent);
          if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
          if (parent.scrollWidth > parent.clientWidth + 1) clippedBy.push(`${parent.tagName}.${parent.className}: scrollWidth ${parent.scrollWidth} > clientWidth ${parent.clientWidth}`);
          const outer = parent.getBoundingClientRect();
          if (chart.left < outer.left - 1 || chart.right > outer.right + 1) clippedBy.push(`${parent.tagName}.${parent.className} cuts the chart sideways`);
        }
        const first = svg.querySelector('[data-testid=confusion-label]');
        return { labels, chart, clippedBy, rotated: svg.getAttribute('data-rotated') === 'true', fontSize: Number(first?.getAttribute('font-size')) };
      });
      const at = `${viewport.width}×${viewport.height}`;
      const names = ['setosa', 'versicolor', 'virginica'];
      assert.deepEqual(report.labels.map((label) => label.text), [...names.flatMap((name) => [name, name])], `whole names at ${at}`);
      assert.deepEqual(report.labels.map((label) => label.title), [...names.flatMap((name) => [name, name])], `tooltips at ${at}`);
      assert.deepEqual(report.clippedBy, [], `nothing clips the chart at ${at}`);
      for (const label of report.labels) {
        const inside = label.left >= report.chart.left - 0.5 && label.right <= report.chart.right + 0.5 && label.top >= report.chart.top - 0.5 && label.bottom <= report.chart.bottom + 0.5;
        assert.ok(inside, `${label.text} lies inside the chart at ${at}: ${JSON.stringify(label)} in ${JSON.stringify(report.chart)}`);
      }
      const columns = report.labels.filter((_, index) => index % 2 === 0);
      for (const [index, label] of columns.slice(1).entries()) {
        const before = columns[index];
        // Side by side; turned 45°, parallel lines at least a font size apart.
        const apart = report.rotated ? (label.left - before.left) * Math.SQRT1_2 >= report.fontSize : label.left >= before.right - 0.5;
        assert.ok(apart, `${before.text} and ${label.text} apart at ${at}: ${JSON.stringify([before, label])}`);
      }
      await page.screenshot({ path: `test-results/confusion-labels-${viewport.width}x${viewport.height}.png` });
    }
    assert.deepEqual(errors, []);
    await context.close();
  });
});
