/**
 * Names over the axes of parallel coordinates that never run into each other: when neighbours
 * are closer than their names are wide, names alternate between two rows, and a name too wide
 * even for two axes' room is shortened with an ellipsis.
 */
import { textWidth } from './legendLayout';

/** One axis name as shown: its (possibly shortened) text and its row (0 nearest the plot). */
export interface AxisName {
  text: string;
  row: 0 | 1;
}

/** `name` cut to at most `room` px at the chart's 10 px type, with an ellipsis when cut. */
export function fitName(name: string, room: number): string {
  const chars = Math.max(3, Math.floor(room / 6.1));
  return name.length <= chars ? name : `${name.slice(0, chars - 1)}…`;
}

/** Names for axes `spacing` px apart: one row when they fit, otherwise alternating rows, each fitted to its room. */
export function axisNameRows(names: readonly string[], spacing: number): AxisName[] {
  const gap = 6;
  const fitsOneRow = names.every((name, i) => {
    const next = names[i + 1];
    return next === undefined || (textWidth(name) + textWidth(next)) / 2 + gap <= spacing;
  });
  if (fitsOneRow) return names.map((text) => ({ text, row: 0 }));
  // On alternating rows a name has two spacings of room (one either side of its axis).
  return names.map((name, i) => ({ text: fitName(name, 2 * spacing - gap), row: (i % 2) as 0 | 1 }));
}
