import { describe, expect, it } from 'vitest';
import { maxSettled, readSettled, settle, type KeyValueStore } from '../../../src/lib/storage/settledStudies';

function memoryStore(): KeyValueStore & { values: Map<string, string> } {
  const values = new Map<string, string>();
  return { values, getItem: (key) => values.get(key) ?? null, setItem: (key, value) => void values.set(key, value) };
}

describe('settledStudies', () => {
  it('remembers settled ids in the store, the newest kept when there are too many', () => {
    const store = memoryStore();
    for (let i = 0; i < maxSettled + 5; i++) settle(store, `s${i}`);
    const settled = readSettled(store);
    expect(settled.size).toBe(maxSettled);
    expect(settled.has(`s${maxSettled + 4}`)).toBe(true);
    expect(settled.has('s0')).toBe(false);
  });

  it('reads damaged or missing storage as nothing settled, and settles for the page when writing throws', () => {
    const store = memoryStore();
    store.values.set('tuning-playground:settled-studies', '{not json');
    expect(readSettled(store).size).toBe(0);
    expect(readSettled(null).size).toBe(0);
    const full: KeyValueStore = { getItem: () => null, setItem: () => { throw new DOMException('full', 'QuotaExceededError'); } };
    expect(settle(full, 'a').has('a')).toBe(true);
  });
});
