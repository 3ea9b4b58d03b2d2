/**
 * `npm run bench:search`: search strategies on standard test functions with known minima
 * (Branin, Hartmann-6), the time per Bayesian ask, and the Bergstra–Bengio check. Prints
 * markdown tables and writes bench/results/search.json. Not part of `npm test`.
 *
 * For quick experiments, environment variables run a part only (and then write no JSON):
 *   BENCH_ONLY=regret,timing,bergstra   which sections to run (default: all)
 *   BENCH_FUNCTIONS=Hartmann-6          test functions by name (default: all)
 *   BENCH_STRATEGIES="bayesian (EI)"    contenders by exact label, '|'-separated (default: all)
 *   BENCH_SEEDS=5                       the first n of the 20 seeds (default: all)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { askTime, lowEffectiveDimension, regretTable, type Contender } from './searchBenchmark';
import { branin, hartmann6, type TestFunction } from './testFunctions';

const listFromEnvironment = (name: string, separator: string) =>
  process.env[name] ? process.env[name].split(separator).map((entry) => entry.trim()) : null;
const sections = listFromEnvironment('BENCH_ONLY', ',');
const functionNames = listFromEnvironment('BENCH_FUNCTIONS', ',');
const strategyLabels = listFromEnvironment('BENCH_STRATEGIES', '|');
const seedCount = process.env.BENCH_SEEDS ? Number(process.env.BENCH_SEEDS) : 20;
const partial = sections !== null || functionNames !== null || strategyLabels !== null || seedCount !== 20;
const runs = (section: string) => !sections || sections.includes(section);

const seeds = Array.from({ length: seedCount }, (_, i) => i + 1);
const allContenders: Contender[] = [
  { label: 'grid', name: 'grid' },
  { label: 'random', name: 'random' },
  { label: 'quasi-random (Latin hypercube)', name: 'quasi-random' },
  { label: 'evolution', name: 'evolution' },
  { label: 'bayesian (EI)', name: 'bayesian' },
  { label: 'bayesian (UCB, κ = 1.96)', name: 'bayesian', options: { acquisition: 'upper-confidence-bound' } },
  { label: 'bayesian (Thompson)', name: 'bayesian', options: { acquisition: 'thompson-sampling' } },
];
const contenders = allContenders.filter((contender) => !strategyLabels || strategyLabels.includes(contender.label));
const allProblems: { testFunction: TestFunction; checkpoints: number[] }[] = [
  { testFunction: branin, checkpoints: [10, 20, 30, 50] },
  { testFunction: hartmann6, checkpoints: [10, 20, 30, 50, 100] },
];
const problems = runs('regret')
  ? allProblems.filter(({ testFunction }) => !functionNames || functionNames.includes(testFunction.name))
  : [];

const format = (value: number) => (value === 0 ? '0' : value < 1e-2 || value >= 1e3 ? value.toExponential(1) : value.toPrecision(2));
const started = performance.now();
const results: Record<string, unknown> = { machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`, seeds: seeds.length };
const regrets: Record<string, Record<string, { median: number[]; p90: number[] }>> = {};

for (const { testFunction, checkpoints } of problems) {
  regrets[testFunction.name] = {};
  console.log(`\n### ${testFunction.name} (minimum ${testFunction.minimum}): simple regret, median / 90th percentile over ${seeds.length} seeds\n`);
  console.log(`| strategy | ${checkpoints.map((c) => `${c} evals`).join(' | ')} |`);
  console.log(`| --- | ${checkpoints.map(() => '---').join(' | ')} |`);
  for (const contender of contenders) {
    const table = regretTable(testFunction, contender, seeds, checkpoints);
    regrets[testFunction.name][contender.label] = table;
    console.log(`| ${contender.label} | ${checkpoints.map((_, c) => `${format(table.median[c])} / ${format(table.p90[c])}`).join(' | ')} |`);
  }
}
results.checkpoints = Object.fromEntries(problems.map(({ testFunction, checkpoints }) => [testFunction.name, checkpoints]));
results.regret = regrets;

const timing: Record<string, { median: number; mean: number }> = {};
if (runs('timing')) {
  console.log('\n### Time per bayesian ask, 4-D, median (and mean) of 7 asks, each after one more result (ms)\n');
  console.log('| observations | median ms per ask | mean ms per ask |');
  console.log('| --- | --- | --- |');
  for (const observations of [50, 100, 200]) {
    timing[observations] = askTime(observations, 4, 7, 1);
    console.log(`| ${observations} | ${timing[observations].median.toFixed(1)} | ${timing[observations].mean.toFixed(1)} |`);
  }
  results.askMilliseconds = timing;
}

let bergstra: { grid: number; random: number } | null = null;
if (runs('bergstra')) {
  bergstra = lowEffectiveDimension(Array.from({ length: 50 }, (_, i) => i + 1));
  results.bergstraBengio = bergstra;
  console.log(`\n### Bergstra & Bengio: 4-D, 2 dimensions matter, budget 16, median best over 50 seeds\n`);
  console.log(`grid ${format(bergstra.grid)}, random ${format(bergstra.random)}`);
}

const ei = regrets[branin.name]?.['bayesian (EI)'];
const eiH = regrets[hartmann6.name]?.['bayesian (EI)'];
const randomBranin = regrets[branin.name]?.random;
const targets: Record<string, boolean> = {};
if (ei) targets['bayesian EI median regret on Branin at 30 <= 1e-3'] = ei.median[2] <= 1e-3;
if (eiH) targets['bayesian EI median regret on Hartmann-6 at 50 <= 0.1'] = eiH.median[3] <= 0.1;
if (ei && randomBranin) {
  targets['bayesian EI median regret on Branin at 50 at least 100x lower than random'] = ei.median[3] * 100 <= randomBranin.median[3];
}
if (bergstra) targets['random median best beats grid (Bergstra & Bengio)'] = bergstra.random < bergstra.grid;
if (timing[100]) targets['median ask time <= 50 ms at 100 observations'] = timing[100].median <= 50;
if (timing[200]) targets['median ask time <= 250 ms at 200 observations'] = timing[200].median <= 250;
results.targets = targets;
console.log('\n### Targets\n');
for (const [target, met] of Object.entries(targets)) console.log(`- ${met ? 'met' : 'NOT met'}: ${target}`);
results.seconds = (performance.now() - started) / 1000;
console.log(`\n${results.machine}; ${(results.seconds as number).toFixed(0)} s`);
if (partial) {
  console.log('(a partial run: bench/results/search.json left as it was)');
} else {
  mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
  writeFileSync(new URL('./results/search.json', import.meta.url), JSON.stringify(results, null, 2) + '\n');
}
