/**
 * Why a Bayesian search tried a point, in plain words for a student ("tried learning rate 0.02
 * because the model expects a low loss there, 0.31 ± 0.05, and is still unsure: exploring"),
 * and the exact figures (acquisition value, prediction, best so far) for a tooltip.
 *
 * Exploring versus exploiting follows the two terms of expected improvement (Jones, Schonlau &
 * Welch 1998, eq. 15): EI = (best − μ)·Φ(z) + σ·φ(z) with z = (best − μ)/σ. The first term
 * (a predicted gain) outweighs the second (a gain the uncertainty allows) exactly when
 * z·Φ(z) > φ(z), i.e. z > 0.5061; below that the proposal is mostly bought by uncertainty.
 */
import { formatNumber, formatValue } from '../core/formatNumber';
import type { Params } from '../core/space';

/** z where z·Φ(z) = φ(z): the two terms of expected improvement are equal. */
export const balancedZ = 0.5061;

/** What the sentence needs to know about one proposal (a subset of the search's ProposalExplanation). */
export interface ProposalFacts {
  params: Params;
  phase: 'initial design' | 'acquisition' | 'random';
  acquisitionName: string;
  /** Acquisition value at the point; null when no model chose it. */
  acquisition: number | null;
  mean: number | null;
  std: number | null;
  alternative?: { acquisition: number } | null;
}

/** The sentence and its details. */
export interface ProposalReason {
  /** One plain-words sentence. */
  sentence: string;
  /** The exact figures behind it, for a tooltip. */
  detail: string;
  /** Which way the proposal leaned; null when no model chose it. */
  leaning: 'exploring' | 'exploiting' | null;
}

const acquisitionWords: Record<string, string> = {
  'expected-improvement': 'expected improvement',
  'probability-of-improvement': 'probability of improvement',
  'upper-confidence-bound': 'lower confidence bound',
  'thompson-sampling': 'Thompson sample (shown as expected improvement)',
};

/** "learningRate" → "learning rate"; a name given in `labels` is used as written. */
export function settingWords(name: string, labels: Readonly<Record<string, string>> = {}): string {
  return labels[name] ?? name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

/** "learning rate 0.02, units 8" from a proposal's settings. */
export function describeParams(params: Params, labels: Readonly<Record<string, string>> = {}): string {
  return Object.entries(params).map(([name, value]) => `${settingWords(name, labels)} ${formatValue(value, 2)}`).join(', ');
}

/** Whether the model's prediction at a point leans to exploiting (a predicted gain) or exploring (uncertainty). */
export function leaningOf(mean: number, std: number, best: number): 'exploring' | 'exploiting' {
  if (!(std > 0)) return 'exploiting';
  return (best - mean) / std > balancedZ ? 'exploiting' : 'exploring';
}

/** The plain-words reason for a proposal; `best` is the best loss among the results the model had. */
export function proposalReason(facts: ProposalFacts, best: number | null, labels: Readonly<Record<string, string>> = {}): ProposalReason {
  const what = describeParams(facts.params, labels) || 'this point';
  if (facts.phase === 'initial design') {
    return {
      sentence: `Tried ${what} to spread the first trials over the space: the model needs a few results everywhere before it can predict anything.`,
      detail: 'Initial design (a Latin hypercube): no model was used to choose this point.',
      leaning: null,
    };
  }
  if (facts.phase === 'random' || facts.mean === null || facts.std === null || facts.acquisition === null || best === null) {
    return {
      sentence: `Tried ${what} at random: there were too few results for the model, or nothing left it expected to gain.`,
      detail: 'Random point: no acquisition value.',
      leaning: null,
    };
  }
  const prediction = `${formatNumber(facts.mean, 3)} ± ${formatNumber(facts.std, 2)}`;
  const bestText = formatNumber(best, 3);
  const leaning = leaningOf(facts.mean, facts.std, best);
  let because: string;
  if (leaning === 'exploiting') because = `the model expects a low loss there, ${prediction}, below the best so far (${bestText}): exploiting`;
  else if (facts.mean <= best + facts.std) because = `the model expects a low loss there, ${prediction}, and is still unsure: exploring`;
  else because = `the model is unsure there: it expects ${prediction}, worse than the best so far (${bestText}) on average, but the uncertainty leaves room for better: exploring`;
  const name = acquisitionWords[facts.acquisitionName] ?? facts.acquisitionName;
  const alternative = facts.alternative ? `; the best alternative elsewhere scored ${facts.alternative.acquisition.toPrecision(6)}` : '';
  return {
    sentence: `Tried ${what} because ${because}.`,
    detail: `The acquisition (${name}) there: ${facts.acquisition.toPrecision(6)}, the highest the search found; predicted loss ${facts.mean.toPrecision(6)} ± ${facts.std.toPrecision(6)}; best so far ${best.toPrecision(6)}${alternative}.`,
    leaning,
  };
}
