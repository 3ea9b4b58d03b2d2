/**
 * Keyboard use of dots painted on a canvas (KeyedCanvasDots.svelte): the chart is one Tab stop,
 * the keys move a highlight through the dots in the order they are drawn, as markKeys.ts moves
 * focus through SVG marks, with Page Up / Page Down for long jumps, and Enter or Space selects.
 */
import { markKeyAction, movedIndex } from './markKeys';

/** How many dots Page Up / Page Down jump: a twentieth of them, at least one. */
export function pageJump(count: number): number {
  return Math.max(1, Math.round(count / 20));
}

/** What `key` does to the highlight at `index` among `count` dots: 'select', the index it moves to, or null when the key is not the chart's. */
export function canvasKeyIndex(key: string, index: number, count: number): number | 'select' | null {
  if (count === 0) return null;
  if (key === 'PageDown' || key === 'PageUp') return Math.max(0, Math.min(count - 1, index + (key === 'PageDown' ? 1 : -1) * pageJump(count)));
  const action = markKeyAction(key);
  if (!action) return null;
  return action === 'select' ? 'select' : movedIndex(action, index, count);
}
