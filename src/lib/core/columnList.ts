/**
 * A list of column names as one setting's text (the CSV columns left out of the features): a JSON
 * list of distinct names, so any name — commas, quotes, spaces — survives a link and a study file.
 */
import type { SettingCheck } from './settingTypes';

/** Most names a list holds, and most characters in one name. */
export const maxListedColumns = 60;
export const maxColumnNameLength = 100;

/** The text of a list of names: '' for none, else a JSON list (repeats dropped, order kept). */
export function formatColumnList(names: readonly string[]): string {
  const distinct = Array.from(new Set(names));
  return distinct.length === 0 ? '' : JSON.stringify(distinct);
}

/** The names in a list's text ('' is none), or a notice saying why the text is not such a list. */
export function parseColumnList(text: string): SettingCheck<string[]> {
  if (text.trim() === '') return { ok: true, value: [] };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, notice: 'Columns left out must be a JSON list of column names, e.g. ["id","name"].' };
  }
  if (!Array.isArray(value) || !value.every((name) => typeof name === 'string' && name.length > 0 && name.length <= maxColumnNameLength)) {
    return { ok: false, notice: `Columns left out must be a list of column names of 1 to ${maxColumnNameLength} characters.` };
  }
  if (value.length > maxListedColumns) return { ok: false, notice: `At most ${maxListedColumns} columns can be left out.` };
  return { ok: true, value: Array.from(new Set(value as string[])) };
}

/** The settings table's check of the text: valid lists in their canonical form. */
export function canonicalColumnList(text: string): SettingCheck<string> {
  const parsed = parseColumnList(text);
  return parsed.ok ? { ok: true, value: formatColumnList(parsed.value) } : parsed;
}
