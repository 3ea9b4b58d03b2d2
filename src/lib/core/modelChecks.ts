/**
 * Whether the model settings a person typed can train: the first empty or out-of-range field,
 * named, so the page can say so before anything starts.
 */
import type { ModelSettings } from './modelSettings';
import { settingDefinitions, validateSetting } from './settings';

const checkedSettings = ['hiddenLayers', 'units', 'units2', 'units3', 'units4', 'units5', 'units6', 'learningRate', 'momentum', 'beta1', 'beta2', 'batchSize', 'epochs', 'l1', 'l2', 'dropout', 'degree', 'alpha', 'patience'] as const;

/** A sentence naming the first setting a person left empty or out of range, or '' when all are fine. */
export function invalidSetting(settings: ModelSettings): string {
  for (const key of checkedSettings) {
    const value = settings[key];
    if (value === null || value === undefined) return `${settingDefinitions[key].label} is empty; give it a value.`;
    const checked = validateSetting(key, value);
    if (!checked.ok) return checked.notice;
  }
  return '';
}
