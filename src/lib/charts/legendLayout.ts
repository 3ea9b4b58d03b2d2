/**
 * What a chart's legend shows and where each entry goes: entries flow left to right and wrap
 * within the chart's width. Pure, so the export and the page lay out the same legend.
 */

/** One legend entry: a colour swatch, a mark as the chart draws it, a line, or a colour ramp with its values. */
export type LegendItem =
  | { kind: 'swatch'; label: string; color: string }
  | { kind: 'mark'; label: string; mark: 'filled' | 'hollow' | 'dashed' | 'best' | 'selected' | 'cross' | 'faded' | 'next'; color?: string }
  | { kind: 'line'; label: string; color: string; dashed?: boolean }
  | { kind: 'ramp'; label: string; colors: readonly string[]; low: string; high: string };

/** A legend entry at its place (top-left corner, px) and its width. */
export interface PlacedItem {
  item: LegendItem;
  x: number;
  y: number;
  width: number;
}

/** Width of a ramp's colour bar, px. */
export const rampWidth = 90;
/** Height of one legend row, px; a ramp row is taller (its values sit under the bar). */
export const rowHeight = 16;
const rampRowHeight = 30;
const gap = 12;
const glyph = 16;

/** Approximate width of `text` at the legend's 11 px type. */
export function textWidth(text: string): number {
  return Math.ceil(text.length * 6.1);
}

/** Width of one entry, px. */
export function itemWidth(item: LegendItem): number {
  if (item.kind === 'ramp') return Math.max(rampWidth, textWidth(item.low) + textWidth(item.high) + 8) + 6 + textWidth(item.label);
  return glyph + 4 + textWidth(item.label);
}

/** Entries placed in rows no wider than `width`; the legend's height and the width its rows use. */
export function layoutLegend(items: readonly LegendItem[], width: number): { placed: PlacedItem[]; height: number; width: number } {
  const placed: PlacedItem[] = [];
  let x = 0;
  let y = 0;
  let tallest = 0;
  for (const item of items) {
    const w = itemWidth(item);
    const h = item.kind === 'ramp' ? rampRowHeight : rowHeight;
    if (x > 0 && x + w > width) {
      x = 0;
      y += tallest + 4;
      tallest = 0;
    }
    placed.push({ item, x, y, width: w });
    x += w + gap;
    tallest = Math.max(tallest, h);
  }
  let used = 0;
  for (const entry of placed) used = Math.max(used, entry.x + entry.width);
  return { placed, height: placed.length === 0 ? 0 : y + tallest + 2, width: Math.min(width, used + 2) };
}

/** `count` colours sampled evenly from an interpolator over [0, 1], for a ramp. */
export function rampColors(interpolate: (t: number) => string, count = 9): string[] {
  return Array.from({ length: count }, (_, i) => interpolate(i / (count - 1)));
}
