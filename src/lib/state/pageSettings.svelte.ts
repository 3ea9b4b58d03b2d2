/**
 * The page's one source of truth for settings: a reactive object holding every setting of the
 * table in core/settings.ts, starting at the table's defaults. Forms bind to it (through the
 * accessors of Playground and SearchSettings), and the link is encode(settings) of it.
 */
import { defaultSettings, modelSettingsOf, settingKeys, validateSettings, type Settings } from '../core/settings';
import type { ModelSettings } from '../core/modelSettings';
import { encodeSettings } from '../core/urlState';

/** Rounds away the float noise of 1 − train − validation (the split check allows 1e-9). */
export function leftover(train: number, validation: number): number {
  return Math.round((1 - train - validation) * 1e12) / 1e12;
}

/** Every setting of the page, reactive. */
export class PageSettings {
  /** The values the controls show and edit; a value being typed may be out of range for a while. */
  values = $state<Settings>(defaultSettings());

  /**
   * Valid settings describing the page: a value no link could hold (empty, out of range) takes
   * its default, and the test fraction is what training and validation leave.
   */
  current: Settings = $derived(
    validateSettings({ ...this.values, testFraction: leftover(this.values.trainFraction, this.values.validationFraction) }).settings,
  );

  /** The link fragment of the page ('' while every setting is at its default). */
  link: string = $derived(encodeSettings(this.current));

  /** The model settings alone, as a plain snapshot (what a trial trains and a study exports). */
  modelSettings(): ModelSettings {
    return modelSettingsOf($state.snapshot(this.values) as Settings);
  }

  /** Lays valid settings onto the page, every key at once. */
  apply(settings: Settings): void {
    const values = this.values as unknown as Record<string, unknown>;
    for (const key of settingKeys) {
      const value = settings[key];
      values[key] = Array.isArray(value) ? [...value] : value;
    }
  }
}
