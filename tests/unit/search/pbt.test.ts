import { describe, expect, it } from 'vitest';
import type { Dimension } from '../../../src/lib/core/space';
import { ancestry, PbtController, pbtBaseProblem, type LineageEntry } from '../../../src/lib/search/pbt';

const space: Dimension[] = [
  { name: 'learningRate', type: 'log', low: 1e-4, high: 1 },
  { name: 'units', type: 'int', low: 2, high: 32 },
  { name: 'activation', type: 'choice', values: ['relu', 'tanh', 'sigmoid'] },
  { name: 'dropout', type: 'real', low: 0, high: 0.5 },
];
const scoresOf = (values: (number | null)[]) => values;

describe('PbtController', () => {
  it('starts with K members drawn from the space, the same for the same seed', () => {
    const controller = new PbtController(space, { seed: 4, population: 16 });
    expect(controller.params).toHaveLength(16);
    expect(new PbtController(space, { seed: 4, population: 16 }).params).toEqual(controller.params);
    expect(new PbtController(space, { seed: 5, population: 16 }).params).not.toEqual(controller.params);
    for (const params of controller.params) {
      expect(params.learningRate as number).toBeGreaterThanOrEqual(1e-4);
      expect(Number.isInteger(params.units)).toBe(true);
    }
    expect(controller.lineage.filter((entry) => entry.step === 0)).toHaveLength(16);
  });

  it('makes each of the worst quarter copy one of the best quarter, and no one else', () => {
    const controller = new PbtController(space, { seed: 1, population: 8 });
    // Member 5 is best, then 2; members 0 and 7 are worst.
    const decisions = controller.step(scoresOf([0.9, 0.5, 0.2, 0.4, 0.6, 0.1, 0.3, 0.8]), 4);
    expect(decisions.map((decision) => decision.to).sort()).toEqual([0, 7]);
    for (const decision of decisions) expect([5, 2]).toContain(decision.from);
    const after = controller.params;
    for (const member of [1, 2, 3, 4, 5, 6]) {
      expect(after[member]).toEqual(controller.lineage.find((entry) => entry.step === 0 && entry.member === member)!.params);
    }
  });

  it('ranks diverged members (null or NaN) last, so they are always replaced', () => {
    const controller = new PbtController(space, { seed: 2, population: 8 });
    const decisions = controller.step(scoresOf([0.1, null, 0.2, 0.3, NaN, 0.05, 0.4, 0.5]), 4);
    expect(decisions.map((decision) => decision.to).sort()).toEqual([1, 4]);
    expect(decisions.every((decision) => [0, 5].includes(decision.from))).toBe(true);
  });

  it('explores by multiplying by 0.8 or 1.2 within the bounds, moving ints and choices by a step', () => {
    const controller = new PbtController(space, { seed: 3, population: 4, resampleProbability: 0 });
    for (let round = 0; round < 20; round++) {
      const before = controller.params;
      for (const { from, params } of controller.step(scoresOf([0.1, 0.2, 0.3, 0.4]), round + 1)) {
        const parent = before[from];
        const ratio = (params.learningRate as number) / (parent.learningRate as number);
        const clamped = params.learningRate === 1e-4 || params.learningRate === 1;
        expect(clamped || Math.abs(ratio - 0.8) < 1e-12 || Math.abs(ratio - 1.2) < 1e-12).toBe(true);
        expect(Number.isInteger(params.units)).toBe(true);
        expect(params.units as number).toBeGreaterThanOrEqual(2);
        expect(params.units as number).toBeLessThanOrEqual(32);
        expect(params.units === 2 || params.units === 32 || params.units !== parent.units).toBe(true);
        const moved = Math.abs(space[2].type === 'choice' ? space[2].values.indexOf(params.activation) - space[2].values.indexOf(parent.activation) : 0);
        expect(moved).toBeLessThanOrEqual(1);
        expect(params.dropout as number).toBeLessThanOrEqual(0.5);
      }
    }
  });

  it('resamples hyperparameters from the whole space when told to always resample', () => {
    const controller = new PbtController(space, { seed: 6, population: 4, resampleProbability: 1 });
    const rates = new Set<number>();
    for (let round = 0; round < 10; round++) {
      const before = controller.params;
      for (const { from, params } of controller.step(scoresOf([0.1, 0.2, 0.3, 0.4]), round + 1)) {
        const ratio = (params.learningRate as number) / (before[from].learningRate as number);
        rates.add(Math.round(Math.log10(ratio)));
      }
    }
    expect(rates.size).toBeGreaterThan(2); // jumps of several decades, not ×0.8 / ×1.2
  });

  it('records every member at every step, with its generation and the member it copied', () => {
    const controller = new PbtController(space, { seed: 7, population: 4 });
    controller.step(scoresOf([0.4, 0.1, 0.3, 0.2]), 5);
    controller.step(scoresOf([0.05, 0.1, 0.3, 0.2]), 10);
    const at = (step: number, member: number) => controller.lineage.find((entry) => entry.step === step && entry.member === member)!;
    expect(controller.lineage).toHaveLength(12);
    expect(at(1, 0)).toMatchObject({ epoch: 5, parent: 1, generation: 1, score: 0.4 });
    expect(at(1, 1)).toMatchObject({ parent: null, generation: 0 });
    expect(at(2, 2)).toMatchObject({ epoch: 10, parent: 0, generation: 1 });
    expect(at(2, 0)).toMatchObject({ parent: null, generation: 1, params: at(1, 0).params });
  });

  it('gives the same decisions for the same seed and scores', () => {
    const run = () => {
      const controller = new PbtController(space, { seed: 9, population: 16 });
      return [1, 2, 3].map((round) => controller.step(Array.from({ length: 16 }, (_, i) => ((i * 7 + round) % 16) / 16), round * 4));
    };
    expect(run()).toEqual(run());
  });

  it('starts from a given initial population, e.g. a random search’s proposals', () => {
    const initial = new PbtController(space, { seed: 11, population: 4 }).params;
    const controller = new PbtController(space, { seed: 12, population: 4, initial });
    expect(controller.params).toEqual(initial);
    expect(() => new PbtController(space, { seed: 12, population: 4, initial: initial.slice(1) })).toThrow('invalid initial population: 3 points for 4 members');
  });

  it('with a margin, lets a member copy only a parent clearly better than itself (diverged members always copy)', () => {
    const controller = new PbtController(space, { seed: 13, population: 8, margin: 0.05 });
    // A plateau: everyone within 2% of 0.69, so nobody copies.
    expect(controller.step(scoresOf([0.69, 0.7, 0.695, 0.692, 0.698, 0.701, 0.694, 0.69]), 5)).toEqual([]);
    // The bottom two: member 1 diverged, member 3 is far behind either parent (0.1 or 0.12).
    const decisions = controller.step(scoresOf([0.1, null, 0.12, 0.5, 0.2, 0.25, 0.3, 0.22]), 10);
    expect(decisions.map((decision) => decision.to).sort()).toEqual([1, 3]);
    const close = new PbtController(space, { seed: 13, population: 4, margin: 0.5 });
    expect(close.step(scoresOf([0.1, 0.12, 0.14, 0.149]), 5)).toEqual([]);
    expect(close.step(scoresOf([0.1, 0.12, 0.14, 0.151]), 10).map((decision) => decision.to)).toEqual([3]);
  });

  it('throws on a population under 2 or a fraction outside (0, 0.5]', () => {
    expect(() => new PbtController(space, { seed: 1, population: 1 })).toThrow('invalid population: 1');
    expect(() => new PbtController(space, { seed: 1, population: 4, fraction: 0.7 })).toThrow('invalid fraction: 0.7');
  });
});

describe('ancestry', () => {
  const entry = (step: number, member: number, parent: number | null, label: string, score: number | null): LineageEntry => ({
    step,
    epoch: step * 4,
    member,
    generation: 0,
    parent,
    params: { label },
    score,
  });

  it("follows copies back to the ancestors' weights and params, oldest first", () => {
    const lineage = [
      entry(0, 0, null, 'a0', null),
      entry(0, 1, null, 'b0', null),
      entry(1, 0, null, 'a1', 0.2),
      entry(1, 1, 0, 'b1', 0.9), // 1 copies 0 at step 1 and trains with b1
      entry(2, 0, 1, 'a2', 0.8), // 0 copies 1 at step 2 and trains with a2
      entry(2, 1, null, 'b1', 0.1),
      entry(3, 0, null, 'a2', 0.05),
      entry(3, 1, null, 'b1', 0.3),
    ];
    expect(ancestry(lineage, 0)).toEqual([
      { step: 1, member: 0, params: { label: 'a0' }, score: 0.2 },
      { step: 2, member: 1, params: { label: 'b1' }, score: 0.1 },
      { step: 3, member: 0, params: { label: 'a2' }, score: 0.05 },
    ]);
    expect(ancestry(lineage, 1).map((interval) => interval.member)).toEqual([0, 1, 1]);
  });
});

describe('pbtBaseProblem', () => {
  it('accepts a network with a fixed-rate optimiser and refuses other models and hypergradient rules with the fix', () => {
    expect(pbtBaseProblem({ kind: 'mlp', optimizer: 'adam' })).toBe('');
    expect(pbtBaseProblem({ kind: 'tree', optimizer: 'adam' })).toMatch(/choose the MLP model/);
    expect(pbtBaseProblem({ kind: 'mlp', optimizer: 'adam-hd' })).toMatch(/adam-hd would move it too: choose adam in the Train tab/);
    expect(pbtBaseProblem({ kind: 'mlp', optimizer: 'sgd-hd' })).toMatch(/choose sgd in/);
  });
});
