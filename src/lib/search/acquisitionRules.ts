/**
 * The acquisition functions of the Bayesian search as one registry: for each, the value shown
 * to people and the score the optimiser ranks by (logs keep far-tail values ordered; a bound is
 * negated). Thompson sampling has no closed form: it ranks by a joint posterior sample and is
 * shown as expected improvement. A new acquisition is one entry here.
 */
import {
  expectedImprovement,
  logExpectedImprovement,
  logProbabilityOfImprovement,
  probabilityOfImprovement,
  upperConfidenceBound,
  type AcquisitionName,
} from '../gp/acquisition';

/** What an acquisition needs besides the posterior: the incumbent best value and the exploration knobs. */
export interface AcquisitionContext {
  best: number;
  xi: number;
  kappa: number;
}

/** One acquisition function, as a pair of scores of a posterior mean and standard deviation. */
export interface AcquisitionRule {
  /** The value shown to people. */
  display(mean: number, std: number, context: AcquisitionContext): number;
  /** The score the optimiser maximises. */
  rank(mean: number, std: number, context: AcquisitionContext): number;
  /** Ranks candidates by one joint posterior sample instead of `rank` (Thompson sampling). */
  jointSample?: true;
}

const expectedImprovementRule: AcquisitionRule = {
  display: (mean, std, { best, xi }) => expectedImprovement(mean, std, best, xi),
  rank: (mean, std, { best, xi }) => logExpectedImprovement(mean, std, best, xi),
};

/** Every acquisition the Bayesian search accepts, by name. */
export const acquisitionRules: Readonly<Record<AcquisitionName, AcquisitionRule>> = {
  'expected-improvement': expectedImprovementRule,
  'probability-of-improvement': {
    display: (mean, std, { best, xi }) => probabilityOfImprovement(mean, std, best, xi),
    rank: (mean, std, { best, xi }) => logProbabilityOfImprovement(mean, std, best, xi),
  },
  'upper-confidence-bound': {
    display: (mean, std, { kappa }) => upperConfidenceBound(mean, std, kappa),
    rank: (mean, std, { kappa }) => -upperConfidenceBound(mean, std, kappa),
  },
  'thompson-sampling': { ...expectedImprovementRule, jointSample: true },
};

/** Whether name is a registered acquisition (own keys only). */
export function isAcquisitionName(name: string): name is AcquisitionName {
  return Object.hasOwn(acquisitionRules, name);
}
