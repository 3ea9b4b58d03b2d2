/**
 * The search form: its fields are the search settings of the page's settings object (strategy,
 * acquisition, schedule, budget, seed…); its rows are the table's searchable settings, whose
 * checked rows and ranges write the settings' `search` text. Turns into a StudySetup on Run.
 */
import { familyUses } from '../core/familySettings';
import { acquisitionFunctionNames, searchSpace, settingDefinitions, validateSetting, type Settings } from '../core/settings';
import { formatSearchedDimensions } from '../core/searchedDimensions';
import { withConditions } from '../core/searchConditions';
import { searchRowMatters } from '../core/searchRowRelevance';
import type { Dimension } from '../core/space';
import { datasetInfoOf } from '../storage/datasetInfo';
import { searchableSettings, type StudySetup } from '../study/studySetup';
import type { PageSettings } from './pageSettings.svelte';
import type { Playground } from './playground.svelte';

/** One row of the search form: a setting, whether it is searched, and its range. */
export interface SearchedSetting {
  name: string;
  enabled: boolean;
  low: number;
  high: number;
}

type SearchField = 'strategy' | 'acquisition' | 'xi' | 'kappa' | 'schedule' | 'budget' | 'searchSeed' | 'parallelTrials' | 'epochBudget' | 'folds' | 'metric';

/** The dimension a row searches, typed as its offered range, or null when off or unknown. */
function rowDimension(row: SearchedSetting): Dimension | null {
  const template = searchableSettings.find((entry) => entry.dimension.name === row.name)?.dimension;
  if (!row.enabled || !template) return null;
  if (template.type === 'choice') return template;
  return { ...template, low: Math.min(row.low, row.high), high: Math.max(row.low, row.high) };
}

/** Reactive search form over the page's settings. */
export class SearchSettings {
  readonly page: PageSettings;
  /** The rows as typed, ranges of unchecked rows included; `search` holds the checked rows a link can carry. */
  rows = $state<SearchedSetting[]>([]);

  constructor(page: PageSettings) {
    this.page = page;
    this.rows = searchableSettings.map(({ dimension }) => ({
      name: dimension.name,
      enabled: false,
      low: dimension.type === 'choice' ? 0 : dimension.low,
      high: dimension.type === 'choice' ? 0 : dimension.high,
    }));
    this.loadSearch(page.values.search);
  }

  /** A search setting of the page, by name (what the form's controls bind). */
  get values(): Pick<Settings, SearchField> {
    return this.page.values;
  }

  /** Changes one row and writes the search text from the rows (a row a link cannot hold is left out). */
  setRow(name: string, change: Partial<SearchedSetting>): void {
    this.rows = this.rows.map((row) => (row.name === name ? { ...row, ...change } : row));
    const dimensions = this.rows
      .map(rowDimension)
      .filter((dimension): dimension is Dimension => dimension !== null && validateSetting('search', formatSearchedDimensions([dimension])).ok);
    this.page.values.search = formatSearchedDimensions(dimensions);
  }

  /** Whether the form offers the row `name`: the chosen model family reads it and it could change a trial (searchRowRelevance.ts). */
  offers(name: string): boolean {
    return familyUses(this.page.values.kind, name) && searchRowMatters(name, this.page.values, this.rows);
  }

  /** The search space from the checked rows the form offers, in form order, with the table's conditions (searchConditions.ts). */
  space: Dimension[] = $derived(withConditions(this.rows.flatMap((row) => (this.offers(row.name) ? rowDimension(row) ?? [] : []))));

  /** A sentence naming what is wrong with the form, or '' when a search can start. */
  problem: string = $derived.by(() => {
    const { budget, searchSeed, parallelTrials, epochBudget, folds } = this.page.values;
    if (this.space.length === 0) return 'Choose at least one hyperparameter to search.';
    if (!Number.isInteger(budget) || budget < 1 || budget > 200) return 'The budget must be a whole number of trials from 1 to 200.';
    if (!Number.isFinite(searchSeed)) return 'The seed must be a number.';
    if (!Number.isInteger(parallelTrials) || parallelTrials < 1 || parallelTrials > 64) return 'Trials in parallel must be a whole number from 1 to 64.';
    if (!Number.isInteger(epochBudget) || epochBudget < 0) return 'The epoch budget must be 0 (no limit) or a whole number of epochs.';
    if (folds !== 0 && (!Number.isInteger(folds) || folds < 3 || folds > 10)) return 'Cross-validation folds must be 0 (off) or a whole number from 3 to 10.';
    for (const dimension of this.space) {
      if (dimension.type === 'choice') continue;
      if (!Number.isFinite(dimension.low) || !Number.isFinite(dimension.high)) return `The range of ${dimension.name} must be two numbers.`;
      if (dimension.type === 'log' && dimension.low <= 0) return `${dimension.name} is searched on a log scale, so its range must be above 0.`;
      if (dimension.low === dimension.high) return `The range of ${dimension.name} is a single value: widen it or stop searching it.`;
    }
    return '';
  });

  /** The extra options of a strategy (the form's own by default). */
  strategyOptions(strategy: string = this.page.values.strategy): Record<string, unknown> {
    const { acquisition, xi, kappa } = this.page.values;
    return strategy === 'bayesian' ? { acquisition: acquisitionFunctionNames[acquisition], xi, kappa } : {};
  }

  /** A snapshot of everything a study needs: this form, the playground's data and model, and a strategy. */
  setupFor(playground: Playground, strategy: string = this.page.values.strategy): StudySetup {
    const { schedule, budget, searchSeed, metric, parallelTrials, folds, epochBudget } = this.page.values;
    return {
      strategy,
      strategyOptions: this.strategyOptions(strategy),
      schedule,
      space: $state.snapshot(this.space),
      budget,
      seed: searchSeed,
      metric,
      base: playground.modelSettings(),
      dataset: playground.dataset,
      split: playground.split,
      datasetInfo: datasetInfoOf(playground.dataset, playground.split, { noise: playground.noise, seed: playground.dataSeed, ignoredColumns: playground.csvIgnored }),
      baselineLoss: playground.baselineLoss,
      parallel: parallelTrials,
      folds,
      epochBudget,
    };
  }

  /**
   * Checks the rows a search text names (over their linked ranges) and unchecks the others, then
   * writes the text back as the form holds it. Returns a notice for each part the form cannot hold.
   */
  loadSearch(text: string): string[] {
    const notices: string[] = [];
    const next = this.rows.map((row) => ({ ...row, enabled: false }));
    for (const dimension of searchSpace({ search: text })) {
      const row = next.find((candidate) => candidate.name === dimension.name);
      const template = searchableSettings.find((entry) => entry.dimension.name === dimension.name)?.dimension;
      const label = settingDefinitions[dimension.name as keyof Settings]?.label ?? dimension.name;
      if (!row || !template) {
        notices.push(`The search form cannot vary ${label}; the link's range for it is ignored.`);
        continue;
      }
      row.enabled = true;
      if (template.type === 'choice' || dimension.type === 'choice') {
        if (dimension.type !== 'choice' || template.type !== 'choice' || dimension.values.join('/') !== template.values.join('/')) {
          notices.push(`The search form tries every value of ${label} (${template.type === 'choice' ? template.values.join(', ') : ''}), not only those in the link.`);
        }
        continue;
      }
      if (dimension.type !== template.type) notices.push(`The search form varies ${label} on a ${template.type === 'log' ? 'log' : 'linear'} scale, not as the link says.`);
      if (template.type === 'log' && !(dimension.low > 0)) {
        notices.push(`On a log scale ${label} needs a range above 0; the form keeps its own range.`);
        continue;
      }
      row.low = dimension.low;
      row.high = dimension.high;
    }
    this.rows = next;
    this.setRow('', {});
    return notices;
  }
}
