/**
 * `npm run bench:search`: search strategies on standard test functions with known minima
 * (Branin, Hartmann-6), the time per Bayesian ask, and the Bergstra–Bengio check. Prints
 * markdown tables and writes bench/results/search.json. Not part of `npm test`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { askTime, lowEffectiveDimension, regretTable, type Contender } from './searchBenchmark';
import { branin, hartmann6, type TestFunction } from './testFunctions';

const seeds = Array.from({ length: 20 }, (_, i) => i + 1);
const contenders: Contender[] = [
  { label: 'grid', name: 'grid' },
  { label: 'random', name: 'random' },
  { label: 'quasi-random (Latin hypercube)', name: 'quasi-random' },
  { label: 'evolution', name: 'evolution' },
  { label: 'bayesian (EI)', name: 'bayesian' },
  { label: 'bayesian (UCB, κ = 1.96)', name: 'bayesian', options: { acquisition: 'upper-confidence-bound' } },
  { label: 'bayesian (Thompson)', name: 'bayesian', options: { acquisition: 'thompson-sampling' } },
];
const problems: { testFunction: TestFunction; checkpoints: number[] }[] = [
  { testFunction: branin, checkpoints: [10, 20, 30, 50] },
  { testFunction: hartmann6, checkpoints: [10, 20, 30, 50, 100] },
];

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

const timing: Record<string, number> = {};
console.log('\n### Time per bayesian ask, 4-D, median of 7 asks (ms)\n');
console.log('| observations | ms per ask |');
console.log('| --- | --- |');
for (const observations of [50, 100, 200]) {
  timing[observations] = askTime(observations, 4, 7, 1);
  console.log(`| ${observations} | ${timing[observations].toFixed(1)} |`);
}
results.askMilliseconds = timing;

const bergstra = lowEffectiveDimension(Array.from({ length: 50 }, (_, i) => i + 1));
results.bergstraBengio = bergstra;
console.log(`\n### Bergstra & Bengio: 4-D, 2 dimensions matter, budget 16, median best over 50 seeds\n`);
console.log(`grid ${format(bergstra.grid)}, random ${format(bergstra.random)}`);

const ei = regrets[branin.name]['bayesian (EI)'];
const eiH = regrets[hartmann6.name]['bayesian (EI)'];
const randomBranin = regrets[branin.name].random;
const targets = {
  'bayesian EI median regret on Branin at 30 <= 1e-3': ei.median[2] <= 1e-3,
  'bayesian EI median regret on Hartmann-6 at 50 <= 0.1': eiH.median[3] <= 0.1,
  'bayesian EI median regret on Branin at 50 at least 100x lower than random': ei.median[3] * 100 <= randomBranin.median[3],
  'random median best beats grid (Bergstra & Bengio)': bergstra.random < bergstra.grid,
  'median ask time <= 50 ms at 100 observations': timing[100] <= 50,
  'median ask time <= 250 ms at 200 observations': timing[200] <= 250,
};
results.targets = targets;
console.log('\n### Targets\n');
for (const [target, met] of Object.entries(targets)) console.log(`- ${met ? 'met' : 'NOT met'}: ${target}`);
results.seconds = (performance.now() - started) / 1000;
console.log(`\n${results.machine}; ${(results.seconds as number).toFixed(0)} s`);
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(new URL('./results/search.json', import.meta.url), JSON.stringify(results, null, 2) + '\n');
