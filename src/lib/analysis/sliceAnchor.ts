/**
 * Where a two-dimensional view of a larger search space cuts it: every searched setting not on
 * an axis is held at the best trial's value (or the middle of its range before there is one).
 */
import { valueFromUnit, type Dimension, type Params } from '../core/space';
import type { Trial } from '../core/trial';

/** The params at which a slice holds every dimension: the best trial's values, else each range's middle. */
export function sliceAnchor(space: readonly Dimension[], best: Pick<Trial, 'params'> | null): Params {
  const values: Params = {};
  for (const dimension of space) values[dimension.name] = best?.params[dimension.name] ?? valueFromUnit(dimension, 0.5);
  return values;
}
