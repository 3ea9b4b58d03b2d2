import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { balancedZ, describeParams, leaningOf, proposalReason, settingWords, type ProposalFacts } from '../../../src/lib/analysis/proposalReason';

const facts = (overrides: Partial<ProposalFacts>): ProposalFacts => ({
  params: { learningRate: 0.0213, units: 8 },
  phase: 'acquisition',
  acquisitionName: 'expected-improvement',
  acquisition: 0.000719,
  mean: 0.31,
  std: 0.05,
  alternative: null,
  ...overrides,
});

/** Standard normal density and distribution, for checking the balance point independently. */
const phi = (z: number) => Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI);
function bigPhi(z: number): number {
  // Abramowitz & Stegun 26.2.17.
  const t = 1 / (1 + 0.2316419 * Math.abs(z));
  const tail = phi(z) * t * (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
  return z >= 0 ? 1 - tail : tail;
}

describe('proposalReason', () => {
  it('explains a point bought by uncertainty near the best as exploring, in the words of the issue', () => {
    const reason = proposalReason(facts({ mean: 0.31, std: 0.05 }), 0.3);
    expect(reason.sentence).toBe('Tried learning rate 0.021, units 8 because the model expects a low loss there, 0.31 ± 0.05, and is still unsure: exploring.');
    expect(reason.leaning).toBe('exploring');
  });

  it('calls a point predicted clearly below the best exploiting', () => {
    const reason = proposalReason(facts({ mean: 0.25, std: 0.02 }), 0.3);
    expect(reason.leaning).toBe('exploiting');
    expect(reason.sentence).toContain('below the best so far (0.3): exploiting');
  });

  it('says when the model expects worse on average but is unsure', () => {
    const reason = proposalReason(facts({ mean: 0.6, std: 0.1 }), 0.3);
    expect(reason.sentence).toContain('worse than the best so far (0.3) on average');
    expect(reason.leaning).toBe('exploring');
  });

  it('puts the exact acquisition value and prediction in the detail', () => {
    const reason = proposalReason(facts({ alternative: { acquisition: 0.000512345 } }), 0.3);
    expect(reason.detail).toContain('The acquisition (expected improvement) there: 0.000719000');
    expect(reason.detail).toContain('predicted loss 0.310000 ± 0.0500000');
    expect(reason.detail).toContain('best alternative elsewhere scored 0.000512345');
  });

  it('explains the initial design and random points without a model', () => {
    expect(proposalReason(facts({ phase: 'initial design', acquisition: null, mean: null, std: null }), null).sentence).toMatch(/^Tried learning rate 0.021, units 8 to spread the first trials/);
    const random = proposalReason(facts({ phase: 'random', acquisition: null, mean: null, std: null }), 0.3);
    expect(random.sentence).toMatch(/at random/);
    expect(random.leaning).toBeNull();
  });

  it('writes integer settings as integers and uses given labels', () => {
    expect(describeParams({ hiddenLayers: 0, activation: 'relu' })).toBe('hidden layers 0, activation relu');
    expect(describeParams({ learningRate: 1e-4 }, { learningRate: 'Learning rate' })).toBe('Learning rate 1e-4');
    expect(settingWords('l2')).toBe('l2');
  });

  it('never shows an exponent with a plus sign or "NaN" for any finite prediction', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 10, noNaN: true }), fc.double({ min: 1e-6, max: 5, noNaN: true }), fc.double({ min: 1e-6, max: 10, noNaN: true }), (mean, std, best) => {
        const reason = proposalReason(facts({ mean, std }), best);
        expect(reason.sentence).not.toMatch(/e\+|NaN|undefined/);
        expect(reason.sentence.endsWith('.')).toBe(true);
        expect(reason.leaning).toBe(leaningOf(mean, std, best));
      }),
    );
  });
});

describe('leaningOf', () => {
  it('switches where the two terms of expected improvement are equal', () => {
    // z·Φ(z) = φ(z) at the balance point.
    expect(balancedZ * bigPhi(balancedZ)).toBeCloseTo(phi(balancedZ), 4);
    expect(leaningOf(1 - (balancedZ + 0.01), 1, 1)).toBe('exploiting');
    expect(leaningOf(1 - (balancedZ - 0.01), 1, 1)).toBe('exploring');
  });
  it('agrees with which term of expected improvement is larger, over many cases', () => {
    fc.assert(
      fc.property(fc.double({ min: -1, max: 2, noNaN: true }), fc.double({ min: 0.01, max: 2, noNaN: true }), (z, std) => {
        fc.pre(Math.abs(z - balancedZ) > 0.002);
        const mean = -z * std;
        const gain = (0 - mean) * bigPhi(z);
        const spread = std * phi(z);
        expect(leaningOf(mean, std, 0)).toBe(gain > spread ? 'exploiting' : 'exploring');
      }),
    );
  });
});
