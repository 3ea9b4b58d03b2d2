import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatSearchedDimensions } from '../../../src/lib/core/searchedDimensions';
import { defaultSettings, settingDefinitions, type DatasetName, type Settings } from '../../../src/lib/core/settings';
import type { Dimension } from '../../../src/lib/core/space';
import { decodeSettings, encodeSettings } from '../../../src/lib/core/urlState';
import { applySettings } from '../../../src/lib/state/linkState';
import { PageSettings } from '../../../src/lib/state/pageSettings.svelte';
import { SearchSettings } from '../../../src/lib/state/searchSettings.svelte';
import { searchableSettings } from '../../../src/lib/study/studySetup';
import { doubleIn, settingsArbitrary } from '../core/settingsArbitrary';

/** The search form's rows: the table's searchable settings with their offered ranges. */
const templates = searchableSettings;

/** A fresh page: the settings object, a dataset picker that follows it, and the search form over it. */
function freshPage(): { page: PageSettings; picker: { choice: DatasetName; choose(name: DatasetName): void }; form: SearchSettings } {
  const page = new PageSettings();
  const picker = {
    get choice() { return page.values.dataset; },
    choose(name: DatasetName) { page.values.dataset = name; },
  };
  return { page, picker, form: new SearchSettings(page) };
}

function roundTrip(settings: Settings): { back: Settings; notices: string[] } {
  const { page, picker, form } = freshPage();
  const notices = applySettings(settings, page, picker, form);
  return { back: page.current, notices };
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
    const { notices } = roundTrip({ ...defaultSettings(), search: 'l1:real:0:0.01,activation:choice:relu/tanh' });
    expect(notices.join(' ')).toMatch(/cannot vary L1 penalty/);
    expect(notices.join(' ')).toMatch(/every value of Activation/);
  });

  it('decode(encode(s)) gives back any valid settings s', () => {
    fc.assert(
      fc.property(settingsArbitrary, (settings) => {
        const decoded = decodeSettings(encodeSettings(settings));
        expect(decoded.notices).toEqual([]);
        expect(decoded.settings).toEqual(settings);
      }),
      { numRuns: 300 },
    );
  });

  it('the page as it starts encodes to the empty link, and holds every default of the table', () => {
    const { page } = freshPage();
    expect(page.link).toBe('');
    expect(page.current).toEqual(defaultSettings());
  });

  it('the page as it starts is a link that opens the same page', () => {
    const { page } = freshPage();
    const decoded = decodeSettings(page.link);
    expect(decoded.notices).toEqual([]);
    const opened = freshPage();
    applySettings(decoded.settings, opened.page, opened.picker, opened.form);
    expect(opened.page.current).toEqual(page.current);
    expect(opened.form.rows).toEqual(freshPage().form.rows);
  });

  it('a value the page holds that a link cannot (an empty field) takes its default', () => {
    const { page } = freshPage();
    page.values.budget = Number.NaN;
    page.values.trainFraction = 0.95;
    expect(page.current.budget).toBe(defaultSettings().budget);
    expect(page.current.trainFraction).toBe(defaultSettings().trainFraction);
  });

  it('the search form hands the strategy its acquisition by full name', () => {
    const { page, form } = freshPage();
    page.values.acquisition = 'thompson';
    expect(form.strategyOptions('bayesian').acquisition).toBe('thompson-sampling');
  });

  it('a row the form checks writes the search text of the settings', () => {
    const { page, form } = freshPage();
    form.setRow('dropout', { enabled: true, high: 0.4 });
    expect(page.values.search).toBe('learningRate:log:0.001:1,units:int:2:32,dropout:real:0:0.4');
    form.setRow('learningRate', { enabled: false });
    expect(page.current.search).toBe('units:int:2:32,dropout:real:0:0.4');
  });
});
