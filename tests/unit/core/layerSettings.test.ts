import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { invalidSetting } from '../../../src/lib/core/modelChecks';
import { adamBetas, defaultModelSettings, hiddenWidths, trialSettings } from '../../../src/lib/core/modelSettings';
import { withConditions } from '../../../src/lib/core/searchConditions';
import { defaultSettings, modelSettingsOf, searchFormDimension, searchSpace, settingDefinitions, type SearchFormSetting } from '../../../src/lib/core/settings';
import { isActive, validateSpace, type Params } from '../../../src/lib/core/space';
import { decodeSettings, encodeSettings } from '../../../src/lib/core/urlState';
import { createStrategy, strategyNames } from '../../../src/lib/search';

describe('per-layer widths', () => {
  it('hiddenWidths gives every layer the width of layer 1 by default, as before per-layer widths existed', () => {
    expect(hiddenWidths({ ...defaultModelSettings, hiddenLayers: 4, units: 12 })).toEqual([12, 12, 12, 12]);
    expect(hiddenWidths({ hiddenLayers: 3, units: 7 })).toEqual([7, 7, 7]);
    expect(hiddenWidths({ ...defaultModelSettings, hiddenLayers: 0 })).toEqual([]);
  });

  it('hiddenWidths reads units2 … units6 for layers 2 to 6, and 0 as "as wide as layer 1"', () => {
    const settings = { ...defaultModelSettings, hiddenLayers: 6, units: 10, units2: 4, units3: 0, units4: 30, units5: 1, units6: 128 };
    expect(hiddenWidths(settings)).toEqual([10, 4, 10, 30, 1, 128]);
    expect(hiddenWidths({ ...settings, hiddenLayers: 2 })).toEqual([10, 4]);
  });

  it('a trial takes its searched per-layer widths from its params and the fixed ones from the base', () => {
    const base = { ...defaultModelSettings, hiddenLayers: 3, units: 16, units3: 5 };
    expect(hiddenWidths(trialSettings(base, { units: 9, units2: 3 }, 10))).toEqual([9, 3, 5]);
    expect(hiddenWidths(trialSettings(base, { hiddenLayers: 1, units: 9 }, 10))).toEqual([9]);
  });
});

describe("Adam's β's", () => {
  it('adamBetas gives a trial its own β1 and β2 with adam and adam-hd, and Keras defaults otherwise or when absent', () => {
    expect(adamBetas({ ...defaultModelSettings, optimizer: 'adam', beta1: 0.8, beta2: 0.99 })).toEqual({ beta1: 0.8, beta2: 0.99 });
    expect(adamBetas({ ...defaultModelSettings, optimizer: 'adam-hd', beta1: 0.5, beta2: 0.9 })).toEqual({ beta1: 0.5, beta2: 0.9 });
    expect(adamBetas({ ...defaultModelSettings, optimizer: 'sgd', beta1: 0.5 })).toEqual({ beta1: 0.9, beta2: 0.999 });
    expect(adamBetas({ optimizer: 'adam' })).toEqual({ beta1: 0.9, beta2: 0.999 });
  });
});

describe('links and the settings table', () => {
  it('an old link without the new settings opens with every layer as wide as layer 1 and Adam at 0.9 / 0.999', () => {
    const { settings, notices } = decodeSettings('#hiddenLayers=4&units=24&optimizer=adam&learningRate=0.01');
    expect(notices).toEqual([]);
    const model = modelSettingsOf(settings);
    expect(hiddenWidths(model)).toEqual([24, 24, 24, 24]);
    expect(adamBetas(model)).toEqual({ beta1: 0.9, beta2: 0.999 });
  });

  it('the defaults write nothing new into a link, and per-layer widths and β\'s survive a round trip', () => {
    expect(encodeSettings(defaultSettings())).toBe('');
    const settings = { ...defaultSettings(), hiddenLayers: 3, units2: 5, units3: 40, beta1: 0.85, beta2: 0.995 };
    const link = encodeSettings(settings);
    expect(link).toBe('#hiddenLayers=3&units2=5&units3=40&beta1=0.85&beta2=0.995');
    expect(decodeSettings(link)).toEqual({ settings, notices: [] });
  });

  it('refuses a layer width or a β outside its range with a notice and keeps the default', () => {
    const { settings, notices } = decodeSettings('#units2=500&beta1=1.5');
    expect(settings.units2).toBe(0);
    expect(settings.beta1).toBe(0.9);
    expect(notices).toHaveLength(2);
    expect(invalidSetting({ ...modelSettingsOf(defaultSettings()), units3: 0.5 })).toMatch(/Units of layer 3/);
    expect(invalidSetting({ ...modelSettingsOf(defaultSettings()), beta2: 1 })).toMatch(/Adam β2/);
  });

  it('a link searching per-layer widths and β\'s reads back the same space', () => {
    const search = 'units:int:2:32,units2:int:2:16,units3:int:4:8,hiddenLayers:int:1:3,optimizer:choice:sgd/adam,beta1:real:0.8:0.99,beta2:real:0.9:0.9999';
    const { settings, notices } = decodeSettings(`#search=${encodeURIComponent(search)}`);
    expect(notices).toEqual([]);
    expect(settings.search).toBe(search);
    expect(searchSpace(settings).map((dimension) => dimension.name)).toEqual(['units', 'units2', 'units3', 'hiddenLayers', 'optimizer', 'beta1', 'beta2']);
  });
});

const pageSpaceNames: SearchFormSetting[] = ['learningRate', 'units', 'units2', 'units3', 'units4', 'hiddenLayers', 'optimizer', 'momentum', 'beta1', 'beta2'];

describe('the page\'s conditional space', () => {
  it('makes the units of layer k conditional on at least k layers and β\'s on adam or adam-hd', () => {
    const space = withConditions(pageSpaceNames.map(searchFormDimension));
    validateSpace(space);
    const when = Object.fromEntries(space.map((dimension) => [dimension.name, dimension.when]));
    expect(when.units2).toEqual({ dimension: 'hiddenLayers', atLeast: 2 });
    expect(when.units4).toEqual({ dimension: 'hiddenLayers', atLeast: 4 });
    expect(when.beta1).toEqual({ dimension: 'optimizer', in: ['adam', 'adam-hd'] });
    expect(when.beta2).toEqual({ dimension: 'optimizer', in: ['adam', 'adam-hd'] });
    expect(settingDefinitions.units6.label).toBe('Units of layer 6');
  });

  for (const name of strategyNames) {
    it(`${name} never proposes a layer width the trial lacks or a β without Adam, and the trial's widths and β's are the ones it proposed`, () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 1000 }), (seed) => {
          const space = withConditions(pageSpaceNames.map(searchFormDimension));
          const strategy = createStrategy(name, space, { seed, budget: 12 });
          for (let trial = 0; trial < 12; trial++) {
            const params = strategy.ask();
            if (!params) break;
            for (const dimension of space) expect(Object.hasOwn(params, dimension.name)).toBe(isActive(dimension, params));
            const settings = trialSettings(defaultModelSettings, params, 5);
            const widths = hiddenWidths(settings);
            expect(widths).toHaveLength(params.hiddenLayers as number);
            widths.forEach((width, layer) => expect(width).toBe((layer === 0 ? params.units : (params as Params)[`units${layer + 1}`] ?? params.units) as number));
            if (params.optimizer !== 'adam') expect(adamBetas(settings)).toEqual({ beta1: 0.9, beta2: 0.999 });
            else expect(adamBetas(settings)).toEqual({ beta1: params.beta1, beta2: params.beta2 });
            strategy.tell(params, widths.length + (trial % 3));
          }
        }),
        { numRuns: 5 },
      );
    });
  }
});
