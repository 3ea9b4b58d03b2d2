/**
 * What AutoML knows about the chosen data before it trains anything: the task, the rows it will
 * train and score on, the features and classes, and the time a person gave it. The planner's
 * every decision is a function of these facts.
 */
import type { Dataset, Split } from '../../datasets/dataset';

/** How long a person lets AutoML run. */
export type AutoMlBudget = 'quick' | 'minute' | 'fiveMinutes';

/** The budgets offered, with their seconds and a label for the page. */
export const autoMlBudgets: readonly { name: AutoMlBudget; seconds: number; label: string }[] = [
  { name: 'quick', seconds: 15, label: 'quick (15 s)' },
  { name: 'minute', seconds: 60, label: '1 minute' },
  { name: 'fiveMinutes', seconds: 300, label: '5 minutes' },
];

/** Seconds of the budget `name`. */
export function budgetSeconds(name: AutoMlBudget): number {
  const found = autoMlBudgets.find((budget) => budget.name === name);
  if (!found) throw new Error(`invalid AutoML budget: ${name}`);
  return found.seconds;
}

/** The facts of one dataset and split that the planner reads. */
export interface DataFacts {
  /** The dataset's name, for the sentences. */
  name: string;
  task: 'classification' | 'regression';
  /** Rows models train on. */
  trainRows: number;
  /** Rows the families are judged on. */
  validationRows: number;
  /** Feature columns. */
  features: number;
  /** Classes (0 for regression). */
  classes: number;
}

/** The facts of `dataset` under `split`. */
export function dataFacts(dataset: Pick<Dataset, 'name' | 'task' | 'featureCount' | 'classCount'>, split: Pick<Split, 'train' | 'validation'>): DataFacts {
  return {
    name: dataset.name,
    task: dataset.task,
    trainRows: split.train.length,
    validationRows: split.validation.length,
    features: dataset.featureCount,
    classes: dataset.classCount,
  };
}

/** A sentence naming why AutoML cannot plan for these facts, or '' when it can. */
export function factsProblem(facts: DataFacts): string {
  if (facts.trainRows < 4) return `There are ${facts.trainRows} training rows: AutoML needs at least 4 to compare models.`;
  if (facts.validationRows < 2) return 'There are fewer than 2 validation rows to judge the models on: give the validation split a larger share.';
  if (facts.features < 1) return 'The data has no feature columns.';
  return '';
}
