import { curveDataset, type CurveOptions } from './curveDataset';
import type { Dataset } from './dataset';

/** Coefficients of the polynomial dataset's true curve, lowest power first: 0.2 − 1.2x − 0.4x² + 1.6x³. */
export const polynomialCoefficients: readonly number[] = [0.2, -1.2, -0.4, 1.6];

/** The noise-free curve of the polynomial dataset (a cubic), evaluated by Horner's rule. */
export function polynomialCurve(x: number): number {
  let value = 0;
  for (let power = polynomialCoefficients.length - 1; power >= 0; power--) {
    value = value * x + polynomialCoefficients[power];
  }
  return value;
}

/** Standard deviation of the noise on y at noise = 1, in target units. */
export const polynomialNoiseScale = 0.3;

/**
 * A noisy cubic on [-1, 1]: degree 1 underfits its S shape, degree 3 matches the truth,
 * and high degrees overfit the noise — the classic picture behind choosing a degree by validation.
 */
export function polynomial(options: CurveOptions): Dataset {
  return curveDataset('polynomial', polynomialCurve, polynomialNoiseScale, options);
}
