import { describe, expect, it } from 'vitest';
import { maxCalibrations, readCalibrations, saveCalibration } from '../../../src/lib/storage/calibrationCache';
import type { KeyValueStore } from '../../../src/lib/storage/settledStudies';

function memoryStore(): KeyValueStore & { values: Map<string, string> } {
  const values = new Map<string, string>();
  return { values, getItem: (key) => values.get(key) ?? null, setItem: (key, value) => void values.set(key, value) };
}

describe('calibrationCache', () => {
  it('keeps calibrations by key, replacing a key and dropping the oldest beyond the limit', () => {
    const store = memoryStore();
    saveCalibration(store, 'k1|a', [{ candidate: 'wasm', rate: 1 }]);
    saveCalibration(store, 'k1|a', [{ candidate: 'wasm', rate: 2 }]);
    expect(readCalibrations(store)).toEqual({ 'k1|a': [{ candidate: 'wasm', rate: 2 }] });
    for (let i = 0; i < maxCalibrations + 3; i++) saveCalibration(store, `k${i}|b`, [{ candidate: 'cpu', rate: i }]);
    const kept = readCalibrations(store);
    expect(Object.keys(kept)).toHaveLength(maxCalibrations);
    expect(kept[`k${maxCalibrations + 2}|b`]).toEqual([{ candidate: 'cpu', rate: maxCalibrations + 2 }]);
    expect(kept['k1|a']).toBeUndefined();
  });

  it('reads missing, damaged or blocked storage as no calibrations, and drops malformed entries', () => {
    expect(readCalibrations(null)).toEqual({});
    const store = memoryStore();
    store.setItem('tuning-playground:calibrations', '{not json');
    expect(readCalibrations(store)).toEqual({});
    store.setItem('tuning-playground:calibrations', JSON.stringify({ good: [{ candidate: 'wasm', rate: 3 }], bad: [{ candidate: 'wasm' }], empty: [] }));
    expect(readCalibrations(store)).toEqual({ good: [{ candidate: 'wasm', rate: 3 }] });
    const throwing: KeyValueStore = { getItem: () => null, setItem: () => { throw new Error('quota'); } };
    expect(() => saveCalibration(throwing, 'k', [{ candidate: 'cpu', rate: 1 }])).not.toThrow();
  });
});
