/**
 * Re-checks the wrong-advice cases of issue #14 on fresh real runs (TF.js CPU, the page's
 * generators, split and trainer), with seeds and data the recorded test fixtures do not use, read
 * the way the page reads a trial (diagnoseTrial with trialContext). Prints one line per case and
 * exits 1 when any case gives the wrong label or advice.
 * Run with `node --import tsx --import ./bench/resolveDirectories.mjs scripts/checkDiagnosisCases.ts` (a few minutes on one core).
 */
import { diagnoseTrial } from '../src/lib/core/diagnoseTrial';
import { trialContext } from '../src/lib/core/diagnoseTrial';
import { defaultModelSettings, type ModelSettings } from '../src/lib/core/modelSettings';
import type { TrialState } from '../src/lib/core/trial';
import { fitPresets } from '../src/lib/lessons/fitPresets';
import { trainCase, useCpuBackend, type DataCase } from '../bench/lessons/nodeTrial';

interface Case {
  name: string;
  data: DataCase;
  settings: Partial<ModelSettings>;
  seed: number;
  /** The state the page would give the trial (a schedule's pruning is not training, so it is set here). */
  state?: TrialState;
  /** Cut the curve to this many epochs (as a schedule that pruned it would). */
  keep?: number;
  check(diagnosis: { label: string; explanation: string; suggestion: string }): string | null;
}

const raises = /raise the learning rate|higher learning rate|larger learning rate/i;
const lowers = /lower the learning rate/i;
const preset = (entry: { samples: number; noise: number; classes: number }, dataSeed: number): DataCase => ({ dataset: 'spiral', samples: entry.samples, noise: entry.noise, classes: entry.classes, dataSeed });
const fail = (ok: boolean, why: string) => (ok ? null : why);

const cases: Case[] = [];
for (const [dataset, seed] of [['moons', 5], ['circles', 9], ['spiral', 13]] as const) {
  for (const learningRate of [0.5, 0.79, 1.2]) {
    cases.push({
      name: `Adam at ${learningRate} on ${dataset}, seed ${seed}`,
      data: { dataset, samples: 300, noise: 0.2, dataSeed: seed },
      settings: { optimizer: 'adam', learningRate, epochs: 40 },
      seed,
      check: (d) => fail(!raises.test(d.suggestion) && (d.label !== 'underfit' || lowers.test(d.suggestion)), `${d.label}: ${d.suggestion}`),
    });
  }
}
for (const seed of [3, 7, 11]) {
  cases.push({
    name: `Underfit preset, seed ${seed}`,
    data: preset(fitPresets.underfit, seed),
    settings: fitPresets.underfit.settings,
    seed,
    check: (d) => fail(d.label === 'underfit', `${d.label}: ${d.explanation}`),
  });
  cases.push({
    name: `separable drawn-like data (blobs, no noise), seed ${seed}`,
    data: { dataset: 'blobs', samples: 50, noise: 0, classes: 2, dataSeed: seed },
    settings: { optimizer: 'adam', learningRate: 0.1, epochs: 150, hiddenLayers: 2, units: 16 },
    seed,
    check: (d) => fail(d.label !== 'overfit' && d.label !== 'unstable', `${d.label}: ${d.explanation}`),
  });
  cases.push({
    name: `Diverge preset, seed ${seed}`,
    data: preset(fitPresets.diverged, seed),
    settings: fitPresets.diverged.settings,
    seed,
    check: (d) => {
      if (d.label !== 'diverged') return `${d.label}: ${d.explanation}`;
      // The sentence names the rule that fired: "N times the baseline" or "N times its first value", with numbers that satisfy it.
      const baselineRule = d.explanation.match(/reached ([\d.e+-]+) at epoch \d+, more than (\d+) times the baseline of ([\d.e+-]+)/);
      const firstRule = d.explanation.match(/grew to ([\d.e+-]+) at epoch \d+, more than (\d+) times its first value \(([\d.e+-]+)\)/);
      const rule = baselineRule ?? firstRule;
      if (!rule) return /NaN|infinite|exploded|ended at/.test(d.explanation) ? null : `no rule named: ${d.explanation}`;
      return fail(Number(rule[1]) > Number(rule[2]) * Number(rule[3]), `numbers do not satisfy the rule: ${d.explanation}`);
    },
  });
  cases.push({
    name: `a search trial pruned at epoch 3, seed ${seed}`,
    data: { dataset: 'moons', samples: 200, noise: 0.2, dataSeed: seed },
    settings: { optimizer: 'sgd', learningRate: 0.001, epochs: 27 },
    seed,
    state: 'pruned',
    keep: 3,
    check: (d) => fail(d.label === 'pruned' && /Pruned at epoch 3 of the 27 planned/.test(d.explanation), `${d.label}: ${d.explanation}`),
  });
}

await useCpuBackend();
let failures = 0;
for (const entry of cases) {
  const settings = { ...defaultModelSettings, ...entry.settings, ...(entry.keep ? { epochs: entry.keep } : {}) };
  const run = await trainCase(entry.data, settings, entry.seed);
  const state: TrialState = entry.state ?? (run.end === 'diverged' ? 'diverged' : 'complete');
  const context = trialContext({ ...defaultModelSettings, ...entry.settings }, {}, run.trainingSamples);
  const diagnosis = diagnoseTrial(run.epochs, state, { baselineLoss: run.baselineLoss, ...context });
  const problem = entry.check(diagnosis);
  if (problem) failures += 1;
  console.log(`${problem ? 'WRONG' : 'ok   '} ${entry.name}: ${diagnosis.label}${problem ? ` — ${problem}` : ` — ${diagnosis.explanation.slice(0, 160)} | ${diagnosis.suggestion.slice(0, 90)}`}`);
}
console.log(`${cases.length - failures} of ${cases.length} cases right`);
if (failures > 0) process.exitCode = 1;
