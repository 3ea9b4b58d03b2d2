import { createRandom } from '../core/random';
import { planeDataset, type Dataset } from './dataset';

/** Settings of the concentric-circles generator. */
export interface CirclesOptions {
  /** Total number of points, alternating between the inner and the outer ring. */
  samples: number;
  /** Standard deviation of the Gaussian jitter, as a fraction of the gap between the rings (0 = clean rings). */
  noise: number;
  /** Seed of the generator. */
  seed: number;
}

/** Radii of the rings, [inner, outer], in data units; class k lies on ring k. */
export const circleRadii: readonly [number, number] = [0.4, 0.8];

/**
 * A ring inside a ring, centred on the origin: class 0 is the inner ring, class 1 the outer.
 * No straight line separates them, but a feature like x² + y² (or a hidden layer) does.
 */
export function circles({ samples, noise, seed }: CirclesOptions): Dataset {
  const random = createRandom(seed);
  const features = new Float32Array(samples * 2);
  const targets = new Float32Array(samples);
  const jitter = noise * (circleRadii[1] - circleRadii[0]) * 0.5;
  // A random phase per ring so the evenly spaced points of the two rings do not line up.
  const phases = [random.uniform(0, 2 * Math.PI), random.uniform(0, 2 * Math.PI)];
  for (let i = 0; i < samples; i++) {
    const label = i % 2;
    const rank = Math.floor(i / 2);
    const perClass = Math.ceil((samples - label) / 2);
    const angle = phases[label] + (2 * Math.PI * rank) / perClass;
    const radius = circleRadii[label];
    features[2 * i] = radius * Math.cos(angle) + jitter * random.normal();
    features[2 * i + 1] = radius * Math.sin(angle) + jitter * random.normal();
    targets[i] = label;
  }
  return planeDataset('circles', features, targets, ['inner ring', 'outer ring']);
}
