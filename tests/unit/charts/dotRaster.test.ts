import { describe, expect, it } from 'vitest';
import { scaleLinear } from 'd3';
import { dotRaster, dotRasterSteps, linearPlacement, rgbOf } from '../../../src/lib/charts/dotRaster';

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

describe('dotRasterSteps', () => {
  it('paints what dotRaster paints, yielding after every slice of dots and after each layer', () => {
    const count = 10_000;
    const xs = Float64Array.from({ length: count }, (_, index) => (index * 37) % 420);
    const ys = Float64Array.from({ length: count }, (_, index) => (index * 11) % 220);
    const faint = Uint8Array.from({ length: count }, (_, index) => index % 3 === 0 ? 1 : 0);
    const layers = [{ color: '#2f6fb0', xs, ys, faint }, { color: '#c0392b', xs: ys, ys: xs, faint }];
    const steps = dotRasterSteps(layers, identity, identity, 420, 220, [0.8, 0.35], 1000);
    let yields = 0;
    let step = steps.next();
    while (!step.done) {
      yields++;
      step = steps.next();
    }
    // 10 slices of 1,000 dots and one blend, per layer.
    expect(yields).toBe(22);
    expect(step.value).toEqual(dotRaster(layers, identity, identity, 420, 220));
  });
});

describe('linearPlacement', () => {
  it('places values as a d3 linear scale does, clamped where asked, and a flat domain at the middle', () => {
    const y = scaleLinear().domain([0.2, 1.7]).nice().range([184, 10]).clamp(true);
    const placeY = linearPlacement(y.domain(), y.range(), true);
    const x = scaleLinear().domain([1, 200_000]).range([52, 396]);
    const placeX = linearPlacement(x.domain(), x.range());
    for (const value of [-5, 0, 0.2, 0.77, 1.7, 3, 1e308]) expect(placeY(value)).toBeCloseTo(y(value), 9);
    for (const value of [1, 2, 99_999, 200_000, 250_000]) expect(placeX(value)).toBeCloseTo(x(value), 9);
    expect(linearPlacement([3, 3], [0, 100])(7)).toBe(50);
  });
});
