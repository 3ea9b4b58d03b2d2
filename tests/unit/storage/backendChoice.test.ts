import { describe, expect, it } from 'vitest';
import { readBackendChoice, saveBackendChoice } from '../../../src/lib/storage/backendChoice';

function memoryStore(): Pick<Storage, 'getItem' | 'setItem'> {
  const values = new Map<string, string>();
  return { getItem: (key) => values.get(key) ?? null, setItem: (key, value) => void values.set(key, value) };
}

describe('backendChoice', () => {
  it('a saved choice is read back on the next visit', () => {
    const store = memoryStore();
    saveBackendChoice(store, 'wasm');
    expect(readBackendChoice(store)).toBe('wasm');
  });

  it('no store, an empty one, an unknown name or a store that throws all read as auto', () => {
    const store = memoryStore();
    expect(readBackendChoice(null)).toBe('auto');
    expect(readBackendChoice(store)).toBe('auto');
    store.setItem('tuning-playground:backend', 'quantum');
    expect(readBackendChoice(store)).toBe('auto');
    const throwing = { getItem: () => { throw new Error('blocked'); }, setItem: () => { throw new Error('blocked'); } };
    expect(readBackendChoice(throwing)).toBe('auto');
    expect(() => saveBackendChoice(throwing, 'cpu')).not.toThrow();
  });
});
