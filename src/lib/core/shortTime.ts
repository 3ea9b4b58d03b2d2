/**
 * A moment as "30 Nov, 16:57" in local time, written by hand: the first toLocaleString call of a
 * page loads the browser's locale data, which took one task of 0.1–1 s, and the saved-studies list
 * made that call the moment an imported study was listed.
 */

const monthNames = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'];
const twoDigits = (value: number) => String(value).padStart(2, '0');

/** Day, short month and 24-hour time of `time` (ms since the Unix epoch), as en-GB writes them. */
export function shortTime(time: number): string {
  const date = new Date(time);
  return `${date.getDate()} ${monthNames[date.getMonth()]}, ${twoDigits(date.getHours())}:${twoDigits(date.getMinutes())}`;
}
