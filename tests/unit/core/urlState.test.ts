import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultSettings, settingKeys, validateSetting, type Settings } from '../../../src/lib/core/settings';
import { decodeSettings, encodeSettings } from '../../../src/lib/core/urlState';
import { settingsArbitrary } from './settingsArbitrary';

/** Fragments made of known keys, dangerous keys and arbitrary values, to reach deep into the decoder. */
const fragmentArbitrary = fc
  .array(fc.tuple(fc.constantFrom(...settingKeys, '__proto__', 'constructor', 'prototype', '', 'x'), fc.string({ unit: 'binary' })), { maxLength: 12 })
  .map((pairs) => `#${pairs.map(([key, value]) => `${key}=${encodeURIComponent(value).replace(/%2C/g, ',')}`).join('&')}`);

function expectValid(settings: Settings): void {
  for (const key of settingKeys) expect(validateSetting(key, settings[key]), key).toEqual({ ok: true, value: settings[key] });
  expect(Math.abs(settings.trainFraction + settings.validationFraction + settings.testFraction - 1)).toBeLessThan(1e-9);
  expect(Object.keys(settings).sort()).toEqual([...settingKeys].sort());
}

describe('urlState', () => {
  it('decodeSettings(encodeSettings(settings)) gives back any valid settings, with no notices', () => {
    fc.assert(
      fc.property(settingsArbitrary, (settings) => {
        expect(decodeSettings(encodeSettings(settings))).toEqual({ settings, notices: [] });
      }),
      { numRuns: 300 },
    );
  });

  it('encodeSettings writes nothing for the defaults and only the settings that differ', () => {
    expect(encodeSettings(defaultSettings())).toBe('');
    expect(encodeSettings({ ...defaultSettings(), units: 64 })).toBe('#units=64');
    expect(encodeSettings({ ...defaultSettings(), embed: true, restoreBestWeights: false })).toBe('#restoreBestWeights=0&embed');
  });

  it('encodeSettings keeps searched dimensions and view lists readable', () => {
    const fragment = encodeSettings({ ...defaultSettings(), search: 'learningRate:log:0.0001:1,units:int:1:64', views: ['data', 'curves'] });
    expect(fragment).toBe('#search=learningRate:log:0.0001:1,units:int:1:64&views=data,curves');
  });

  it('any string decodes to valid settings plus notices, without throwing', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fragmentArbitrary), (link) => {
        const { settings, notices } = decodeSettings(link);
        expectValid(settings);
        for (const notice of notices) expect(typeof notice).toBe('string');
      }),
      { numRuns: 500 },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a text field carrying markup decodes to that literal string', () => {
    const markup = '<img src=x onerror=alert(1)>';
    expect(decodeSettings(`#lesson=${encodeURIComponent(markup)}`)).toEqual({ settings: { ...defaultSettings(), lesson: markup }, notices: [] });
    expect(decodeSettings(`#lesson=${markup}`).settings.lesson).toBe(markup);
    expect(decodeSettings(encodeSettings({ ...defaultSettings(), lesson: 'a&b=c#d+e%f' })).settings.lesson).toBe('a&b=c#d+e%f');
  });

  it('unknown keys and out-of-range values give notices and their defaults', () => {
    const { settings, notices } = decodeSettings('#units=500&learningRate=-1&colour=red&budget=12.5&activation=softmax&hiddenLayers=3');
    expect(settings).toEqual({ ...defaultSettings(), hiddenLayers: 3 });
    expect(notices).toHaveLength(5);
    expect(notices.join(' ')).toMatch(/colour/);
    expect(notices.join(' ')).toMatch(/Units per layer/);
    expect(notices.join(' ')).toMatch(/Learning rate/);
    expect(notices.join(' ')).toMatch(/Budget/);
    expect(notices.join(' ')).toMatch(/Activation/);
  });

  it('__proto__, constructor and prototype are unknown keys and pollute nothing', () => {
    const { settings, notices } = decodeSettings('#__proto__=x&constructor=y&prototype=z&__proto__[polluted]=1&units=8');
    expect(settings).toEqual({ ...defaultSettings(), units: 8 });
    expect(notices).toHaveLength(4);
    for (const notice of notices) expect(notice).toContain('Unknown setting');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(settings)).toBe(Object.prototype);
  });

  it('a key given twice keeps its first value, with a notice', () => {
    const { settings, notices } = decodeSettings('#units=8&units=9');
    expect(settings.units).toBe(8);
    expect(notices).toHaveLength(1);
  });

  it('reads the fragment of a whole link, and a fragment without its #', () => {
    expect(decodeSettings('https://example.org/course/?units=3#units=8&embed').settings).toMatchObject({ units: 8, embed: true });
    expect(decodeSettings('units=8').settings.units).toBe(8);
    expect(decodeSettings('').settings).toEqual(defaultSettings());
    expect(decodeSettings('#').notices).toEqual([]);
  });

  it('a split that does not add up to 1 falls back to the default split with a notice', () => {
    const { settings, notices } = decodeSettings('#trainFraction=0.9&validationFraction=0.2');
    expect([settings.trainFraction, settings.validationFraction, settings.testFraction]).toEqual([0.6, 0.2, 0.2]);
    expect(notices).toHaveLength(1);
  });
});
