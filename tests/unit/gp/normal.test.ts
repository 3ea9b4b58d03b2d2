import { describe, expect, it } from 'vitest';
import {
  erfc,
  logExpectedImprovementFactor,
  logNormalCdf,
  normalCdf,
  normalPdf,
} from '../../../src/lib/gp/normal';

describe('normal', () => {
  it('normalPdf and normalCdf match tabulated values', () => {
    // Reference values from Abramowitz & Stegun (1964), table 26.1.
    expect(normalPdf(0)).toBeCloseTo(0.3989422804, 10);
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(1)).toBeCloseTo(0.8413447461, 10);
    expect(normalCdf(-1.96)).toBeCloseTo(0.0249978951, 10);
  });

  it('normalCdf keeps relative accuracy deep in the left tail', () => {
    // Φ(−10) = 7.6198530241605e−24 (high-precision reference).
    expect(normalCdf(-10) / 7.6198530241605e-24).toBeCloseTo(1, 10);
    expect(erfc(5) / 1.5374597944280349e-12).toBeCloseTo(1, 10);
  });

  it('erfc is continuous where it switches from series to continued fraction', () => {
    expect(erfc(3 - 1e-9)).toBeCloseTo(erfc(3 + 1e-9), 11); // slope there is about −1.4e−4
    expect(erfc(3) / 2.209049699858544e-5).toBeCloseTo(1, 10);
  });

  it('logNormalCdf agrees with log(normalCdf) where both are finite and stays finite beyond', () => {
    for (const z of [-2, -4.9, -5, -8, -20]) expect(logNormalCdf(z)).toBeCloseTo(Math.log(normalCdf(z)), 8);
    expect(Number.isFinite(logNormalCdf(-60))).toBe(true);
    expect(logNormalCdf(-60)).toBeLessThan(logNormalCdf(-59));
  });

  it('logExpectedImprovementFactor equals log(φ(z) + zΦ(z)) and is smooth across its switch at −5', () => {
    for (const z of [1, 0, -1, -3]) {
      expect(logExpectedImprovementFactor(z)).toBeCloseTo(Math.log(normalPdf(z) + z * normalCdf(z)), 10);
    }
    expect(logExpectedImprovementFactor(-5 - 1e-9)).toBeCloseTo(logExpectedImprovementFactor(-5 + 1e-9), 7);
    expect(Number.isFinite(logExpectedImprovementFactor(-100))).toBe(true);
    expect(logExpectedImprovementFactor(-100)).toBeLessThan(logExpectedImprovementFactor(-99));
  });
});
