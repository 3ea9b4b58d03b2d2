/**
 * fast-check arbitraries of valid settings, built from the settings table, for the URL codec
 * and the study export tests.
 */
import fc from 'fast-check';
import { formatColumnList, maxColumnNameLength } from '../../../src/lib/core/columnList';
import { formatSearchedDimensions } from '../../../src/lib/core/searchedDimensions';
import { settingDefinitions, settingKeys, validateSetting, type SettingDefinition, type Settings, type SettingValue } from '../../../src/lib/core/settings';
import type { Dimension } from '../../../src/lib/core/space';

/** Doubles in [min, max] without -0, which a link writes as 0. */
export function doubleIn(min: number, max: number): fc.Arbitrary<number> {
  return fc.double({ min, max, noNaN: true }).map((value) => value + 0);
}

/** Any valid searched range of one searchable setting. */
export function dimensionArbitrary(name: string, definition: SettingDefinition): fc.Arbitrary<Dimension> {
  if (definition.type === 'choice') {
    return fc.shuffledSubarray([...definition.values], { minLength: 2 }).map((values) => ({ name, type: 'choice' as const, values }));
  }
  if (definition.type === 'int') {
    return fc
      .tuple(fc.integer({ min: definition.min, max: definition.max }), fc.integer({ min: definition.min, max: definition.max }))
      .filter(([low, high]) => low < high)
      .map(([low, high]) => ({ name, type: 'int' as const, low, high }));
  }
  if (definition.type !== 'number') throw new Error(`${name} is not searchable`);
  return fc
    .tuple(fc.constantFrom('real' as const, 'log' as const), doubleIn(definition.min, definition.max), doubleIn(definition.min, definition.max))
    .filter(([type, low, high]) => low < high && (type === 'real' || low > 0))
    .map(([type, low, high]) => ({ name, type, low, high }));
}

const searchableKeys = settingKeys.filter((key) => {
  const definition: SettingDefinition = settingDefinitions[key];
  return definition.type !== 'boolean' && definition.type !== 'text' && definition.searchable === true;
});

/** Any valid search space over the searchable settings, in any order (possibly empty). */
export const searchedDimensionsArbitrary: fc.Arbitrary<Dimension[]> = fc
  .shuffledSubarray(searchableKeys)
  .chain((keys) => fc.tuple(...keys.map((key) => dimensionArbitrary(key, settingDefinitions[key]))));

const searchArbitrary = searchedDimensionsArbitrary.map((dimensions) => formatSearchedDimensions(dimensions));
/** Any list of CSV column names left out, as the setting's text (any characters, commas and quotes included). */
export const columnListArbitrary = fc
  .uniqueArray(fc.string({ unit: 'binary', minLength: 1, maxLength: maxColumnNameLength }), { maxLength: 8 })
  .map((names) => formatColumnList(names))
  // Names the table's text rule refuses (characters that cannot be shown) are not valid settings.
  .filter((text) => validateSetting('csvIgnored', text).ok);

/** Any valid value of one setting under its rule in the table. */
export function valueArbitrary(key: string, definition: SettingDefinition): fc.Arbitrary<SettingValue> {
  switch (definition.type) {
    case 'number':
      return doubleIn(definition.min, definition.max);
    case 'int': {
      const inRange = fc.integer({ min: definition.min, max: definition.max });
      return definition.off === undefined ? inRange : fc.oneof(fc.constant(definition.off), inRange);
    }
    case 'choice':
      return definition.multiple ? fc.shuffledSubarray([...definition.values], { minLength: 1 }) : fc.constantFrom(...definition.values);
    case 'boolean':
      return fc.boolean();
    case 'text':
      if (key === 'search') return searchArbitrary;
      if (key === 'csvIgnored') return columnListArbitrary;
      return fc.string({ unit: 'binary', maxLength: definition.maxLength }).filter((text) => validateSetting(key, text).ok);
  }
}

/** Split fractions in whole percent that add up to 1 and sit in their ranges. */
const splitArbitrary = fc
  .tuple(fc.integer({ min: 10, max: 90 }), fc.integer({ min: 5, max: 50 }))
  .filter(([train, validation]) => train + validation <= 100 && train + validation >= 50)
  .map(([train, validation]) => ({ trainFraction: train / 100, validationFraction: validation / 100, testFraction: (100 - train - validation) / 100 }));

/** Any valid settings, built from the settings table. */
export const settingsArbitrary: fc.Arbitrary<Settings> = fc
  .tuple(fc.record(Object.fromEntries(settingKeys.map((key) => [key, valueArbitrary(key, settingDefinitions[key])]))), splitArbitrary)
  .map(([values, split]) => ({ ...(values as unknown as Settings), ...split }));
