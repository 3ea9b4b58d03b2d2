/**
 * `npm run bench:search`: search strategies on standard test functions with known minima
 * (Branin, Hartmann-6), the time per Bayesian and TPE ask, a check of TPE against random
 * search on functions its defaults were not chosen on (section 'check': a shifted 4-D
 * sphere and 4-D Rosenbrock, other seeds), how evenly random, Latin hypercube and Sobol' points
 * fill the cube (centred L2 discrepancy), and the Bergstra–Bengio check. Prints
 * markdown tables and writes bench/results/search.json. Not part of `npm test`.
 *
 * For quick experiments, environment variables run a part only (and then write no JSON):
 *   BENCH_ONLY=regret,timing,check,discrepancy,bergstra   which sections to run (default: all)
 *   BENCH_FUNCTIONS=Hartmann-6          test functions by name (default: all)
 *   BENCH_STRATEGIES="bayesian (EI)"    contenders by exact label, '|'-separated (default: all)
 *   BENCH_SEEDS=5                       the first n of the 20 seeds (default: all)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { askTime, designDiscrepancy, lowEffectiveDimension, regretTable, type Contender } from './searchBenchmark';
import { branin, hartmann6, rosenbrock4, shiftedSphere4, type TestFunction } from './testFunctions';

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
  { label: 'sobol (scrambled)', name: 'sobol' },
  { label: 'evolution', name: 'evolution' },
  { label: 'bayesian (EI)', name: 'bayesian' },
  { label: 'bayesian (UCB, κ = 1.96)', name: 'bayesian', options: { acquisition: 'upper-confidence-bound' } },
  { label: 'bayesian (Thompson)', name: 'bayesian', options: { acquisition: 'thompson-sampling' } },
  { label: 'tpe', name: 'tpe' },
  { label: 'tpe (univariate, Optuna defaults)', name: 'tpe', options: { multivariate: false } },
  { label: 'tpe (multivariate, Scott widths)', name: 'tpe', options: { bandwidth: 'scott' } },
];
const contenders = allContenders.filter((contender) => !strategyLabels || strategyLabels.includes(contender.label));
const allProblems: { testFunction: TestFunction; checkpoints: number[] }[] = [
  { testFunction: branin, checkpoints: [10, 20, 30, 50, 100] },
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
const tpeTiming: Record<string, { median: number; mean: number }> = {};
if (runs('timing')) {
  console.log('\n### Time per TPE ask (default settings), 4-D and 6-D, median (and mean) of 21 asks (ms)\n');
  console.log('| observations | 4-D median | 4-D mean | 6-D median | 6-D mean |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const observations of [50, 100, 200]) {
    const four = askTime(observations, 4, 21, 1, 'tpe');
    const six = askTime(observations, 6, 21, 1, 'tpe');
    tpeTiming[observations] = six.median > four.median ? six : four;
    console.log(`| ${observations} | ${four.median.toFixed(2)} | ${four.mean.toFixed(2)} | ${six.median.toFixed(2)} | ${six.mean.toFixed(2)} |`);
  }
  results.tpeAskMilliseconds = tpeTiming;
}

const checks: Record<string, Record<string, { median: number[]; p90: number[] }>> = {};
if (runs('check')) {
  // Seeds 101–120, not the regret section's, so the check does not reuse what the defaults were looked at with.
  const checkSeeds = Array.from({ length: seeds.length }, (_, i) => i + 101);
  console.log(`\n### TPE against random on other functions and seeds (${checkSeeds.length} seeds from 101): median simple regret, ratio to random\n`);
  console.log('| function | contender | 50 evals | 100 evals | ratio at 50 | ratio at 100 |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const testFunction of [shiftedSphere4, rosenbrock4, branin, hartmann6]) {
    const random = regretTable(testFunction, { label: 'random', name: 'random' }, checkSeeds, [50, 100]);
    checks[testFunction.name] = { random };
    for (const contender of allContenders.filter((entry) => entry.name === 'tpe')) {
      const table = regretTable(testFunction, contender, checkSeeds, [50, 100]);
      checks[testFunction.name][contender.label] = table;
      const ratio = (c: number) => (table.median[c] / random.median[c]).toFixed(2);
      console.log(`| ${testFunction.name} | ${contender.label} | ${format(table.median[0])} | ${format(table.median[1])} | ${ratio(0)} | ${ratio(1)} |`);
    }
  }
  results.tpeCheck = checks;
}

if (runs('discrepancy')) {
  console.log(`\n### Centred L2 discrepancy (squared) of n points, median over ${seeds.length} seeds (lower is more even)\n`);
  console.log('| dimensions | n | random | Latin hypercube | Sobol (scrambled) |');
  console.log('| --- | --- | --- | --- | --- |');
  const discrepancies: { dimensions: number; n: number; random: number; latinHypercube: number; sobol: number }[] = [];
  for (const [dimensions, n] of [[2, 16], [2, 64], [6, 64], [6, 100]]) {
    const row = designDiscrepancy(dimensions, n, seeds);
    discrepancies.push({ dimensions, n, ...row });
    console.log(`| ${dimensions} | ${n} | ${format(row.random)} | ${format(row.latinHypercube)} | ${format(row.sobol)} |`);
  }
  results.discrepancy = discrepancies;
}

let bergstra: { grid: number; random: number } | null = null;
if (runs('bergstra')) {
  bergstra = lowEffectiveDimension(Array.from({ length: 50 }, (_, i) => i + 1));
  results.bergstraBengio = bergstra;
  console.log(`\n### Bergstra & Bengio: 4-D, 2 dimensions matter, budget 16, median best over 50 seeds\n`);
  console.log(`grid ${format(bergstra.grid)}, random ${format(bergstra.random)}`);
}

const checkpointsOf = (name: string) => allProblems.find(({ testFunction }) => testFunction.name === name)?.checkpoints ?? [];
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
for (const { testFunction } of problems) {
  const random = regrets[testFunction.name]?.random;
  const tpe = regrets[testFunction.name]?.tpe;
  if (!random || !tpe) continue;
  const at = (checkpoint: number) => checkpointsOf(testFunction.name).indexOf(checkpoint);
  targets[`tpe median regret on ${testFunction.name} at 50 <= 0.5x random's`] = tpe.median[at(50)] <= 0.5 * random.median[at(50)];
  targets[`tpe median regret on ${testFunction.name} at 100 <= 0.25x random's`] = tpe.median[at(100)] <= 0.25 * random.median[at(100)];
}
if (tpeTiming[100]) targets['median tpe ask < 20 ms at 100 observations'] = tpeTiming[100].median < 20;
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
