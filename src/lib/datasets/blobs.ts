import { createRandom } from '../core/random';
import { planeDataset, type Dataset } from './dataset';

/** Settings of the Gaussian-blobs generator. */
export interface BlobsOptions {
  /** Total number of points, dealt to the classes in turn. */
  samples: number;
  /** Extra spread of each blob: its standard deviation is 0.05 + 0.3 * noise, in data units. */
  noise: number;
  /** Number of blobs, one class each: 2 to 5 (3 by default). */
  classes?: number;
  /** Seed of the generator. */
  seed: number;
}

/** Distance of every blob centre from the origin, in data units. */
export const blobRing = 0.6;

/** Centre [x, y] of blob `label` out of `classes`: evenly spaced on a ring, starting at 45°. */
export function blobCentre(label: number, classes: number): [number, number] {
  const angle = Math.PI / 4 + (2 * Math.PI * label) / classes;
  return [blobRing * Math.cos(angle), blobRing * Math.sin(angle)];
}

/** Standard deviation of each blob, in data units, for a given noise setting. */
export function blobSpread(noise: number): number {
  return 0.05 + 0.3 * noise;
}

/**
 * Round Gaussian clouds, one class each, with centres evenly spaced on a ring:
 * linearly separable when clean, overlapping as the noise grows.
 */
export function blobs({ samples, noise, classes = 3, seed }: BlobsOptions): Dataset {
  if (!Number.isInteger(classes) || classes < 2 || classes > 5) {
    throw new RangeError(`blobs: classes must be an integer from 2 to 5, got ${classes}`);
  }
  const random = createRandom(seed);
  const features = new Float32Array(samples * 2);
  const targets = new Float32Array(samples);
  const spread = blobSpread(noise);
  for (let i = 0; i < samples; i++) {
    const label = i % classes;
    const [centreX, centreY] = blobCentre(label, classes);
    features[2 * i] = centreX + spread * random.normal();
    features[2 * i + 1] = centreY + spread * random.normal();
    targets[i] = label;
  }
  return planeDataset('blobs', features, targets, Array.from({ length: classes }, (_, k) => `blob ${k + 1}`));
}
