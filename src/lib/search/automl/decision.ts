/**
 * One decision AutoML took, in words: what it decided and why, so a person can check every step
 * of the automation instead of trusting it.
 */

/** What a decision is about, for grouping in the page. */
export type DecisionTopic = 'data' | 'metric' | 'family' | 'space' | 'strategy' | 'budget' | 'race' | 'winner';

/** A decision and its reason, both plain sentences. */
export interface AutoMlDecision {
  topic: DecisionTopic;
  decision: string;
  because: string;
}

/** Seconds as a person reads them: "0.02 s", "1.4 s", "45 s". */
export function formatSeconds(ms: number): string {
  const seconds = ms / 1000;
  if (seconds < 0.1) return `${Number(seconds.toFixed(3))} s`;
  if (seconds < 10) return `${Number(seconds.toFixed(1))} s`;
  return `${Math.round(seconds)} s`;
}
