import { describe, expect, it } from 'vitest';
import { classRegionPixels, valueRegionPixels } from '../../../src/lib/charts/regionPixels';
import { classRgb } from '../../../src/lib/charts/palette';

describe('classRegionPixels', () => {
  it('colours each cell by its most likely class, full strength (70%) when sure and palest (15%) at a tie', () => {
    const pixels = new Uint8ClampedArray(3 * 4);
    classRegionPixels([1, 0, 0.5, 0.5, 0.1, 0.9], 2, 3, pixels);
    const [r0, g0, b0] = classRgb[0];
    expect(Array.from(pixels.subarray(0, 4))).toEqual([255 + (r0 - 255) * 0.7, 255 + (g0 - 255) * 0.7, 255 + (b0 - 255) * 0.7, 255].map(Math.round));
    expect(Array.from(pixels.subarray(4, 8))).toEqual([255 + (r0 - 255) * 0.15, 255 + (g0 - 255) * 0.15, 255 + (b0 - 255) * 0.15, 255].map(Math.round));
    const [r1] = classRgb[1];
    expect(pixels[8]).toBe(Math.round(255 + (r1 - 255) * (0.15 + 0.55 * 0.8)));
  });
});

describe('valueRegionPixels', () => {
  it('colours each cell by its value’s colour mixed with white', () => {
    const pixels = new Uint8ClampedArray(2 * 4);
    valueRegionPixels([0, 1], 1, 2, (value) => (value < 0.5 ? 'rgb(0, 0, 0)' : 'rgb(255, 0, 0)'), pixels, 0.5);
    expect(Array.from(pixels)).toEqual([128, 128, 128, 255, 255, 128, 128, 255]);
  });
});
