/**
 * The shapes of the settings table's rows (number, int, choice, boolean, text) and of a checked
 * value; settings.ts holds the table itself, settingChecks.ts the rules applied to a value.
 */
import type { Dimension } from './space';

/** The range the search form offers for a setting (a dimension without its name), when it offers one. */
export type SearchRange = Dimension extends infer D ? (D extends Dimension ? Omit<D, 'name'> : never) : never;

/** Any value a setting can take. */
export type SettingValue = number | boolean | string | readonly string[];
/** Where a setting's control lives. */
export type SettingGroup = 'data' | 'model' | 'training' | 'search' | 'view';
/** Kind of a setting's value. */
export type SettingType = 'number' | 'int' | 'choice' | 'boolean' | 'text';

interface SettingCommon {
  /** Name shown on the control and in notices. */
  label: string;
  /** Panel the control belongs to. */
  group: SettingGroup;
  /** One line shown beside the control. */
  explanation: string;
}

/** A real number in [min, max]; `scale: 'log'` for settings that span decades. */
export interface NumberSetting extends SettingCommon {
  type: 'number';
  min: number;
  max: number;
  scale: 'linear' | 'log';
  default: number;
  /** Whether a search may vary it. */
  searchable?: boolean;
  /** The range the search form offers for it by default. */
  searchRange?: SearchRange;
}

/** A whole number in [min, max], or `off` (a value outside the range that turns the feature off). */
export interface IntSetting extends SettingCommon {
  type: 'int';
  min: number;
  max: number;
  off?: number;
  default: number;
  searchable?: boolean;
  searchRange?: SearchRange;
}

/** One of `values`, or with `multiple` a list of distinct values (at least one). */
export interface ChoiceSetting extends SettingCommon {
  type: 'choice';
  values: readonly string[];
  multiple?: boolean;
  default: string | readonly string[];
  searchable?: boolean;
  searchRange?: SearchRange;
}

/** On or off. */
export interface BooleanSetting extends SettingCommon {
  type: 'boolean';
  default: boolean;
}

/** Free text of at most maxLength characters, shown as text; `canonical` checks and normalises a structured text. */
export interface TextSetting extends SettingCommon {
  type: 'text';
  maxLength: number;
  default: string;
  canonical?: (text: string) => SettingCheck<string>;
}

/** The rule of one setting. */
export type SettingDefinition = NumberSetting | IntSetting | ChoiceSetting | BooleanSetting | TextSetting;

/** A checked value, or a notice in words saying why it was refused. */
export type SettingCheck<T> = { ok: true; value: T } | { ok: false; notice: string };
