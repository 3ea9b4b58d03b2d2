/**
 * A whole number with thousands separators, "12,345", written by hand: the first toLocaleString call
 * of a page loads the locale data, a main-thread task of 0.1–1.4 s on a loaded machine (measured with
 * bench/scaleProfile.ts as it landed during a study import).
 */

/** `value` rounded to a whole number, with a comma between each group of three digits. */
export function groupDigits(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const rounded = Math.round(value);
  const digits = String(Math.abs(rounded));
  // Numbers past 1e21 print in exponent form: left as they are.
  if (digits.includes('e')) return String(rounded);
  let grouped = '';
  for (let end = digits.length; end > 0; end -= 3) grouped = `${digits.slice(Math.max(0, end - 3), end)}${grouped === '' ? '' : `,${grouped}`}`;
  return rounded < 0 ? `-${grouped}` : grouped;
}
