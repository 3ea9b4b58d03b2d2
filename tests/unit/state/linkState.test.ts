import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultModelSettings } from '../../../src/lib/core/modelSettings';
import { formatSearchedDimensions } from '../../../src/lib/core/searchedDimensions';
import { defaultSettings, settingDefinitions, type DatasetName, type Settings } from '../../../src/lib/core/settings';
import type { Dimension } from '../../../src/lib/core/space';
import { decodeSettings, encodeSettings } from '../../../src/lib/core/urlState';
import { applySettings, settingsFromPage, type DataPageState, type SearchPageState, type SearchRowTemplate, type ViewPageState } from '../../../src/lib/state/linkState';
import { doubleIn, settingsArbitrary } from '../core/settingsArbitrary';

/** The search form's rows, as SearchSettings lays them out (src/lib/study/study.svelte.ts). */
const templates: SearchRowTemplate[] = [
  { dimension: { name: 'learningRate', type: 'log', low: 1e-3, high: 1 } },
  { dimension: { name: 'units', type: 'int', low: 2, high: 32 } },
  { dimension: { name: 'hiddenLayers', type: 'int', low: 0, high: 3 } },
  { dimension: { name: 'l2', type: 'log', low: 1e-5, high: 0.1 } },
  { dimension: { name: 'dropout', type: 'real', low: 0, high: 0.5 } },
  { dimension: { name: 'batchSize', type: 'int', low: 8, high: 128 } },
  { dimension: { name: 'activation', type: 'choice', values: ['relu', 'tanh', 'sigmoid', 'elu'] } },
  { dimension: { name: 'optimizer', type: 'choice', values: ['sgd', 'momentum', 'adam', 'rmsprop'] } },
];

/** A page as Playground, SearchSettings and App start it, as plain objects. */
function freshPage(): { data: DataPageState; search: SearchPageState; view: ViewPageState } {
  const data: DataPageState = {
    choice: 'spiral', samples: 400, noise: 0.2, dataSeed: 42, classes: 2, trainFraction: 0.6, validationFraction: 0.2, trainingSeed: 1,
    settings: { ...defaultModelSettings },
    choose(name: DatasetName) { this.choice = name; },
  };
  const search: SearchPageState = {
    strategy: 'random', acquisition: 'expected-improvement', xi: 0.01, kappa: 1.96, schedule: 'none', budget: 12, seed: 1, parallel: 4, folds: 0, epochBudget: 0, metric: 'validationLoss',
    rows: templates.map(({ dimension }) => ({
      name: dimension.name,
      enabled: dimension.name === 'learningRate' || dimension.name === 'units',
      low: dimension.type === 'choice' ? 0 : dimension.low,
      high: dimension.type === 'choice' ? 0 : dimension.high,
    })),
  };
  const view: ViewPageState = { tab: 'train', views: ['data', 'model', 'search', 'curves', 'space', 'trials', 'posterior', 'lesson'], embed: false, lesson: '' };
  return { data, search, view };
}

function roundTrip(settings: Settings): { back: Settings; notices: string[] } {
  const page = freshPage();
  const notices = applySettings(settings, page.data, page.search, page.view, templates);
  return { back: settingsFromPage(page.data, page.search, page.view, templates), notices };
}

/** Any search the form can hold: some of its rows, each typed as the row, in row order. */
const formSearchArbitrary: fc.Arbitrary<string> = fc.subarray(templates).chain((chosen) =>
  fc
    .tuple(
      ...chosen.map(({ dimension }): fc.Arbitrary<Dimension> => {
        if (dimension.type === 'choice') return fc.constant(dimension);
        const definition = settingDefinitions[dimension.name as keyof Settings] as { min: number; max: number };
        const bound = dimension.type === 'int' ? fc.integer({ min: definition.min, max: definition.max }) : doubleIn(definition.min, definition.max);
        return fc
          .tuple(bound, bound)
          .filter(([low, high]) => low < high && (dimension.type !== 'log' || low > 0))
          .map(([low, high]) => ({ ...dimension, low, high }));
      }),
    )
    .map((dimensions) => formatSearchedDimensions(dimensions)),
);

describe('the page as settings and back', () => {
  it('settings laid onto the page read back the same, but for what the search form cannot hold', () => {
    fc.assert(
      fc.property(settingsArbitrary, (settings) => {
        const { back } = roundTrip(settings);
        const { search: _search, testFraction, ...rest } = back;
        const { search: _expectedSearch, testFraction: expectedTest, ...expectedRest } = settings;
        expect(rest).toEqual(expectedRest);
        expect(testFraction).toBeCloseTo(expectedTest, 9);
      }),
      { numRuns: 300 },
    );
  });

  it('any search the form can hold reads back exactly', () => {
    fc.assert(
      fc.property(settingsArbitrary, formSearchArbitrary, (settings, search) => {
        const { back, notices } = roundTrip({ ...settings, search });
        expect(back.search).toBe(search);
        expect(notices.filter((notice) => notice.includes('search form'))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('a second trip through the page changes nothing and says nothing', () => {
    fc.assert(
      fc.property(settingsArbitrary, (settings) => {
        const once = roundTrip(settings).back;
        const twice = roundTrip(once);
        expect(twice.back).toEqual(once);
        expect(twice.notices.filter((notice) => !/CSV|drawn/.test(notice))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('a search the form can hold reads back exactly, with no notice', () => {
    const settings = { ...defaultSettings(), search: 'learningRate:log:0.0001:0.5,hiddenLayers:int:1:3,activation:choice:relu/tanh/sigmoid/elu', strategy: 'bayesian' as const, acquisition: 'ucb' as const };
    const { back, notices } = roundTrip(settings);
    expect(back).toEqual(settings);
    expect(notices).toEqual([]);
  });

  it('a search range the form does not offer gives a notice', () => {
    const { notices } = roundTrip({ ...defaultSettings(), search: 'momentum:real:0:0.9,activation:choice:relu/tanh' });
    expect(notices.join(' ')).toMatch(/cannot vary Momentum/);
    expect(notices.join(' ')).toMatch(/every value of Activation/);
  });

  it('the page as it starts is a link that opens the same page', () => {
    const page = freshPage();
    const settings = settingsFromPage(page.data, page.search, page.view, templates);
    const decoded = decodeSettings(encodeSettings(settings));
    expect(decoded.notices).toEqual([]);
    const opened = freshPage();
    applySettings(decoded.settings, opened.data, opened.search, opened.view, templates);
    expect({ ...opened, data: { ...opened.data, choose: null } }).toEqual({ ...page, data: { ...page.data, choose: null } });
  });

  it('a value the page holds that a link cannot (an empty field) takes its default', () => {
    const page = freshPage();
    page.search.budget = Number.NaN;
    page.data.trainFraction = 0.95;
    const settings = settingsFromPage(page.data, page.search, page.view, templates);
    expect(settings.budget).toBe(defaultSettings().budget);
    expect(settings.trainFraction).toBe(defaultSettings().trainFraction);
  });

  it('the acquisition travels by its short name', () => {
    const page = freshPage();
    page.search.acquisition = 'thompson-sampling';
    expect(settingsFromPage(page.data, page.search, page.view, templates).acquisition).toBe('thompson');
  });
});
