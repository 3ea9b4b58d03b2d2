/**
 * The rules of the settings table applied to one untrusted value: each setting type's check,
 * with the coercions a link needs (decimal text to numbers, `1`/`0` and a bare flag to booleans).
 */
import type { BooleanSetting, ChoiceSetting, IntSetting, NumberSetting, SettingCheck, SettingDefinition, SettingValue, TextSetting } from './settingTypes';

const decimalPattern = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;
const controlCharacters = /\p{Cc}/u;
const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Shows a refused value in a notice: quoted, and cut short when long. */
export function quoteValue(value: unknown): string {
  let text: string;
  if (typeof value === 'string') text = value;
  else if (typeof value === 'number' || typeof value === 'boolean') text = String(value);
  else if (Array.isArray(value)) text = value.map((item) => (typeof item === 'string' ? item : typeof item)).join(',');
  else text = value === null ? 'null' : typeof value;
  return `“${text.length > 40 ? `${text.slice(0, 40)}…` : text}”`;
}

function toNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && decimalPattern.test(value.trim())) return Number(value.trim());
  return Number.NaN;
}

function checkNumber(definition: NumberSetting | IntSetting, value: unknown): SettingCheck<number> {
  const number = toNumber(value) + 0; // + 0 turns -0 into 0
  const whole = definition.type === 'int';
  if (whole && number === definition.off) return { ok: true, value: number };
  if (Number.isFinite(number) && number >= definition.min && number <= definition.max && (!whole || Number.isInteger(number))) {
    return { ok: true, value: number };
  }
  const kind = whole ? 'a whole number' : 'a number';
  const off = whole && definition.off !== undefined ? ` (or ${definition.off} for off)` : '';
  return { ok: false, notice: `${definition.label} must be ${kind} from ${definition.min} to ${definition.max}${off}, not ${quoteValue(value)}.` };
}

function checkChoice(definition: ChoiceSetting, value: unknown): SettingCheck<string | string[]> {
  const allowed = `one of ${definition.values.join(', ')}`;
  if (!definition.multiple) {
    if (typeof value === 'string' && definition.values.includes(value)) return { ok: true, value };
    return { ok: false, notice: `${definition.label} must be ${allowed}, not ${quoteValue(value)}.` };
  }
  const items = typeof value === 'string' ? (value === '' ? [] : value.split(',')) : value;
  if (!Array.isArray(items) || items.length === 0) {
    return { ok: false, notice: `${definition.label} must list at least one of ${definition.values.join(', ')}, not ${quoteValue(value)}.` };
  }
  const chosen: string[] = [];
  for (const item of items) {
    if (typeof item !== 'string' || !definition.values.includes(item)) {
      return { ok: false, notice: `${definition.label} may list only ${definition.values.join(', ')}, not ${quoteValue(item)}.` };
    }
    if (chosen.includes(item)) return { ok: false, notice: `${definition.label} lists ${quoteValue(item)} twice.` };
    chosen.push(item);
  }
  return { ok: true, value: chosen };
}

function checkBoolean(definition: BooleanSetting, value: unknown): SettingCheck<boolean> {
  if (typeof value === 'boolean') return { ok: true, value };
  // A bare flag (`#embed`) reads as on.
  if (value === '' || value === '1' || value === 'true') return { ok: true, value: true };
  if (value === '0' || value === 'false') return { ok: true, value: false };
  return { ok: false, notice: `${definition.label} must be on (1) or off (0), not ${quoteValue(value)}.` };
}

function checkText(definition: TextSetting, value: unknown): SettingCheck<string> {
  if (typeof value !== 'string') return { ok: false, notice: `${definition.label} must be text, not ${quoteValue(value)}.` };
  if (value.length > definition.maxLength) {
    return { ok: false, notice: `${definition.label} must be at most ${definition.maxLength} characters long.` };
  }
  if (controlCharacters.test(value) || loneSurrogate.test(value)) {
    return { ok: false, notice: `${definition.label} contains characters that cannot be shown.` };
  }
  return definition.canonical ? definition.canonical(value) : { ok: true, value };
}

/** The valid value of a setting under its rule, or a notice naming the setting and the rule. */
export function checkSettingValue(definition: SettingDefinition, value: unknown): SettingCheck<SettingValue> {
  switch (definition.type) {
    case 'number':
    case 'int':
      return checkNumber(definition, value);
    case 'choice':
      return checkChoice(definition, value);
    case 'boolean':
      return checkBoolean(definition, value);
    case 'text':
      return checkText(definition, value);
  }
}
