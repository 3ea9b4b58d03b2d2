/**
 * Dots painted straight into canvas pixels (3×3 each) for charts of hundreds of thousands of
 * points: dots are first counted per pixel, then each pixel is blended once, so the cost is a few
 * integer additions per dot and no object per dot. n dots of opacity a over one pixel cover it
 * with opacity 1 − (1 − a)ⁿ, as painting them one over another would.
 */

/** One series of dots: its colour, its x and y data (shape [count]), and which dots are faint (1) or strong (0). */
export interface DotLayer {
  color: string;
  xs: ArrayLike<number>;
  /** y data; NaN draws no dot. */
  ys: ArrayLike<number>;
  faint: ArrayLike<number>;
}

/** A `#rrggbb` colour as [r, g, b]; grey for anything else. */
export function rgbOf(color: string): [number, number, number] {
  const match = /^#([0-9a-f]{6})$/i.exec(color);
  const value = match ? parseInt(match[1], 16) : 0x888888;
  return [value >> 16, (value >> 8) & 255, value & 255];
}

/** Dots counted between two yields of dotRasterSteps: a few milliseconds of a quiet machine's time. */
export const dotsPerStep = 4096;

/**
 * dotRaster as steps: yields after every `perStep` dots and after each layer's blend, and returns the
 * pixels, so a caller can spread 400,000 dots over many short tasks and keep the page responsive.
 */
export function* dotRasterSteps(layers: readonly DotLayer[], x: (value: number) => number, y: (value: number) => number, width: number, height: number, opacities: [number, number] = [0.8, 0.35], perStep = dotsPerStep): Generator<void, Uint8ClampedArray, void> {
  const pixels = new Uint8ClampedArray(width * height * 4);
  const counts = new Uint16Array(width * height * 2);
  for (const layer of layers) {
    counts.fill(0);
    for (let start = 0; start < layer.xs.length; start += perStep) {
      const end = Math.min(layer.xs.length, start + perStep);
      for (let at = start; at < end; at++) {
        const value = layer.ys[at];
        if (Number.isNaN(value)) continue;
        const cx = Math.round(x(layer.xs[at]));
        const cy = Math.round(y(value));
        const kind = layer.faint[at] ? 1 : 0;
        for (let py = Math.max(0, cy - 1); py <= Math.min(height - 1, cy + 1); py++) {
          for (let px = Math.max(0, cx - 1); px <= Math.min(width - 1, cx + 1); px++) {
            const cell = (py * width + px) * 2 + kind;
            if (counts[cell] < 65535) counts[cell]++;
          }
        }
      }
      yield;
    }
    const color = rgbOf(layer.color);
    for (let pixel = 0; pixel < width * height; pixel++) {
      for (let kind = 0; kind < 2; kind++) {
        const count = counts[pixel * 2 + kind];
        if (count === 0) continue;
        const opacity = 1 - (1 - opacities[kind]) ** count;
        const at = pixel * 4;
        const below = pixels[at + 3] / 255;
        const alpha = opacity + below * (1 - opacity);
        for (let channel = 0; channel < 3; channel++) pixels[at + channel] = (color[channel] * opacity + pixels[at + channel] * below * (1 - opacity)) / alpha;
        pixels[at + 3] = alpha * 255;
      }
    }
    yield;
  }
  return pixels;
}

/**
 * RGBA pixels (shape [height, width, 4]) of the layers' dots placed through x and y (data to
 * pixels), later layers over earlier ones; `opacities` are those of strong and faint dots.
 */
export function dotRaster(layers: readonly DotLayer[], x: (value: number) => number, y: (value: number) => number, width: number, height: number, opacities: [number, number] = [0.8, 0.35]): Uint8ClampedArray {
  const steps = dotRasterSteps(layers, x, y, width, height, opacities, Infinity);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * A linear scale from `domain` to `range` as a plain function (clamped to the range if asked): what
 * a d3 linear scale computes, without its several calls per value, for placing 200,000 dots.
 */
export function linearPlacement([d0, d1]: readonly number[], [r0, r1]: readonly number[], clamp = false): (value: number) => number {
  const slope = d1 === d0 ? 0 : (r1 - r0) / (d1 - d0);
  const low = Math.min(r0, r1);
  const high = Math.max(r0, r1);
  const mid = (r0 + r1) / 2;
  return (value) => {
    const placed = d1 === d0 ? mid : r0 + (value - d0) * slope;
    return clamp ? Math.min(high, Math.max(low, placed)) : placed;
  };
}
