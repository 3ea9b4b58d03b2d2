import { describe, expect, it } from 'vitest';
import { conditionText, withConditions } from '../../../src/lib/core/searchConditions';
import { searchFormDimension } from '../../../src/lib/core/settings';
import { validateSpace } from '../../../src/lib/core/space';

describe('search conditions from the settings table', () => {
  it('makes units conditional on hidden layers and momentum on the optimizer when both are searched', () => {
    const space = withConditions(['learningRate', 'units', 'hiddenLayers', 'optimizer', 'momentum'].map((name) => searchFormDimension(name as never)));
    validateSpace(space);
    expect(space.find((dimension) => dimension.name === 'units')?.when).toEqual({ dimension: 'hiddenLayers', atLeast: 1 });
    expect(space.find((dimension) => dimension.name === 'momentum')?.when).toEqual({ dimension: 'optimizer', in: ['momentum'] });
    expect(space.find((dimension) => dimension.name === 'learningRate')?.when).toBeUndefined();
  });

  it('leaves a dimension plain when its condition setting is not searched', () => {
    const space = withConditions([searchFormDimension('units'), searchFormDimension('momentum')]);
    expect(space.every((dimension) => dimension.when === undefined)).toBe(true);
  });

  it('reads a condition as a sentence', () => {
    expect(conditionText({ dimension: 'hiddenLayers', atLeast: 1 })).toBe('only when hiddenLayers ≥ 1');
    expect(conditionText({ dimension: 'optimizer', in: ['momentum'] })).toBe('only when optimizer is momentum');
  });
});
