import { createRandom } from '../core/random';
import { planeDataset, type Dataset } from './dataset';

/** Settings of the two-moons generator. */
export interface MoonsOptions {
  /** Total number of points, alternating between the two moons. */
  samples: number;
  /** Standard deviation of the Gaussian jitter, as a fraction of half the moon radius (0 = clean arcs). */
  noise: number;
  /** Seed of the generator. */
  seed: number;
}

/** Radius of each moon's arc, in data units. */
export const moonRadius = 0.6;

/** Centres of the circles the two moons are cut from, [class][x, y]; their offset interlocks the arcs. */
export const moonCentres: readonly (readonly [number, number])[] = [
  [-moonRadius / 2, -moonRadius / 4],
  [moonRadius / 2, moonRadius / 4],
];

/**
 * Two interlocking half circles in [-1, 1]^2: the upper arc is class 0, the lower arc class 1.
 * A straight line cannot separate them; one bend of a small MLP can.
 */
export function moons({ samples, noise, seed }: MoonsOptions): Dataset {
  const random = createRandom(seed);
  const features = new Float32Array(samples * 2);
  const targets = new Float32Array(samples);
  const jitter = noise * moonRadius * 0.5;
  for (let i = 0; i < samples; i++) {
    const label = i % 2;
    const rank = Math.floor(i / 2);
    const perClass = Math.ceil((samples - label) / 2);
    // Evenly spaced angles along the arc keep the shape readable at small sample counts.
    const angle = perClass > 1 ? (Math.PI * rank) / (perClass - 1) : Math.PI / 2;
    const [centreX, centreY] = moonCentres[label];
    const direction = label === 0 ? 1 : -1;
    features[2 * i] = centreX + moonRadius * Math.cos(angle) + jitter * random.normal();
    features[2 * i + 1] = centreY + direction * moonRadius * Math.sin(angle) + jitter * random.normal();
    targets[i] = label;
  }
  return planeDataset('moons', features, targets, ['upper moon', 'lower moon']);
}
