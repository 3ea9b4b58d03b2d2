import { createRandom } from '../core/random';
import { planeDataset, type Dataset } from './dataset';

/** Settings of the spiral generator. */
export interface SpiralOptions {
  /** Total number of points, split as evenly as possible between the arms. */
  samples: number;
  /** Standard deviation of the Gaussian jitter, in units of the outer radius (0 = clean arms). */
  noise: number;
  /** Number of arms, one class each (2 by default). */
  classes?: number;
  /** Seed of the generator. */
  seed: number;
}

/**
 * Interleaved spiral arms in the square [-1, 1]^2, one class per arm: the classic dataset
 * that a linear model cannot separate and a small MLP can.
 */
export function spiral({ samples, noise, classes = 2, seed }: SpiralOptions): Dataset {
  const random = createRandom(seed);
  const features = new Float32Array(samples * 2);
  const targets = new Float32Array(samples);
  const turns = 1.75;
  for (let i = 0; i < samples; i++) {
    const label = i % classes;
    const rank = Math.floor(i / classes);
    const perClass = Math.ceil((samples - label) / classes);
    const t = perClass > 1 ? rank / (perClass - 1) : 0;
    // Radius grows from the centre to 0.9 so noisy points stay mostly inside [-1, 1].
    const radius = 0.05 + 0.85 * t;
    const angle = turns * 2 * Math.PI * t + (2 * Math.PI * label) / classes;
    const x = radius * Math.cos(angle) + noise * random.normal() * 0.25;
    const y = radius * Math.sin(angle) + noise * random.normal() * 0.25;
    features[2 * i] = Math.max(-1, Math.min(1, x));
    features[2 * i + 1] = Math.max(-1, Math.min(1, y));
    targets[i] = label;
  }
  return planeDataset('spiral', features, targets, Array.from({ length: classes }, (_, k) => `class ${k + 1}`));
}
