import { describe, expect, it } from 'vitest';
import { dotRaster, rgbOf } from '../../../src/lib/charts/dotRaster';

const identity = (value: number) => value;

describe('dotRaster', () => {
  it('paints a dot as a 3×3 square of its colour at its opacity, and nothing elsewhere', () => {
    const pixels = dotRaster([{ color: '#ff0000', xs: [2], ys: [2], faint: [0] }], identity, identity, 5, 5);
    const at = (px: number, py: number) => Array.from(pixels.slice((py * 5 + px) * 4, (py * 5 + px) * 4 + 4));
    expect(at(2, 2)).toEqual([255, 0, 0, 204]);
    expect(at(1, 3)).toEqual([255, 0, 0, 204]);
    expect(at(0, 0)).toEqual([0, 0, 0, 0]);
    expect(at(4, 2)).toEqual([0, 0, 0, 0]);
  });

  it('covers a pixel with 1 − (1 − a)ⁿ for n dots, draws faint dots fainter, and skips NaN values', () => {
    const pixels = dotRaster([{ color: '#0000ff', xs: [1, 1, 1, 3, 1], ys: [1, 1, 1, 1, NaN], faint: [0, 0, 0, 1, 0] }], identity, identity, 5, 3);
    expect(pixels[(1 * 5 + 0) * 4 + 3]).toBe(Math.round((1 - 0.2 ** 3) * 255));
    expect(pixels[(1 * 5 + 4) * 4 + 3]).toBe(Math.round(0.35 * 255));
  });

  it('draws a later layer over an earlier one', () => {
    const pixels = dotRaster([{ color: '#ff0000', xs: [1], ys: [1], faint: [0] }, { color: '#0000ff', xs: [1], ys: [1], faint: [0] }], identity, identity, 3, 3);
    const [red, , blue, alpha] = Array.from(pixels.slice(16, 20));
    expect(blue).toBeGreaterThan(red);
    expect(alpha).toBe(Math.round((1 - 0.2 * 0.2) * 255));
  });

  it('paints 400,000 dots, and dots outside the canvas, without error', () => {
    const count = 400_000;
    const xs = new Float64Array(count).map((_, i) => (i % 500) - 40);
    const ys = new Float64Array(count).map((_, i) => i % 230);
    const pixels = dotRaster([{ color: '#2f6fb0', xs, ys, faint: new Uint8Array(count) }], identity, identity, 420, 220);
    expect(pixels.length).toBe(420 * 220 * 4);
    expect(rgbOf('#2f6fb0')).toEqual([0x2f, 0x6f, 0xb0]);
    expect(rgbOf('red')).toEqual([0x88, 0x88, 0x88]);
  });
});
