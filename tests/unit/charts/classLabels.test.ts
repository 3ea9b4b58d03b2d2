import { describe, expect, it } from 'vitest';
import { sharedPrefix, shortClassLabels } from '../../../src/lib/charts/classLabels';

describe('shortClassLabels', () => {
  it('drops a shared "class " prefix instead of showing "class / class"', () => {
    expect(shortClassLabels(['class 1', 'class 2', 'class 3'])).toEqual(['1', '2', '3']);
  });
  it('drops the shared "Iris-" of the iris classes', () => {
    expect(shortClassLabels(['Iris-setosa', 'Iris-versicolor', 'Iris-virginica'])).toEqual(['setosa', 'versico…', 'virgini…']);
  });
  it('keeps short distinct names as they are', () => {
    expect(shortClassLabels(['setosa', 'versicolor', 'virginica'], 10)).toEqual(['setosa', 'versicolor', 'virginica']);
    expect(shortClassLabels(['0', '1', '2'])).toEqual(['0', '1', '2']);
  });
  it('keeps a prefix when dropping it would leave a name empty', () => {
    expect(shortClassLabels(['cat', 'cat food'])).toEqual(['cat', 'cat food']);
  });
  it('cuts only at a word boundary', () => {
    expect(sharedPrefix(['classic', 'classy'])).toBe('');
    expect(sharedPrefix(['big dog', 'big cat'])).toBe('big ');
  });
});
