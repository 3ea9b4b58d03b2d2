import { describe, expect, it } from 'vitest';
import { groupSummary, searchFormEntries } from '../../../src/lib/panels/searchRowGroups';

const form = ['learningRate', 'units', 'units2', 'units3', 'units4', 'units5', 'units6', 'hiddenLayers', 'optimizer', 'momentum', 'beta1', 'beta2'];

describe('searchFormEntries', () => {
  it('folds the later layers\' widths and Adam\'s β\'s into one entry each, where their first row was', () => {
    expect(searchFormEntries(form)).toEqual([
      { kind: 'row', name: 'learningRate' },
      { kind: 'row', name: 'units' },
      { kind: 'group', key: 'layer-widths', label: 'per-layer widths', names: ['units2', 'units3', 'units4', 'units5', 'units6'] },
      { kind: 'row', name: 'hiddenLayers' },
      { kind: 'row', name: 'optimizer' },
      { kind: 'row', name: 'momentum' },
      { kind: 'group', key: 'adam-betas', label: "Adam β's", names: ['beta1', 'beta2'] },
    ]);
  });
  it('leaves layer 1\'s width and every other setting as rows of their own', () => {
    expect(searchFormEntries(['units', 'l2', 'dropout'])).toEqual([
      { kind: 'row', name: 'units' },
      { kind: 'row', name: 'l2' },
      { kind: 'row', name: 'dropout' },
    ]);
  });
  it('keeps a group of one row folded, so the form does not change shape as the layer range changes', () => {
    expect(searchFormEntries(['units', 'units2'])).toEqual([
      { kind: 'row', name: 'units' },
      { kind: 'group', key: 'layer-widths', label: 'per-layer widths', names: ['units2'] },
    ]);
  });
});

describe('groupSummary', () => {
  it('names the rows a group holds and how many are searched', () => {
    expect(groupSummary({ key: 'layer-widths', label: 'per-layer widths', names: ['units2', 'units3', 'units4'] }, 0)).toBe('per-layer widths… (units2–units4)');
    expect(groupSummary({ key: 'adam-betas', label: "Adam β's", names: ['beta1', 'beta2'] }, 1)).toBe("Adam β's… (beta1, beta2) · 1 searched");
  });
});
