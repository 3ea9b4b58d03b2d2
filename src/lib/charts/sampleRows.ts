/**
 * Which rows a scatter plot draws: all of them up to a cap, past it an evenly spaced sample, so a
 * 20,000-row upload draws a few thousand marks (each an SVG element) and a note says so.
 */

/** Most points a scatter plot draws as SVG circles. */
export const maxDrawnPoints = 2000;

/** Row indices to draw, ascending: 0..size-1 when size <= max, else `max` rows spread evenly over all of them. */
export function sampleRows(size: number, max = maxDrawnPoints): number[] {
  const count = Math.min(size, max);
  const rows = new Array<number>(count);
  for (let i = 0; i < count; i++) rows[i] = size <= max ? i : Math.floor((i * size) / count);
  return rows;
}
