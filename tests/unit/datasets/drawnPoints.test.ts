import { describe, expect, it } from 'vitest';
import { datasetFromPoints, missingClasses, removeNearestPoint, type DrawnPoint } from '../../../src/lib/datasets/drawnPoints';

const six: DrawnPoint[] = [
  { x: -0.5, y: 0.5, label: 0 }, { x: -0.4, y: 0.6, label: 0 }, { x: -0.6, y: 0.4, label: 0 },
  { x: 0.5, y: -0.5, label: 1 }, { x: 0.4, y: -0.6, label: 1 }, { x: 0.6, y: -0.4, label: 1 },
];

describe('drawn points', () => {
  it('datasetFromPoints turns six drawn points into a two-class dataset in drawing order', () => {
    const dataset = datasetFromPoints(six, 2);
    expect(dataset.size).toBe(6);
    expect(Array.from(dataset.features.slice(0, 2))).toEqual([Math.fround(-0.5), Math.fround(0.5)]);
    expect(Array.from(dataset.targets)).toEqual([0, 0, 0, 1, 1, 1]);
  });

  it('datasetFromPoints rejects a class outside the class count', () => {
    expect(() => datasetFromPoints([{ x: 0, y: 0, label: 2 }], 2)).toThrow(/point 1 has class 2/);
  });

  it('removeNearestPoint removes only the closest point within the radius', () => {
    expect(removeNearestPoint(six, -0.41, 0.61, 0.05)).toHaveLength(5);
    expect(removeNearestPoint(six, -0.41, 0.61, 0.05)).not.toContainEqual(six[1]);
    expect(removeNearestPoint(six, 0, 0, 0.05)).toBe(six);
  });

  it('missingClasses lists the classes with no point yet', () => {
    expect(missingClasses(six.slice(0, 3), 3)).toEqual([1, 2]);
    expect(missingClasses(six, 2)).toEqual([]);
  });
});
