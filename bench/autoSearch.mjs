// npm run bench:auto — "fastest available" against each forced backend on the same random search,
// side by side in one run, in Chromium against the built app (WebGPU here: SwiftShader). Each mode
// gets a fresh browser context (empty localStorage, so 'auto' pays its calibration; a forced
// mode is remembered before the page loads, as a person's choice is, so it calibrates nothing),
// runs the search and times it from the click to "Finished". A search still running after its
// cap is recorded as "> cap s" and its context closed. Rounds alternate the order of the modes.
// Also records the time from navigation to the first ready backend (the mark 'backend-ready')
// and, for 'auto', its calibrations' own and one-off times as the page states them.
// BENCH_AUTO_CASES: budget×parallel×rounds×capSeconds, comma-separated (default
// "12x4x3x90,64x64x1x240": the issue's 12-trial check in 3 rounds, then the 64-trial × 50-epoch
// figure); BENCH_AUTO_MODES (auto,webgpu,webgl,wasm,cpu); BENCH_AUTO_EPOCHS (50).
// Writes bench/results/auto-<budget>.json and prints a Markdown table per case.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { chromium } from 'playwright-core';
import { startServer } from '../scripts/serve.mjs';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const args = ['--headless', '--no-sandbox', '--enable-unsafe-webgpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
const modes = (process.env.BENCH_AUTO_MODES ?? 'auto,webgpu,webgl,wasm,cpu').split(',');
const epochs = Number(process.env.BENCH_AUTO_EPOCHS ?? 50);
const cases = (process.env.BENCH_AUTO_CASES ?? '12x4x3x90,64x64x1x240').split(',').map((text) => {
  const [budget, parallel, rounds, capSeconds] = text.split('x').map(Number);
  return { budget, parallel, rounds, capSeconds };
});
const pageTimeoutMs = 300_000;
const load = () => Number(loadavg()[0].toFixed(1));

/** One search in a fresh context; returns its row (searchSeconds null and capped true past the cap). */
async function runMode(browser, url, mode, { budget, parallel, capSeconds }, round) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  if (mode !== 'auto') await context.addInitScript((name) => localStorage.setItem('tuning-playground:backend', name), mode);
  const page = await context.newPage();
  // At a load of 30+ on 2 cores a click can wait tens of seconds for the page's main thread.
  page.setDefaultTimeout(pageTimeoutMs);
  const row = { round, mode, loadBefore: load() };
  try {
    await page.goto(url, { timeout: pageTimeoutMs });
    if (mode === 'auto') await page.getByTestId('auto-hand').waitFor({ timeout: pageTimeoutMs });
    else await page.locator('[data-testid=backend]', { hasText: mode }).waitFor({ timeout: pageTimeoutMs });
    row.readyAfterNavigationMs = await page.evaluate(() => performance.getEntriesByName('backend-ready')[0]?.startTime ?? null);
    await page.getByTestId('epochs-input').fill(String(epochs));
    await page.getByTestId('tab-search').click();
    await page.getByTestId('strategy-select').selectOption('random');
    await page.getByTestId('budget-input').fill(String(budget));
    await page.getByTestId('parallel-input').fill(String(parallel));
    await page.getByTestId('seed-input').fill('3');
    const started = Date.now();
    await page.getByTestId('run-search').click();
    try {
      await page.getByTestId('search-message').filter({ hasText: 'Finished' }).waitFor({ timeout: capSeconds * 1000 });
      row.searchSeconds = (Date.now() - started) / 1000;
    } catch {
      row.searchSeconds = null;
      row.capped = true;
      row.capSeconds = capSeconds;
    }
    row.backend = await page.getByTestId('backend').textContent();
    if (mode === 'auto') {
      row.search = await page.getByTestId('auto-search').textContent({ timeout: 1000 }).catch(() => null);
      await page.getByTestId('calibration').evaluate((element) => (element.open = true)).catch(() => undefined);
      const note = (await page.getByTestId('calibration').textContent().catch(() => '')) ?? '';
      // "measured in 320 ms, plus 2,100 ms of one-off start-ups and compiles", once per calibration (hand-training, then the search).
      row.calibrations = [...note.matchAll(/measured in ([\d,]+) ms, plus ([\d,]+) ms/g)].map((match) => ({ ownMs: Number(match[1].replace(/,/g, '')), oneOffMs: Number(match[2].replace(/,/g, '')) }));
      row.measurements = JSON.parse((await page.evaluate(() => localStorage.getItem('tuning-playground:calibrations'))) ?? 'null');
    }
  } catch (error) {
    row.error = String(error).split('\n')[0];
  }
  row.loadAfter = load();
  await context.close();
  console.error(JSON.stringify({ ...row, measurements: undefined }));
  return row;
}

const seconds = (row) => (row.searchSeconds ? row.searchSeconds.toFixed(1) : row.capped ? `> ${row.capSeconds}` : `failed: ${row.error}`);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];

/** The Markdown table of one case: each round's seconds per mode, and auto ÷ the best forced mode of its round. */
function table(rows, { rounds }) {
  const lines = [`| mode | ${Array.from({ length: rounds }, (_, round) => `round ${round + 1} s`).join(' | ')} | trained on (last round) |`, `| --- | ${'---: | '.repeat(rounds)}--- |`];
  for (const mode of modes) {
    const mine = rows.filter((row) => row.mode === mode);
    lines.push(`| ${mode} | ${mine.map(seconds).join(' | ')} | ${mine.at(-1)?.backend ?? '—'} |`);
  }
  const ratios = [];
  for (let round = 0; round < rounds; round++) {
    const inRound = rows.filter((row) => row.round === round);
    const forced = inRound.filter((row) => row.mode !== 'auto' && row.searchSeconds);
    const auto = inRound.find((row) => row.mode === 'auto');
    if (forced.length === 0 || !auto) continue;
    let best = forced[0];
    for (const row of forced) if (row.searchSeconds < best.searchSeconds) best = row;
    ratios.push({ round, best: best.mode, ratio: auto.searchSeconds ? auto.searchSeconds / best.searchSeconds : null });
  }
  lines.push(`| auto ÷ best forced | ${ratios.map(({ ratio, best }) => (ratio ? `${ratio.toFixed(2)} (vs ${best})` : '—')).join(' | ')} | |`);
  const finite = ratios.map(({ ratio }) => ratio).filter((ratio) => ratio !== null);
  return { markdown: lines.join('\n'), ratios, medianRatio: finite.length > 0 ? median(finite) : null };
}

const { server, url } = await startServer({ root: 'dist', port: 0 });
const browser = await chromium.launch({ executablePath: chromiumPath, args });
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Chromium headless (${chromiumPath}), WebGPU via SwiftShader (software)`;
mkdirSync('bench/results', { recursive: true });
try {
  for (const spec of cases) {
    const rows = [];
    for (let round = 0; round < spec.rounds; round++) {
      // Alternate the order, so no mode always runs first (or last) in a round.
      for (const mode of round % 2 === 0 ? modes : [...modes].reverse()) rows.push(await runMode(browser, url, mode, spec, round));
    }
    const summary = table(rows, spec);
    writeFileSync(`bench/results/auto-${spec.budget}.json`, JSON.stringify({ machine, ...spec, epochs, date: new Date().toISOString(), ratios: summary.ratios, medianRatio: summary.medianRatio, rows }, null, 2) + '\n');
    console.log(`\nMachine: ${machine}; random search, ${spec.budget} trials × ${epochs} epochs, ${spec.parallel} in parallel, seed 3; ${spec.rounds} round(s), order alternating, fresh browser context each, cap ${spec.capSeconds} s; load ${rows[0]?.loadBefore}–${rows.at(-1)?.loadAfter}.\n`);
    console.log(summary.markdown);
    if (summary.medianRatio !== null) console.log(`\nauto ÷ best forced, median over rounds: ${summary.medianRatio.toFixed(2)}`);
    for (const row of rows.filter((entry) => entry.mode === 'auto')) console.log(`round ${row.round + 1} auto: ${row.search ?? '—'}; calibrations (own ms / one-off ms): ${(row.calibrations ?? []).map((entry) => `${entry.ownMs} / ${entry.oneOffMs}`).join(', ')}`);
  }
} finally {
  await browser.close();
  server.close();
}
