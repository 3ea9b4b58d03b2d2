import { rgb } from 'd3';

/** Class colours: orange and blue first (as in TensorFlow Playground), then Tableau 10's. */
export const classColors = ['#f28e2b', '#4e79a7', '#59a14f', '#e15759', '#b07aa1', '#76b7b2', '#edc948', '#ff9da7', '#9c755f', '#bab0ac'];

/** Training and validation series colours, used by every curve chart. */
export const seriesColors = { train: '#4e79a7', validation: '#e15759' } as const;

/** The colour of class k. */
export function classColor(k: number): string {
  return classColors[k % classColors.length];
}

/** Class colours as [r, g, b] 0..255 triples, for canvas pixel blending. */
export const classRgb: [number, number, number][] = classColors.map((color) => {
  const { r, g, b } = rgb(color);
  return [r, g, b];
});
