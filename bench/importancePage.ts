/**
 * The importance benchmark page: mounts the page's own ImportancePanel on a study of `count`
 * complete trials over 4 settings (a smooth objective plus seeded noise) and records main-thread
 * long tasks (PerformanceObserver 'longtask') from the mount until 2 s after the bars appear.
 */
import { mount } from 'svelte';
import { createRandom } from '../src/lib/core/random';
import type { Dimension } from '../src/lib/core/space';
import ImportancePanel from '../src/lib/panels/analysis/ImportancePanel.svelte';

const space: Dimension[] = [
  { name: 'learningRate', type: 'log', low: 0.0001, high: 1 },
  { name: 'units', type: 'int', low: 2, high: 32 },
  { name: 'dropout', type: 'real', low: 0, high: 0.5 },
  { name: 'activation', type: 'choice', values: ['relu', 'tanh', 'sigmoid'] },
];

function trials(count: number) {
  const random = createRandom(16);
  return Array.from({ length: count }, (_, index) => {
    const learningRate = 10 ** random.uniform(-4, 0);
    const units = 2 + random.int(31);
    const dropout = random.uniform(0, 0.5);
    const activation = ['relu', 'tanh', 'sigmoid'][random.int(3)];
    const value = 0.2 * (Math.log10(learningRate) + 2) ** 2 + 0.6 / Math.sqrt(units) + 0.05 * dropout + 0.02 * random.normal();
    return { id: index + 1, params: { learningRate, units, dropout, activation }, state: 'complete', value, durationMs: 100, epochs: [] };
  });
}

const tasks: [number, number][] = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) tasks.push([entry.startTime, entry.duration]);
}).observe({ type: 'longtask', buffered: true });

async function runImportanceBench(count: number): Promise<{ barsAfterMs: number; worstMs: number; tasks: [number, number][] }> {
  const study = { trials: trials(count), setup: { space, seed: 1 } };
  const start = performance.now();
  mount(ImportancePanel, { target: document.getElementById('panel')!, props: { study } as never });
  while (document.querySelectorAll('[data-testid=importance-bar]').length < space.length) await new Promise((resolve) => setTimeout(resolve, 20));
  const barsAfterMs = performance.now() - start;
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const seen = tasks.filter(([at]) => at >= start).map(([at, duration]): [number, number] => [at - start, duration]);
  return { barsAfterMs, worstMs: seen.reduce((most, [, duration]) => Math.max(most, duration), 0), tasks: seen };
}

(window as unknown as { runImportanceBench: typeof runImportanceBench }).runImportanceBench = runImportanceBench;
