/**
 * Numbers and settings as the analyses' sentences show them.
 */
import { cellCount, type Dimension } from '../core/space';

/** A number with 2 significant digits, without exponent for everyday sizes: 0.00012, 0.52, 64, 1.2e-7. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value !== 0 && (Math.abs(value) < 1e-5 || Math.abs(value) >= 1e6)) return value.toExponential(1);
  return String(Number(value.toPrecision(2)));
}

/** A setting's value as shown: numbers formatted, text as it is. */
export function formatValue(value: number | string): string {
  return typeof value === 'number' ? formatNumber(value) : value;
}

/** A share in [0, 1] as a whole percentage: 0.812 → "81%". */
export function formatShare(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** A dimension's name in words: learningRate → "learning rate". */
export function settingLabel(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

/** True for dimensions whose values have an order and more than two of them (real, log, int with 3+ values). */
export function isOrdered(dimension: Dimension): boolean {
  return dimension.type !== 'choice' && cellCount(dimension) >= 3;
}
