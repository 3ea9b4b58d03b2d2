import { describe, expect, it } from 'vitest';
import { importanceWarnings, tooFewTrialsWarning } from '../../../src/lib/analysis/importanceWarnings';
import { createRandom } from '../../../src/lib/core/random';
import { fromUnit, type Dimension, type Params } from '../../../src/lib/core/space';

const space: Dimension[] = [
  { name: 'learningRate', type: 'log', low: 1e-4, high: 10 },
  { name: 'units', type: 'int', low: 2, high: 32 },
  { name: 'dropout', type: 'real', low: 0, high: 0.5 },
];

function trials(count: number, seed: number, objective: (params: Params) => number) {
  const random = createRandom(seed);
  return Array.from({ length: count }, () => {
    const params = fromUnit(space, Array.from(space, () => random.next()));
    return { params, value: objective(params) + 0.01 * random.normal() };
  });
}

const logRate = (params: Params) => Math.log10(Number(params.learningRate));
/** Units matter most; the learning rate a little, with its best value mid-range. */
const unitsMatter = (params: Params) => 0.6 / Math.sqrt(Number(params.units)) + 0.005 * (logRate(params) + 2) ** 2;
/** Diverges (Infinity) above a learning rate of 1. */
const divergesAboveOne = (objective: (params: Params) => number) => (params: Params) => (Number(params.learningRate) > 1 ? Infinity : objective(params));
const kinds = (warnings: { kind: string }[]) => warnings.map((warning) => warning.kind);

describe('tooFewTrialsWarning', () => {
  it('fires below 10 trials per searched setting, naming the counts, and stays silent from there', () => {
    const warning = tooFewTrialsWarning(space, 8);
    expect(warning).toMatchObject({ kind: 'too-few-trials', trials: 8, needed: 30 });
    expect(warning?.message).toContain('Only 8 finished trials for 3 settings');
    expect(tooFewTrialsWarning(space, 30)).toBeNull();
    expect(tooFewTrialsWarning([], 0)).toBeNull();
  });
});

describe('importanceWarnings: diverged region', () => {
  it('says a learning rate looks important only because its trials above 1 diverge, with the real numbers', () => {
    const observations = trials(60, 1, divergesAboveOne(unitsMatter));
    const warning = importanceWarnings(space, observations, { seed: 1 }).find((entry) => entry.kind === 'diverged-region');
    expect(warning).toBeDefined();
    if (warning?.kind !== 'diverged-region') return;
    const diverged = observations.filter((entry) => !Number.isFinite(entry.value));
    const threshold = Math.min(...diverged.map((entry) => Number(entry.params.learningRate)));
    expect(warning).toMatchObject({ name: 'learningRate', side: 'above', diverged: diverged.length });
    expect(warning.threshold).toBeCloseTo(threshold, 6);
    expect(warning.threshold).toBeGreaterThan(1);
    expect(warning.shareWithout).toBeLessThan(warning.shareWith / 2);
    expect(warning.message).toContain(`the ${diverged.length} diverged trials at learning rate ≥ ${Number(threshold.toPrecision(2))}`);
  });

  it('names the side and the bound when the diverged trials lie below a value', () => {
    // Too few units diverge here (a made-up rule, to check the other side); dropout matters otherwise.
    const objective = (params: Params) => (Number(params.units) <= 6 ? Infinity : 0.8 * Number(params.dropout) + 0.002 * Number(params.units));
    const warning = importanceWarnings(space, trials(60, 8, objective), { seed: 8 }).find((entry) => entry.kind === 'diverged-region');
    expect(warning).toMatchObject({ name: 'units', side: 'below', threshold: 6 });
    expect(warning?.message).toContain('diverged trials at units ≤ 6');
    expect(warning?.message).toContain('narrow its range above 6');
  });

  it('stays silent without diverged trials, when they are scattered, and when the setting matters anyway', () => {
    expect(kinds(importanceWarnings(space, trials(60, 2, unitsMatter), { seed: 2 }))).not.toContain('diverged-region');
    const scattered = trials(60, 3, unitsMatter).map((entry, index) => (index % 7 === 0 ? { ...entry, value: Infinity } : entry));
    expect(kinds(importanceWarnings(space, scattered, { seed: 3 }))).not.toContain('diverged-region');
    const rateMatters = (params: Params) => 0.3 * (logRate(params) + 2) ** 2 + 0.05 / Math.sqrt(Number(params.units));
    expect(kinds(importanceWarnings(space, trials(60, 4, divergesAboveOne(rateMatters)), { seed: 4 }))).not.toContain('diverged-region');
  });
});

describe('importanceWarnings: edge of range', () => {
  const smallerIsBetter = (params: Params) => 0.3 * logRate(params) + 0.05 / Math.sqrt(Number(params.units));

  it('tells to widen the range when the best learning rate sits at its bottom and the surface still falls there', () => {
    const warnings = importanceWarnings(space, trials(40, 5, smallerIsBetter), { seed: 5 });
    const edge = warnings.find((warning) => warning.kind === 'edge-of-range');
    expect(edge).toMatchObject({ name: 'learningRate', edge: 'low', bound: 1e-4 });
    expect(edge?.message).toContain('widen the range below 0.0001');
  });

  it('stays silent when the best value is inside the range, and for a setting that does not matter', () => {
    const observations = trials(40, 6, unitsMatter);
    // The best trial gets dropout 0, the bottom of its range; dropout does not change the objective.
    const best = observations.reduce((a, b) => (a.value <= b.value ? a : b));
    best.params = { ...best.params, dropout: 0 };
    const warnings = importanceWarnings(space, observations, { seed: 6 });
    expect(warnings.filter((warning) => warning.kind === 'edge-of-range' && warning.name !== 'units')).toEqual([]);
    const middle = (params: Params) => 0.3 * (logRate(params) + 2) ** 2;
    expect(kinds(importanceWarnings(space, trials(40, 7, middle), { seed: 7 }))).toEqual([]);
  });
});
