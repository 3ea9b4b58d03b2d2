import { createRandom } from '../core/random';
import type { Dataset } from './dataset';

/** Settings shared by the 1-D regression generators. */
export interface CurveOptions {
  /** Number of points, with x drawn uniformly from [-1, 1]. */
  samples: number;
  /** Standard deviation of the Gaussian noise on y, as a fraction of the curve's noise scale (0 = exact). */
  noise: number;
  /** Seed of the generator. */
  seed: number;
}

/**
 * Samples y = curve(x) + noiseScale * noise * N(0, 1) at x uniform in [-1, 1]:
 * a one-feature regression dataset (features shape [samples], targets shape [samples]).
 */
export function curveDataset(
  name: string,
  curve: (x: number) => number,
  noiseScale: number,
  { samples, noise, seed }: CurveOptions,
): Dataset {
  const random = createRandom(seed);
  const features = new Float32Array(samples);
  const targets = new Float32Array(samples);
  for (let i = 0; i < samples; i++) {
    const x = random.uniform(-1, 1);
    features[i] = x;
    targets[i] = curve(x) + noiseScale * noise * random.normal();
  }
  return {
    name,
    task: 'regression',
    size: samples,
    featureCount: 1,
    features,
    targets,
    classCount: 0,
    featureNames: ['x'],
    classNames: [],
  };
}
