import { describe, expect, it } from 'vitest';
import { confusionLayout } from '../../../src/lib/charts/confusionLayout';

/** Every character 0.6 of the font size wide. */
const measure = (text: string, fontSize: number) => text.length * fontSize * 0.6;
const iris = ['Iris-setosa', 'Iris-versicolor', 'Iris-virginica'];

describe('confusionLayout', () => {
  it('keeps "versicolor" whole and sizes the label column to it', () => {
    const layout = confusionLayout(iris, 70, measure);
    expect(layout.labels).toEqual(['setosa', 'versicolor', 'virginica']);
    // 10 characters at 12 px: 72 px of label, plus room for the "true" title.
    expect(layout.left).toBe(96);
  });
  it('writes column labels across when the longest fits over its column', () => {
    expect(confusionLayout(['setosa', 'versicolor'], 80, measure)).toMatchObject({ rotated: false, right: 4 });
  });
  it('turns column labels 45° when the longest is wider than its column, with room above and to the right', () => {
    const layout = confusionLayout(['setosa', 'versicolor', 'virginica'], 50, measure);
    expect(layout.rotated).toBe(true);
    const turned = (measure('versicolor', layout.fontSize) + layout.fontSize) * Math.SQRT1_2;
    expect(layout.top).toBeGreaterThanOrEqual(turned + 20);
    expect(layout.right).toBeGreaterThanOrEqual(turned - 25);
  });
  it('cuts a name past 16 characters with an ellipsis, so one long name cannot take the chart', () => {
    const layout = confusionLayout(['a very long class name indeed', 'short'], 100, measure);
    expect(layout.labels).toEqual(['a very long cla…', 'short']);
    expect(layout.left).toBe(Math.ceil(16 * 12 * 0.6 + 24));
  });
  it('keeps ten digit classes across in a small font', () => {
    const layout = confusionLayout(Array.from({ length: 10 }, (_, digit) => String(digit)), 21, measure);
    expect(layout).toMatchObject({ rotated: false, left: 40, top: 40 });
    expect(layout.fontSize).toBeCloseTo(9.45);
  });
});
