/**
 * Where a confusion matrix puts its class names: a label column as wide as the longest name
 * (names past `maxChars` cut with an ellipsis, the full name kept for the tooltip), and column
 * labels across the top, turned 45° when the longest does not fit over its column.
 */
import { maxOf } from '../core/extent';
import { shortClassLabels } from './classLabels';

/** The confusion matrix's labels, their font size, and the margins (px) around the grid that hold them. */
export interface ConfusionLayout {
  labels: string[];
  fontSize: number;
  /** Column labels turned 45° up and to the right. */
  rotated: boolean;
  left: number;
  top: number;
  right: number;
}

/** Room for the axis title ("true", "predicted") and the gap before the labels, px. */
const titleRoom = 24;
const sin45 = Math.SQRT1_2;

/** Lays out the labels of `names` around a grid of cells `bandwidth` px wide; `measure` gives a label's width in px at a font size. */
export function confusionLayout(names: readonly string[], bandwidth: number, measure: (text: string, fontSize: number) => number, maxChars = 16): ConfusionLayout {
  const labels = shortClassLabels(names, maxChars);
  const fontSize = Math.min(12, bandwidth * 0.45);
  const longest = maxOf([0, ...labels.map((label) => measure(label, fontSize))]);
  const rotated = longest > bandwidth - 4;
  const left = Math.max(40, Math.ceil(longest + titleRoom));
  const top = rotated ? Math.ceil(titleRoom + (longest + fontSize) * sin45) : Math.max(40, Math.ceil(titleRoom + fontSize + 4));
  // A turned label runs right of its column's centre, past the last column.
  const right = rotated ? Math.max(4, Math.ceil((longest + fontSize) * sin45 - bandwidth / 2)) : 4;
  return { labels, fontSize, rotated, left, top, right };
}
