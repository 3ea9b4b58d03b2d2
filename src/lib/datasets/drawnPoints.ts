import type { Dataset } from './dataset';

/** One point a person placed on the 2-D canvas, in data coordinates ([-1, 1]² on screen). */
export interface DrawnPoint {
  /** Horizontal position, data units. */
  x: number;
  /** Vertical position, data units (up is positive). */
  y: number;
  /** Class index, 0 .. classCount − 1. */
  label: number;
}

/** A classification dataset of the drawn points (features shape [points.length * 2]); throws on a label outside 0..classCount−1. */
export function datasetFromPoints(points: readonly DrawnPoint[], classCount: number): Dataset {
  if (!Number.isInteger(classCount) || classCount < 2) throw new RangeError(`drawn data needs at least 2 classes, got ${classCount}`);
  const features = new Float32Array(points.length * 2);
  const targets = new Float32Array(points.length);
  points.forEach(({ x, y, label }, row) => {
    if (!Number.isInteger(label) || label < 0 || label >= classCount) {
      throw new RangeError(`point ${row + 1} has class ${label}, outside 0..${classCount - 1}`);
    }
    if (!Number.isFinite(x) || !Number.isFinite(y)) throw new RangeError(`point ${row + 1} is not at a finite position`);
    features[2 * row] = x;
    features[2 * row + 1] = y;
    targets[row] = label;
  });
  return {
    name: 'drawn',
    task: 'classification',
    size: points.length,
    featureCount: 2,
    features,
    targets,
    classCount,
    featureNames: ['x', 'y'],
    classNames: Array.from({ length: classCount }, (_, k) => `class ${k + 1}`),
  };
}

/** The points without the one nearest (x, y) if it lies within `radius` (data units); otherwise the same array. */
export function removeNearestPoint(points: readonly DrawnPoint[], x: number, y: number, radius: number): readonly DrawnPoint[] {
  let nearest = -1;
  let nearestDistance = radius;
  points.forEach((point, index) => {
    const distance = Math.hypot(point.x - x, point.y - y);
    if (distance <= nearestDistance) {
      nearest = index;
      nearestDistance = distance;
    }
  });
  return nearest < 0 ? points : points.filter((_, index) => index !== nearest);
}

/** Which classes are still missing from the drawn points, so the page can say what to add before training. */
export function missingClasses(points: readonly DrawnPoint[], classCount: number): number[] {
  const present = new Set(points.map((point) => point.label));
  return Array.from({ length: classCount }, (_, label) => label).filter((label) => !present.has(label));
}
