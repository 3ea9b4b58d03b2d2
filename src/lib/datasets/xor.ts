import { createRandom } from '../core/random';
import { planeDataset, type Dataset } from './dataset';

/** Settings of the XOR (quadrants) generator. */
export interface XorOptions {
  /** Total number of points, alternating between the two classes. */
  samples: number;
  /** Standard deviation of the Gaussian jitter added after labelling, in units of the half-width 1 (0 = clean). */
  noise: number;
  /** Seed of the generator. */
  seed: number;
}

/** Empty band on each side of the axes, in data units, so clean data has a visible gap between quadrants. */
export const xorMargin = 0.05;

/**
 * Points in the four quadrants of [-1, 1]^2: class 0 where x and y have the same sign
 * (quadrants I and III), class 1 where they differ (II and IV) — the exclusive-or pattern.
 */
export function xor({ samples, noise, seed }: XorOptions): Dataset {
  const random = createRandom(seed);
  const features = new Float32Array(samples * 2);
  const targets = new Float32Array(samples);
  const jitter = noise * 0.25;
  for (let i = 0; i < samples; i++) {
    const label = i % 2;
    const signX = random.next() < 0.5 ? -1 : 1;
    const signY = label === 0 ? signX : -signX;
    features[2 * i] = signX * random.uniform(xorMargin, 1) + jitter * random.normal();
    features[2 * i + 1] = signY * random.uniform(xorMargin, 1) + jitter * random.normal();
    targets[i] = label;
  }
  return planeDataset('xor', features, targets, ['same sign', 'opposite signs']);
}
