/** One colour per trial state, shared by the timeline and cost views. */
export const stateColors: Record<string, string> = {
  complete: '#4e79a7',
  pruned: '#f28e2b',
  diverged: '#e15759',
  failed: '#7f7f7f',
  running: '#59a14f',
  queued: '#bab0ac',
};

/** The colour of a trial state (grey for one not listed). */
export function stateColor(state: string): string {
  return stateColors[state] ?? '#bab0ac';
}
