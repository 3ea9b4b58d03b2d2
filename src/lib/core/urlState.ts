/**
 * Settings in the URL fragment, so every configuration is a link: `#learningRate=0.1&embed`.
 * Only values that differ from their default are written, so links stay short; reading a link
 * never throws: every unknown key or refused value falls back to its default with a notice.
 */
import {
  isSettingKey,
  quoteValue,
  settingDefinitions,
  settingKeys,
  validateSettings,
  type SettingDefinition,
  type SettingValue,
  type Settings,
} from './settings';
import { formatCount, maxShownNotices } from './messageLimits';

/** Notices decodeSettings writes about single parts of a link before it only counts them; half a list, so the page's own notices still show. */
const maxPartNotices = maxShownNotices / 2;

/** Settings read from a link, all valid, and one sentence per part of the link that was refused. */
export interface DecodedSettings {
  settings: Settings;
  notices: string[];
}

/** The text a value takes in a link: shortest exact numbers, `1`/`0` for booleans, lists joined by commas. */
function valueText(definition: SettingDefinition, value: SettingValue): string {
  if (definition.type === 'boolean') return value ? '1' : '0';
  if (Array.isArray(value)) return value.join(',');
  return String(value);
}

/** Percent-encodes a value, but keeps the separators of lists and searched dimensions readable. */
function encodeValue(text: string): string {
  return encodeURIComponent(text).replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%2F/g, '/');
}

/** The URL fragment (`#` and key=value pairs) of the settings that differ from their defaults; '' when none do. */
export function encodeSettings(settings: Settings): string {
  const pairs: string[] = [];
  for (const key of settingKeys) {
    const definition: SettingDefinition = settingDefinitions[key];
    const text = valueText(definition, settings[key]);
    if (text === valueText(definition, definition.default)) continue;
    // A boolean that is on is a bare flag: `#embed`.
    pairs.push(definition.type === 'boolean' && text === '1' ? key : `${key}=${encodeValue(text)}`);
  }
  return pairs.length === 0 ? '' : `#${pairs.join('&')}`;
}

/** The key=value text of a link: what follows its first `#`, or the whole text when there is none. */
function fragmentOf(link: string): string {
  const hash = link.indexOf('#');
  const fragment = hash >= 0 ? link.slice(hash + 1) : link;
  return fragment.startsWith('?') ? fragment.slice(1) : fragment;
}

/**
 * Valid settings from any text (a fragment, with or without `#`, or a whole link), with a notice
 * for every unknown key, repeated key or refused value; never throws. Text values stay plain strings.
 */
export function decodeSettings(link: string): DecodedSettings {
  const values: Record<string, string> = Object.create(null);
  const notices: string[] = [];
  let uncounted = 0;
  const notice = (text: () => string) => (notices.length < maxPartNotices ? notices.push(text()) : uncounted++);
  for (const [key, value] of new URLSearchParams(fragmentOf(link))) {
    if (!isSettingKey(key)) {
      notice(() => `Unknown setting ${quoteValue(key)} in the link is ignored.`);
    } else if (Object.hasOwn(values, key)) {
      notice(() => `The link sets ${settingDefinitions[key].label} more than once; the first value is used.`);
    } else {
      values[key] = value;
    }
  }
  if (uncounted > 0) notices.push(`…and ${formatCount(uncounted)} more unknown or repeated parts of the link are ignored.`);
  const validated = validateSettings(values);
  return { settings: validated.settings, notices: [...notices, ...validated.notices] };
}
