/**
 * Numbers as a person reads them: integers as integers ("0", "64"), everyday sizes with a few
 * significant digits and no exponent ("0.006", "0.312"), and only very small or very large
 * magnitudes in a short exponent form ("1e-4", "2.5e-5", "3e7"). One formatter for every view.
 */

/** Smallest magnitude written without an exponent. */
const smallest = 1e-3;
/** Magnitude from which numbers are written with an exponent. */
const largest = 1e6;

/** `value` with `digits` significant digits (default 3), integers exact, exponent only below 0.001 or from 1e6. */
export function formatNumber(value: number, digits = 3): string {
  if (Number.isNaN(value)) return '—';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
  if (value === 0) return '0';
  const size = Math.abs(value);
  if (Number.isInteger(value) && size < largest) return String(value);
  if (size >= smallest && size < largest) {
    const rounded = Number(value.toPrecision(digits));
    // Never more digits after the point than the number needs, and never "-0".
    return String(Object.is(rounded, -0) ? 0 : rounded);
  }
  const [mantissa, exponent] = value.toExponential(digits - 1).split('e');
  return `${String(Number(mantissa))}e${Number(exponent)}`;
}

/** A setting's value: numbers through formatNumber, anything else as written. */
export function formatValue(value: number | string | boolean, digits = 3): string {
  return typeof value === 'number' ? formatNumber(value, digits) : String(value);
}

/** Labels for axis ticks: the fewest significant digits (from `digits`) that keep neighbouring ticks distinct. */
export function formatTicks(values: readonly number[], digits = 3): string[] {
  for (let precision = digits; precision <= 8; precision++) {
    const labels = values.map((value) => formatNumber(value, precision));
    if (new Set(labels).size === new Set(values).size) return labels;
  }
  return values.map((value) => formatNumber(value, 8));
}

/** Only the integers among `ticks` (for counts: trials, epochs); `ticks` unchanged when none is. */
export function integerTicks(ticks: readonly number[]): number[] {
  const integers = ticks.filter((value) => Number.isInteger(value));
  return integers.length > 0 ? integers : [...ticks];
}
