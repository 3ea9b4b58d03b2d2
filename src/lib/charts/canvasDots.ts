/**
 * Dots drawn on a canvas (CanvasDots.svelte): what one is, when a chart uses them, and hit testing.
 */

/** One dot in pixels, with the trial it stands for. */
export interface CanvasDot {
  id: number;
  x: number;
  y: number;
  color: string;
  opacity: number;
}

/** Dots past which a chart draws on a canvas instead of SVG circles. */
export const canvasDotThreshold = 2000;

/** The dot nearest (px, py) within `radius` pixels, or null; one pass, no recursion. */
export function nearestDot(dots: readonly CanvasDot[], px: number, py: number, radius = 6): CanvasDot | null {
  let found: CanvasDot | null = null;
  let bestDistance = radius * radius;
  for (const dot of dots) {
    const distance = (dot.x - px) ** 2 + (dot.y - py) ** 2;
    if (distance <= bestDistance) {
      bestDistance = distance;
      found = dot;
    }
  }
  return found;
}
