/**
 * The pixels of a region underlay: one pixel per grid cell, coloured by the model's answer there
 * (the predicted class, paler where the classes are nearly tied, or a value's colour mixed
 * with white), for a canvas that the browser stretches over the chart's frame.
 */
import { rgb } from 'd3';
import { classRgb } from './palette';

/** Colours `cells` RGBA pixels of `pixels` by the class with the highest output, paler where the model is unsure. */
export function classRegionPixels(outputs: ArrayLike<number>, outputSize: number, cells: number, pixels: Uint8ClampedArray): void {
  const chance = 1 / outputSize;
  for (let cell = 0; cell < cells; cell++) {
    let best = 0;
    for (let k = 1; k < outputSize; k++) if (outputs[cell * outputSize + k] > outputs[cell * outputSize + best]) best = k;
    // Confidence above chance, 0..1: pale where the classes are nearly tied.
    const confidence = outputSize > 1 ? Math.max(0, (outputs[cell * outputSize + best] - chance) / (1 - chance)) : 1;
    const [r, g, b] = classRgb[best % classRgb.length];
    const mix = 0.15 + 0.55 * confidence;
    pixels[cell * 4] = 255 + (r - 255) * mix;
    pixels[cell * 4 + 1] = 255 + (g - 255) * mix;
    pixels[cell * 4 + 2] = 255 + (b - 255) * mix;
    pixels[cell * 4 + 3] = 255;
  }
}

/** Colours `cells` RGBA pixels by `color(value)` of each cell's first output, mixed with white by `1 - strength`. */
export function valueRegionPixels(outputs: ArrayLike<number>, outputSize: number, cells: number, color: (value: number) => string, pixels: Uint8ClampedArray, strength = 0.6): void {
  for (let cell = 0; cell < cells; cell++) {
    const { r, g, b } = rgb(color(outputs[cell * outputSize]));
    pixels[cell * 4] = 255 + (r - 255) * strength;
    pixels[cell * 4 + 1] = 255 + (g - 255) * strength;
    pixels[cell * 4 + 2] = 255 + (b - 255) * strength;
    pixels[cell * 4 + 3] = 255;
  }
}
