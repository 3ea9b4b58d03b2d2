/**
 * The first n points of three designs in the unit square, for the picture of why low-discrepancy
 * points fill a space more evenly: independent uniform draws (random search), a Latin hypercube
 * of n points (even along each axis) and a scrambled Sobol' sequence (even in every box), each
 * with its centred L2 discrepancy (discrepancy.ts; lower is more even). Random and Sobol' points
 * are prefixes of one stream, so a larger n keeps the earlier points; a Latin hypercube is built
 * for its n, as the quasi-random search builds one for its budget.
 */
import { createRandom } from '../core/random';
import { centredDiscrepancy } from './discrepancy';
import { latinHypercube } from './latinHypercube';
import { SobolSequence } from './sobol';

/** The designs compared, in the order the picture shows them. */
export const designKinds = ['random', 'latin-hypercube', 'sobol'] as const;
/** One of designKinds. */
export type DesignKind = (typeof designKinds)[number];

/** One design's points (each [x, y] in [0, 1)) and their squared centred L2 discrepancy. */
export interface Design {
  kind: DesignKind;
  points: Float64Array[];
  discrepancy: number;
}

/** The first n points of a design in the unit square, from seed. */
export function designPoints(kind: DesignKind, n: number, seed: number): Float64Array[] {
  if (!Number.isInteger(n) || n < 1) throw new Error(`invalid n: ${n}`);
  const random = createRandom(seed).fork(kind);
  if (kind === 'latin-hypercube') return latinHypercube(n, 2, random);
  if (kind === 'sobol') {
    const sequence = new SobolSequence(2, random);
    return Array.from({ length: n }, () => sequence.next());
  }
  return Array.from({ length: n }, () => Float64Array.of(random.next(), random.next()));
}

/** The three designs of n points from seed, each with its discrepancy. */
export function compareDesigns(n: number, seed: number): Design[] {
  return designKinds.map((kind) => {
    const points = designPoints(kind, n, seed);
    return { kind, points, discrepancy: centredDiscrepancy(points) };
  });
}
