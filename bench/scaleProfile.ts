// node --import tsx bench/scaleProfile.ts <build folder> <label> — where a 200,000-trial import's time
// goes: when each answer of the study reader worker reaches the page (and, from a build whose worker
// posts { kind: 'timings', marks }, its phases), the main thread's long tasks before and after the
// first view, and the page's CPU profile (Profiler domain, 1 ms samples; top self times printed,
// the profile written to /tmp/scale/page-<label>.cpuprofile).
import { mkdir, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { chromium } from 'playwright-core';
import { startServer } from '../scripts/serve.mjs';
import { chromiumArgs, findChromium } from '../tests/e2e/harness';
import { largeStudy, recordLongTasks } from '../tests/e2e/scaleScenario';
const root = process.argv[2];
const file = '/tmp/scale/large.json';
await mkdir('/tmp/scale', { recursive: true });
await writeFile(file, largeStudy(200_000));
const hook = `
  window.__workerEvents = [];
  const Original = window.Worker;
  window.Worker = class extends Original {
    constructor(...args) {
      super(...args);
      const created = performance.now();
      window.__workerEvents.push(['created', created]);
      this.addEventListener('message', (event) => {
        const data = event.data;
        if (data && data.kind === 'timings') window.__workerEvents.push(['timings', performance.now(), data.marks]);
        else if (data && data.kind) window.__workerEvents.push([data.kind + (data.kind === 'head' ? ' ' + data.trialCount + (data.complete ? ' complete' : '') : ''), performance.now()]);
      });
    }
  };`;
const { server, url } = await startServer({ root, port: 0 });
const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs });
const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
await context.addInitScript(recordLongTasks);
await context.addInitScript(hook);
const page = await context.newPage();
await page.goto(url);
const cdp = await context.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
await page.getByTestId('tab-search').click();
await cdp.send('Profiler.start');
const load0 = loadavg()[0];
const t0 = await page.evaluate(() => performance.now());
await page.getByTestId('import-json').setInputFiles(file);
await page.getByTestId('opened-study').waitFor({ timeout: 300_000 });
const tOpened = await page.evaluate(() => performance.now());
await page.getByTestId('canvas-dots').waitFor({ timeout: 300_000 });
const tView = await page.evaluate(() => new Promise<number>((r) => requestAnimationFrame(() => r(performance.now()))));
await page.getByTestId('saved-study').first().waitFor({ timeout: 300_000 });
const tSaved = await page.evaluate(() => performance.now());
await page.waitForTimeout(2000);
const { profile } = await cdp.send('Profiler.stop');
await writeFile(`/tmp/scale/page-${process.argv[3] ?? 'x'}.cpuprofile`, JSON.stringify(profile));
type Event = [string, number, [string, number][]?];
const events = await page.evaluate(() => (window as unknown as { __workerEvents: Event[] }).__workerEvents);
const longTasks = await page.evaluate(() => (window as unknown as { __longTasks: [number, number][] }).__longTasks);
// Self time by function name (top 15).
const self = new Map<string, number>();
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
for (let i = 0; i < profile.samples!.length; i++) {
  const node = byId.get(profile.samples![i])!;
  const dt = profile.timeDeltas![i + 1] ?? 0;
  const key = `${node.callFrame.functionName || '(anon)'} ${node.callFrame.url.split('/').pop()}:${node.callFrame.lineNumber}`;
  self.set(key, (self.get(key) ?? 0) + dt / 1000);
}
const top = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([k, v]) => `${v.toFixed(0).padStart(7)} ms  ${k}`);
console.log(JSON.stringify({ load: [load0, loadavg()[0]], openedAfter: Math.round(tOpened - t0), firstView: Math.round(tView - t0), savedListed: Math.round(tSaved - t0) }));
for (const e of events) {
  if (e[0] === 'timings') {
    const marks = e[2] ?? [];
    console.log('worker phases (ms):', marks.slice(1).map(([n, t], i) => `${n} ${Math.round(t - marks[i][1])}`).join('; '));
  } else console.log('event', e[0], 'at', Math.round(e[1] - t0));
}
console.log('long tasks after first view:', longTasks.filter(([s]) => s >= tView).map(([, d]) => Math.round(d)));
console.log('long tasks during import:', longTasks.filter(([s]) => s >= t0 && s < tView).map(([, d]) => Math.round(d)));
console.log('page self time:\n' + top.join('\n'));
await browser.close();
server.close();
