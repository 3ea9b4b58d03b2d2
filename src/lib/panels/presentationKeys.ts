/**
 * The keys of presentation mode on the search page, as a pure decision: space runs or pauses,
 * → steps one trial (or moves the replay on while one is shown), ← / → scrub the replay while the
 * search is not running. The page applies the decision; Esc and "p" are the page shell's.
 */
import type { RunnerStatus } from '../study/studyRunner';

/** What a key asks of the search: start, pause, resume, step one trial, or show the replay after `replayStep` trials (null: live). */
export type SearchKeyAction =
  | { kind: 'start' | 'pause' | 'resume' | 'step' }
  | { kind: 'replay'; replayStep: number | null };

/** What the decision reads: the study's status ('none' before the first run), its replay step and how many trials it has. */
export interface SearchKeyState {
  status: RunnerStatus | 'none';
  replayStep: number | null;
  trialCount: number;
}

/** The action for a key in presentation mode, or null when the key means nothing here. */
export function searchKeyAction(key: string, state: SearchKeyState): SearchKeyAction | null {
  const running = state.status === 'running' || state.status === 'pausing';
  if (key === ' ') {
    if (running) return { kind: 'pause' };
    if (state.status === 'paused') return { kind: 'resume' };
    return { kind: 'start' };
  }
  if (running || (key !== 'ArrowLeft' && key !== 'ArrowRight')) return null;
  const shown = state.replayStep ?? state.trialCount;
  if (key === 'ArrowLeft') return state.trialCount > 0 ? { kind: 'replay', replayStep: Math.max(0, shown - 1) } : null;
  if (state.replayStep !== null) return { kind: 'replay', replayStep: shown + 1 >= state.trialCount ? null : shown + 1 };
  if (state.status === 'paused' || state.status === 'none' || state.status === 'idle') return { kind: 'step' };
  return null;
}

/** Whether a key press belongs to a form control (typing, or a focused button's own space), so the page leaves it alone. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).closest !== 'function') return false;
  return (target as Element).closest('input, select, textarea, button, summary, [contenteditable="true"]') !== null;
}
