import { describe, expect, it } from 'vitest';
import { searchRowMatters, type SearchRowState } from '../../../src/lib/core/searchRowRelevance';

const row = (name: string, enabled: boolean, low = 0, high = 0): SearchRowState => ({ name, enabled, low, high });

describe('searchRowMatters', () => {
  it('offers the units of layer k only when some trial can have k layers', () => {
    const fixedTwo = { hiddenLayers: 2, optimizer: 'adam' as const };
    expect(searchRowMatters('units2', fixedTwo, [row('hiddenLayers', false)])).toBe(true);
    expect(searchRowMatters('units3', fixedTwo, [row('hiddenLayers', false)])).toBe(false);
    expect(searchRowMatters('units3', fixedTwo, [row('hiddenLayers', true, 0, 3)])).toBe(true);
    expect(searchRowMatters('units4', fixedTwo, [row('hiddenLayers', true, 0, 3)])).toBe(false);
    expect(searchRowMatters('units2', { ...fixedTwo, hiddenLayers: 6 }, [row('hiddenLayers', true, 1, 1)])).toBe(false);
  });

  it("offers Adam's β's only when some trial can use Adam", () => {
    expect(searchRowMatters('beta1', { hiddenLayers: 2, optimizer: 'adam' }, [])).toBe(true);
    expect(searchRowMatters('beta2', { hiddenLayers: 2, optimizer: 'adam-hd' }, [])).toBe(true);
    expect(searchRowMatters('beta1', { hiddenLayers: 2, optimizer: 'sgd' }, [row('optimizer', false)])).toBe(false);
    expect(searchRowMatters('beta2', { hiddenLayers: 2, optimizer: 'sgd' }, [row('optimizer', true)])).toBe(true);
  });

  it('always offers the other rows', () => {
    expect(searchRowMatters('learningRate', { hiddenLayers: 0, optimizer: 'sgd' }, [])).toBe(true);
    expect(searchRowMatters('units', { hiddenLayers: 0, optimizer: 'sgd' }, [])).toBe(true);
  });
});
