/**
 * `node --import tsx bench/importance.ts`: how often parameterImportance ranks the settings that
 * matter first on objectives whose answer is known, with trials proposed by random, quasi-random
 * and Bayesian search, and how often each importance warning fires on cases built for it (and on
 * cases where it should stay silent). Prints a markdown table and writes
 * bench/results/importance.json. Not part of `npm test`. BENCH_SEEDS=n runs the first n seeds
 * (then no JSON is written).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { analyseImportance } from '../src/lib/analysis/importance';
import { importanceWarnings } from '../src/lib/analysis/importanceWarnings';
import { createRandom } from '../src/lib/core/random';
import type { Dimension, Params } from '../src/lib/core/space';
import { createStrategy } from '../src/lib/search';

const seedCount = process.env.BENCH_SEEDS ? Number(process.env.BENCH_SEEDS) : 20;
const seeds = Array.from({ length: seedCount }, (_, i) => i + 1);

const space: Dimension[] = [
  { name: 'learningRate', type: 'log', low: 1e-4, high: 10 },
  { name: 'dropout', type: 'real', low: 0, high: 0.5 },
  { name: 'units', type: 'int', low: 2, high: 32 },
  { name: 'activation', type: 'choice', values: ['relu', 'tanh', 'sigmoid'] },
  { name: 'momentum', type: 'real', low: 0, high: 0.99 },
];
const logRate = (params: Params) => Math.log10(Number(params.learningRate));

interface Scenario {
  label: string;
  /** The objective without noise; Infinity = diverged. */
  objective: (params: Params) => number;
  noise: number;
  /** The settings that matter, for the ranking scenarios. */
  matter?: string[];
  /** The warning kind expected to fire (or to stay silent, with silent: true). */
  warning?: string;
  silent?: boolean;
}

const scenarios: Scenario[] = [
  { label: 'rate and units matter, noise 0.02', objective: (p) => 0.2 * (logRate(p) + 2) ** 2 + 0.6 / Math.sqrt(Number(p.units)), noise: 0.02, matter: ['learningRate', 'units'] },
  { label: 'rate and units matter, noise 0.1', objective: (p) => 0.2 * (logRate(p) + 2) ** 2 + 0.6 / Math.sqrt(Number(p.units)), noise: 0.1, matter: ['learningRate', 'units'] },
  { label: 'activation and dropout matter', objective: (p) => ({ relu: 0.2, tanh: 0.4, sigmoid: 0.7 })[p.activation as string]! + 0.8 * Number(p.dropout), noise: 0.03, matter: ['activation', 'dropout'] },
  { label: 'one strong, one weak (10:1 variance)', objective: (p) => 0.3 * (logRate(p) + 1.5) ** 2 + 0.12 * Number(p.momentum), noise: 0.01, matter: ['learningRate', 'momentum'] },
  { label: 'diverged region: rate > 1 diverges, units matter', objective: (p) => (Number(p.learningRate) > 1 ? Infinity : 0.6 / Math.sqrt(Number(p.units)) + 0.005 * (logRate(p) + 2) ** 2), noise: 0.01, warning: 'diverged-region' },
  { label: 'no diverged-region warning: rate matters and diverges', objective: (p) => (Number(p.learningRate) > 1 ? Infinity : 0.3 * (logRate(p) + 2) ** 2), noise: 0.01, warning: 'diverged-region', silent: true },
  { label: 'edge of range: smaller rate is better', objective: (p) => 0.3 * logRate(p) + 0.05 / Math.sqrt(Number(p.units)), noise: 0.01, warning: 'edge-of-range' },
  { label: 'no edge warning: best rate mid-range', objective: (p) => 0.3 * (logRate(p) + 1.5) ** 2 + 0.6 / Math.sqrt(Number(p.units)), noise: 0.01, warning: 'edge-of-range', silent: true },
];

function trialsOf(strategyName: string, scenario: Scenario, seed: number, count: number) {
  const strategy = createStrategy(strategyName, space, { seed, budget: count });
  const noise = createRandom(seed).fork('noise');
  const trials: { params: Params; value: number }[] = [];
  for (let i = 0; i < count; i++) {
    const params = strategy.ask();
    if (!params) break;
    const value = scenario.objective(params) + scenario.noise * noise.normal();
    strategy.tell(params, Number.isFinite(value) ? value : null);
    trials.push({ params, value });
  }
  return trials;
}

const records: { scenario: string; strategy: string; seeds: number; held: number; meanMs: number }[] = [];
console.log('| scenario | trials from | held | mean ms per analysis |\n| --- | --- | --- | --- |');
for (const scenario of scenarios) {
  for (const strategyName of scenario.matter ? ['random', 'quasi-random', 'bayesian'] : ['random']) {
    let held = 0;
    let milliseconds = 0;
    for (const seed of seeds) {
      const trials = trialsOf(strategyName, scenario, seed, 60);
      const started = performance.now();
      const analysis = analyseImportance(space, trials, { seed });
      if (scenario.matter) {
        const firstTwo = analysis.importances.slice(0, 2).map((entry) => entry.name).sort();
        if (firstTwo.join() === [...scenario.matter].sort().join()) held++;
      } else {
        const fired = importanceWarnings(space, trials, { seed, analysis }).some((warning) => warning.kind === scenario.warning);
        if (fired !== Boolean(scenario.silent)) held++;
      }
      milliseconds += performance.now() - started;
    }
    const meanMs = milliseconds / seeds.length;
    records.push({ scenario: scenario.label, strategy: strategyName, seeds: seeds.length, held, meanMs });
    console.log(`| ${scenario.label} | ${strategyName} | ${held}/${seeds.length} | ${meanMs.toFixed(0)} |`);
  }
}
if (seedCount === 20) {
  mkdirSync('bench/results', { recursive: true });
  const machine = `${os.cpus()[0]?.model ?? 'unknown'} ×${os.cpus().length}, Node ${process.version}`;
  writeFileSync('bench/results/importance.json', `${JSON.stringify({ date: new Date().toISOString(), machine, trials: 60, records }, null, 2)}\n`);
}
