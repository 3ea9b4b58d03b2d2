/**
 * Keyboard use of a chart's trial marks, as a roving tab stop: one mark per chart is in the Tab
 * order, the arrow keys (and Home / End) move focus between the marks in the order they are drawn,
 * and Enter or Space selects the focused trial as a click does.
 */

/** What a key does on a focused mark: select it, move focus, or nothing (null). */
export type MarkKeyAction = 'select' | 'next' | 'previous' | 'first' | 'last';

const actions: Record<string, MarkKeyAction> = {
  Enter: 'select',
  ' ': 'select',
  ArrowRight: 'next',
  ArrowDown: 'next',
  ArrowLeft: 'previous',
  ArrowUp: 'previous',
  Home: 'first',
  End: 'last',
};

/** The action of `key` on a focused mark, or null when the key is not a mark's. */
export function markKeyAction(key: string): MarkKeyAction | null {
  return actions[key] ?? null;
}

/** Index of the mark that gets focus after `action` from `index` among `count` marks (clamped at both ends). */
export function movedIndex(action: Exclude<MarkKeyAction, 'select'>, index: number, count: number): number {
  if (action === 'first') return 0;
  if (action === 'last') return count - 1;
  return Math.max(0, Math.min(count - 1, index + (action === 'next' ? 1 : -1)));
}

/** The id of the one mark in the Tab order: the focused one, else the selected one, else the first; null when there is none. */
export function tabStopId(ids: readonly number[], focusedId: number | null, selectedId: number | null): number | null {
  if (focusedId !== null && ids.includes(focusedId)) return focusedId;
  if (selectedId !== null && ids.includes(selectedId)) return selectedId;
  return ids[0] ?? null;
}

/**
 * Handles a key on a mark: selects through `onselect`, or moves focus to a sibling among the
 * elements matching `selector` in the mark's chart (`svg`). Keys it handles go no further, so the
 * page's own keys (presentation mode's space and arrows) do not act on them too.
 */
export function handleMarkKey(event: KeyboardEvent, selector: string, onselect: () => void): void {
  const action = markKeyAction(event.key);
  const mark = event.currentTarget as Element | null;
  if (!action || !mark) return;
  event.preventDefault();
  event.stopPropagation();
  if (action === 'select') return onselect();
  const marks = Array.from(mark.closest('svg')?.querySelectorAll<SVGElement>(selector) ?? []);
  const index = marks.indexOf(mark as SVGElement);
  marks[movedIndex(action, index, marks.length)]?.focus();
}
