/**
 * Thompson sampling over a candidate set (Thompson 1933; Kandasamy et al. 2018): one joint
 * sample of the posterior at 400 candidates, a quarter of them near the best points so far.
 */
import type { Random } from '../core/random';
import { featureCount, featuresFromUnit, snapUnit, type Dimension } from '../core/space';
import { thompsonSample } from '../gp/acquisition';
import type { GaussianProcess } from '../gp/gaussianProcess';
import type { ScoredPoint } from './acquisitionOptimizer';

/** Candidates ranked by one joint posterior sample (lower sample ranks higher). */
export function thompsonRanking(space: Dimension[], gp: GaussianProcess, anchors: Float64Array[], random: Random): ScoredPoint[] {
  const d = space.length;
  const count = 400;
  const units: Float64Array[] = [];
  for (let c = 0; c < count; c++) {
    const unit = new Float64Array(d);
    const anchor = c < count / 4 && anchors.length > 0 ? anchors[c % anchors.length] : null;
    for (let k = 0; k < d; k++) unit[k] = anchor ? anchor[k] + 0.05 * random.normal() : random.next();
    units.push(snapUnit(space, unit));
  }
  const width = featureCount(space);
  const points = new Float64Array(count * width);
  units.forEach((unit, i) => points.set(featuresFromUnit(space, unit), i * width));
  const { mean, covariance } = gp.posteriorCovariance(points, count);
  const sample = thompsonSample(mean, covariance, random);
  return units.map((unit, i) => ({ unit, score: -sample[i] })).sort((a, b) => b.score - a.score);
}
