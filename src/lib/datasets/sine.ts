import { curveDataset, type CurveOptions } from './curveDataset';
import type { Dataset } from './dataset';

/** The noise-free curve of the sine dataset: two full periods over [-1, 1], amplitude 1. */
export function sineCurve(x: number): number {
  return Math.sin(2 * Math.PI * x);
}

/** Standard deviation of the noise on y at noise = 1, in target units. */
export const sineNoiseScale = 0.5;

/**
 * A noisy sine, y = sin(2πx) + noise: a straight line or a cubic underfits its four bends,
 * degree 5 to 9 fits, and degree 15 on a few dozen points chases the noise.
 */
export function sine(options: CurveOptions): Dataset {
  return curveDataset('sine', sineCurve, sineNoiseScale, options);
}
