/**
 * The AutoML planner: from the facts of the data and the time a person gives, it chooses the
 * candidate families, each family's search space, the strategy, and how the time is split over a
 * race of families by successive halving; every choice comes with its reason in plain words.
 * Pure: the same facts and budget always give the same plan.
 */
import { appendAll } from '../../core/extent';
import type { ObjectiveMetric } from '../../core/trial';
import { formatSeconds, type AutoMlDecision } from './decision';
import { autoMlFamilies, estimateTrialMs, familyLabels, type AutoMlFamily } from './familyCost';
import { familySpace, type FamilySpace } from './familySpaces';
import { budgetSeconds, type AutoMlBudget, type DataFacts } from './facts';

/** A candidate family with its space and the cost of a typical trial. */
export interface FamilyPlan extends FamilySpace {
  /** Expected milliseconds of one trial (the cost model's guess). */
  estimatedTrialMs: number;
}

/** One round of the race as planned, with the most expensive families surviving (the worst case). */
export interface PlannedRound {
  families: number;
  trialsPerFamily: number;
}

/** Everything the race needs, and the reasons. */
export interface AutoMlPlan {
  facts: DataFacts;
  budget: AutoMlBudget;
  budgetMs: number;
  metric: ObjectiveMetric;
  /** Strategy inside each family: 'random' or 'tpe'. */
  strategy: 'random' | 'tpe';
  families: FamilyPlan[];
  rounds: PlannedRound[];
  /** Most trials a family may get in round r (index), whatever time is left (the planned counts under random search). */
  trialCaps: number[];
  /** Expected milliseconds of the whole race if the most expensive families kept winning. */
  worstCaseMs: number;
  seed: number;
  decisions: AutoMlDecision[];
}

/** Most trials per family in the first round: enough to rank families; the time left goes to the survivors. */
export const firstRoundCap = 8;
/** Random trials TPE takes before its model proposes (TpeOptions.startupTrials' default). */
export const tpeStartupTrials = 10;
/** Training rows above which k-NN is left out: each prediction measures the distance to every one of them. */
export const knnRowLimit = 5000;

/** The number of rounds that halving `families` takes to leave one. */
export function roundCount(families: number): number {
  return families <= 1 ? 1 : Math.ceil(Math.log2(families)) + 1;
}

/** Families left in round `round` (0-based) of a race that starts with `families`. */
export function familiesInRound(families: number, round: number): number {
  return Math.max(1, Math.ceil(families / 2 ** round));
}

/** Trials per family in each round when the most expensive families survive, each round getting an equal share of the time. */
function planRounds(costs: number[], budgetMs: number): PlannedRound[] {
  const sorted = [...costs].sort((a, b) => b - a);
  const rounds = roundCount(costs.length);
  return Array.from({ length: rounds }, (_, round) => {
    const families = familiesInRound(costs.length, round);
    const worst = sorted.slice(0, families).reduce((sum, cost) => sum + cost, 0);
    return { families, trialsPerFamily: Math.min(firstRoundCap * 2 ** round, Math.floor(budgetMs / rounds / worst)) };
  });
}

/** The plan for `facts` in `budget`, seeded with `seed` (for the strategies and trials), choosing among `offered` families. */
export function planAutoMl(facts: DataFacts, budget: AutoMlBudget, seed: number, offered: readonly AutoMlFamily[] = autoMlFamilies): AutoMlPlan {
  const budgetMs = budgetSeconds(budget) * 1000;
  const decisions: AutoMlDecision[] = [];
  const classifying = facts.task === 'classification';
  decisions.push({
    topic: 'data',
    decision: `Read the data: ${facts.name}, ${classifying ? `classification into ${facts.classes} classes` : 'regression'}, ${facts.trainRows} training rows, ${facts.validationRows} validation rows, ${facts.features} feature${facts.features === 1 ? '' : 's'}.`,
    because: `every choice below follows from these facts and the ${formatSeconds(budgetMs)} budget; the test rows stay unseen.`,
  });
  const metric: ObjectiveMetric = classifying ? 'validationError' : 'validationLoss';
  decisions.push(
    classifying
      ? { topic: 'metric', decision: 'Families are compared by validation error (the share of validation rows misclassified).', because: `a single tree's leaves are 0% or 100% sure, and log loss would punish one confident mistake by 16 nats: it would judge how sure a model is, not how often it is right. One row is ${formatShare(1 / facts.validationRows)} of the error.` }
      : { topic: 'metric', decision: 'Families are compared by validation loss (mean squared error on the validation rows).', because: 'it is the loss every family minimises, and it is measured on rows none of them trained on.' },
  );

  let candidates: FamilyPlan[] = [];
  for (const family of autoMlFamilies.filter((name) => offered.includes(name))) {
    const space = familySpace(family, facts, budget);
    const estimatedTrialMs = estimateTrialMs(family, facts, space.typical);
    if (family === 'knn' && facts.trainRows > knnRowLimit) {
      decisions.push({ topic: 'family', decision: `${cap(familyLabels.knn)} is left out.`, because: `each of its predictions measures the distance to all ${facts.trainRows} training rows: too slow to score, and over ${knnRowLimit} rows the other families learn more from the data.` });
      continue;
    }
    candidates.push({ ...space, estimatedTrialMs });
  }
  // Drop the most expensive family until the first round gives each family at least 2 trials.
  for (;;) {
    const rounds = planRounds(candidates.map((family) => family.estimatedTrialMs), budgetMs);
    if (candidates.length <= 1 || (rounds[0].trialsPerFamily >= 2 && rounds.every((round) => round.trialsPerFamily >= 1))) break;
    const dearest = candidates.reduce((most, family) => (family.estimatedTrialMs > most.estimatedTrialMs ? family : most));
    candidates = candidates.filter((family) => family !== dearest);
    decisions.push({
      topic: 'family',
      decision: `${cap(familyLabels[dearest.family])} is left out.`,
      because: `one trial is expected to take about ${formatSeconds(dearest.estimatedTrialMs)} here: with it, the first round could not give every family 2 trials in its share (${formatSeconds(budgetMs / roundCount(candidates.length + 1))}) of the budget.`,
    });
  }
  for (const family of candidates) {
    decisions.push({ topic: 'family', decision: `${cap(familyLabels[family.family])} is a candidate.`, because: `a trial is expected to take about ${formatSeconds(family.estimatedTrialMs)} on ${facts.trainRows} rows × ${facts.features} feature${facts.features === 1 ? '' : 's'}${inclusionNote(family.family, facts)}.` });
  }
  for (const family of candidates) appendAll(decisions, family.decisions);

  const rounds = planRounds(candidates.map((family) => family.estimatedTrialMs), budgetMs).map((round) => ({ ...round, trialsPerFamily: Math.max(1, round.trialsPerFamily) }));
  const sorted = candidates.map((family) => family.estimatedTrialMs).sort((a, b) => b - a);
  const worstCaseMs = rounds.reduce((sum, round) => sum + round.trialsPerFamily * sorted.slice(0, round.families).reduce((total, cost) => total + cost, 0), 0);
  const mostTrials = rounds.reduce((sum, round) => sum + round.trialsPerFamily, 0);
  const strategy = mostTrials > tpeStartupTrials ? 'tpe' : 'random';
  // Random search is chosen because no family gets more trials than TPE draws at random, so the race keeps to the planned counts.
  const trialCaps = rounds.map((round, index) => (strategy === 'random' ? round.trialsPerFamily : firstRoundCap * 2 ** index));
  decisions.push(
    strategy === 'tpe'
      ? { topic: 'strategy', decision: 'Inside each family, TPE proposes the trials (its first 10 at random).', because: `a surviving family is planned to get ${mostTrials} trials or more (more when trials run faster than the cost model guessed), enough for TPE's model of good and bad settings to beat chance; it handles the integer and choice settings trees have, and its proposals cost milliseconds.` }
      : { topic: 'strategy', decision: 'Inside each family, trials are drawn at random.', because: `no family gets more than ${mostTrials} trials, and a model-based sampler such as TPE draws its first ${tpeStartupTrials} at random anyway: a model would have nothing to learn from.` },
  );
  decisions.push({ topic: 'strategy', decision: 'No early-stopping schedule inside a family.', because: 'the race is itself successive halving, over families; boosting and the network already stop when the validation loss stops improving.' });
  decisions.push({
    topic: 'budget',
    decision: candidates.length > 1
      ? `Round 1 is planned at ${rounds[0].trialsPerFamily} trials for each of the ${candidates.length} families; then the better half goes on with more trials, ${rounds.length} rounds in all, each with an equal share of the ${formatSeconds(budgetMs)}.`
      : `The one family is planned at ${rounds[0].trialsPerFamily} trials.`,
    because: candidates.length > 1
      ? `successive halving (Jamieson & Talwalkar 2016) spends little on families that are clearly worse and most on those still in contention; later rounds are sized from the times measured in earlier ones, so the budget holds even where the cost model is wrong.`
      : 'there is no other family to race against in this budget.',
  });
  return { facts, budget, budgetMs, metric, strategy, families: candidates, rounds, trialCaps, worstCaseMs, seed, decisions };
}

function cap(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function formatShare(share: number): string {
  return `${Number((share * 100).toPrecision(2))}%`;
}

/** What a family brings to these data, added to its inclusion reason. */
function inclusionNote(family: AutoMlFamily, facts: DataFacts): string {
  if (family === 'linear') return '; the simplest model, the baseline the others must beat';
  if (family === 'tree') return '; a tree cuts along the axes, and shows what one model alone can do';
  if (family === 'forest') return '; averaging many trees lowers a tree\'s variance';
  if (family === 'boosting') return '; many shallow trees, each correcting the last';
  if (family === 'knn') return `; it needs no training, only distances between ${facts.features === 1 ? 'points' : 'rows'}`;
  return '; the most flexible family, and the slowest to train';
}
