import { describe, expect, it } from 'vitest';
import { planeDataset } from '../../../src/lib/datasets/dataset';
import { checkTable, tableFromDataset, tableFromRows } from '../../../src/lib/models/table';

describe('tableFromDataset', () => {
  it('copies the chosen rows, in the order given, with their targets', () => {
    const dataset = planeDataset('toy', Float32Array.of(0, 1, 2, 3, 4, 5), Float32Array.of(0, 1, 0), ['a', 'b']);
    const table = tableFromDataset(dataset, [2, 0]);
    expect(Array.from(table.features)).toEqual([4, 5, 0, 1]);
    expect(Array.from(table.targets)).toEqual([0, 0]);
    expect([table.size, table.featureCount, table.classCount, table.task]).toEqual([2, 2, 2, 'classification']);
    expect(tableFromDataset(dataset).size).toBe(3);
  });
});

describe('checkTable', () => {
  it('explains a missing feature value or target', () => {
    expect(() => checkTable(tableFromRows([[0, 1], [2, Number.NaN]], [0, 1], 2))).toThrow('row 1, column 1 is not a finite number');
    expect(() => checkTable(tableFromRows([[0], [1]], [0.5, Number.POSITIVE_INFINITY], 0))).toThrow('row 1 has no finite target');
  });

  it('explains an empty table and a class index out of range', () => {
    expect(() => checkTable(tableFromRows([], [], 2))).toThrow('a model needs at least one training row');
    expect(() => checkTable(tableFromRows([[0]], [2], 2))).toThrow('row 0 has class 2, outside 0..1');
  });
});
