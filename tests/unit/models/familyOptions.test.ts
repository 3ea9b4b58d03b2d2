import { describe, expect, it } from 'vitest';
import { defaultModelSettings } from '../../../src/lib/core/modelSettings';
import { familyOptions, isClassicKind } from '../../../src/lib/models/familyOptions';

describe('familyOptions', () => {
  it('reads depth 0 as a tree without a depth limit', () => {
    expect(familyOptions('tree', { ...defaultModelSettings, maxDepth: 0, minSamplesLeaf: 3, criterion: 'entropy' })).toMatchObject({ maxDepth: null, minSamplesLeaf: 3, criterion: 'entropy' });
  });

  it('reads boosting rounds from the epochs and its shrinkage from the learning rate, capped at 1', () => {
    expect(familyOptions('boosting', { ...defaultModelSettings, epochs: 70, learningRate: 3, maxDepth: 2, subsample: 0.7 })).toMatchObject({ rounds: 70, learningRate: 1, maxDepth: 2, subsample: 0.7 });
  });

  it('turns a forest\'s features per split into √, half or all of them', () => {
    expect(familyOptions('forest', { ...defaultModelSettings, splitFeatures: 'sqrt' }).maxFeatures).toBe('sqrt');
    expect(familyOptions('forest', { ...defaultModelSettings, splitFeatures: 'half' }).maxFeatures).toBe(0.5);
    expect(familyOptions('forest', { ...defaultModelSettings, splitFeatures: 'all', treeCount: 9, bootstrap: false })).toMatchObject({ maxFeatures: 1, treeCount: 9, bootstrap: false });
  });

  it('passes a linear model its penalty, alpha, L1 share and degree, and k-NN its k and weighting', () => {
    expect(familyOptions('linear', { ...defaultModelSettings, penalty: 'elasticNet', alpha: 0.3, l1Ratio: 0.2, degree: 4 })).toMatchObject({ penalty: 'elasticNet', alpha: 0.3, l1Ratio: 0.2, degree: 4, standardize: true });
    expect(familyOptions('knn', { ...defaultModelSettings, neighbors: 11, weighting: 'distance' })).toEqual({ k: 11, weighting: 'distance' });
  });

  it('tells the classic families from the MLP and the old ridge', () => {
    expect(['linear', 'tree', 'forest', 'boosting', 'knn'].every(isClassicKind)).toBe(true);
    expect(isClassicKind('mlp')).toBe(false);
    expect(isClassicKind('ridge')).toBe(false);
  });
});
