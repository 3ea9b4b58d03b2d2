/**
 * The search form's state: which hyperparameters are searched and over what ranges, the
 * strategy, schedule, budget and seed. Turns into a StudySetup when a person presses Run.
 */
import type { Dimension } from '../core/space';
import type { ScheduleName } from '../search/schedules';
import { datasetInfoOf } from '../storage/datasetInfo';
import type { Playground } from './playground.svelte';
import { searchableSettings, type StudySetup } from '../study/studySetup';
import type { ObjectiveMetric } from '../core/trial';

/** One row of the search form: a setting, whether it is searched, and its range. */
export interface SearchedSetting {
  name: string;
  enabled: boolean;
  low: number;
  high: number;
}

/** Reactive search form. */
export class SearchSettings {
  strategy = $state('random');
  acquisition = $state('expected-improvement');
  xi = $state(0.01);
  kappa = $state(1.96);
  schedule = $state<ScheduleName>('none');
  budget = $state(12);
  seed = $state(1);
  /** Trials trained at once, stacked on the GPU as one population. */
  parallel = $state(4);
  /** Most epochs all trials together may train (0 = no limit beyond the trial budget). */
  epochBudget = $state(0);
  /** k of k-fold cross-validation (0 = off, else 3..10). */
  folds = $state(0);
  metric = $state<ObjectiveMetric>('validationLoss');
  rows = $state<SearchedSetting[]>(
    searchableSettings.map(({ dimension }) => ({
      name: dimension.name,
      enabled: dimension.name === 'learningRate' || dimension.name === 'units',
      low: dimension.type === 'choice' ? 0 : dimension.low,
      high: dimension.type === 'choice' ? 0 : dimension.high,
    })),
  );

  /** The search space from the enabled rows, in table order. */
  space: Dimension[] = $derived(
    this.rows.flatMap((row): Dimension[] => {
      if (!row.enabled) return [];
      const template = searchableSettings.find((entry) => entry.dimension.name === row.name)?.dimension;
      if (!template) return [];
      if (template.type === 'choice') return [template];
      return [{ ...template, low: Math.min(row.low, row.high), high: Math.max(row.low, row.high) }];
    }),
  );

  /** A sentence naming what is wrong with the form, or '' when a search can start. */
  problem: string = $derived.by(() => {
    if (this.space.length === 0) return 'Choose at least one hyperparameter to search.';
    if (!Number.isInteger(this.budget) || this.budget < 1 || this.budget > 200) return 'The budget must be a whole number of trials from 1 to 200.';
    if (!Number.isFinite(this.seed)) return 'The seed must be a number.';
    if (!Number.isInteger(this.parallel) || this.parallel < 1 || this.parallel > 64) return 'Trials in parallel must be a whole number from 1 to 64.';
    if (!Number.isInteger(this.epochBudget) || this.epochBudget < 0) return 'The epoch budget must be 0 (no limit) or a whole number of epochs.';
    if (this.folds !== 0 && (!Number.isInteger(this.folds) || this.folds < 3 || this.folds > 10)) return 'Cross-validation folds must be 0 (off) or a whole number from 3 to 10.';
    for (const dimension of this.space) {
      if (dimension.type === 'choice') continue;
      if (!Number.isFinite(dimension.low) || !Number.isFinite(dimension.high)) return `The range of ${dimension.name} must be two numbers.`;
      if (dimension.type === 'log' && dimension.low <= 0) return `${dimension.name} is searched on a log scale, so its range must be above 0.`;
      if (dimension.low === dimension.high) return `The range of ${dimension.name} is a single value: widen it or stop searching it.`;
    }
    return '';
  });

  /** The extra options of a strategy (the form's own by default). */
  strategyOptions(strategy = this.strategy): Record<string, unknown> {
    return strategy === 'bayesian' ? { acquisition: this.acquisition, xi: this.xi, kappa: this.kappa } : {};
  }

  /** A snapshot of everything a study needs: this form, the playground's data and model, and a strategy. */
  setupFor(playground: Playground, strategy = this.strategy): StudySetup {
    return {
      strategy,
      strategyOptions: this.strategyOptions(strategy),
      schedule: this.schedule,
      space: $state.snapshot(this.space),
      budget: this.budget,
      seed: this.seed,
      metric: this.metric,
      base: $state.snapshot(playground.settings),
      dataset: playground.dataset,
      split: playground.split,
      datasetInfo: datasetInfoOf(playground.dataset, playground.split, { noise: playground.noise, seed: playground.dataSeed }),
      baselineLoss: playground.baselineLoss,
      parallel: this.parallel,
      folds: this.folds,
      epochBudget: this.epochBudget,
    };
  }
}
