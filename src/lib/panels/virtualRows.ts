/**
 * Which rows of a long, fixed-row-height table to render for a scroll position (TrialTable.svelte).
 */

/** Height of one row in pixels (TrialTable.svelte fixes it in its style). */
export const rowHeight = 22;

/** The rows to render for a scroll position: from `first` (inclusive) to `last` (exclusive). */
export function visibleRows(scrollTop: number, viewHeight: number, count: number, overscan = 8): { first: number; last: number } {
  const first = Math.max(0, Math.min(count, Math.floor(scrollTop / rowHeight) - overscan));
  const last = Math.max(first, Math.min(count, Math.ceil((scrollTop + viewHeight) / rowHeight) + overscan));
  return { first, last };
}
