/**
 * Trials as CSV (RFC 4180), safe to open in a spreadsheet: a text cell that a spreadsheet would
 * read as a formula is neutralised with a leading single quote, while real numbers, negative
 * ones included, stay numbers.
 */
import type { Dimension } from '../core/space';
import type { Trial } from '../core/trial';

/** First characters that make a spreadsheet treat a cell as a formula (or hide what follows). */
const formulaStarts = new Set(['=', '+', '-', '@', '\t', '\r', '\n', '\0']);

/** Formula triggers a spreadsheet still finds past leading spaces, or folds from look-alikes: U+2212 minus sign. */
const foldedTriggers = new Set(['=', '+', '-', '@', '\u2212']);

/** Spaces, control characters and invisible format marks (zero-width space, BOM) that can hide a trigger. */
const hiddenLead = /^[\s\p{Cc}\p{Cf}]+/u;

/**
 * Whether a spreadsheet could run the text: it opens with a trigger, or with spaces or invisible marks before
 * one, or with a full-width or small form (＝ ＋ － ＠ ﹦ ﹢ ﹣ ﹫, which NFKC folds onto = + - @) or a minus sign.
 */
function looksLikeFormula(text: string): boolean {
  if (formulaStarts.has(text[0])) return true;
  const first = text.replace(hiddenLead, '')[0];
  return first !== undefined && foldedTriggers.has(first.normalize('NFKC'));
}

/** Plain decimal numbers, which a spreadsheet reads as numbers and never as formulas. */
const plainNumber = /^-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

/** The text of one cell, neutralised against formulas and quoted when it holds a comma, quote or line break. */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  const safeNumber = typeof value === 'number' ? Number.isFinite(value) : plainNumber.test(text);
  if (!safeNumber && text.length > 0 && looksLikeFormula(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Column names of trialsToCsv for a space: the trial's fields, one per searched dimension, the final metrics. */
export function trialsCsvColumns(space: readonly Dimension[]): string[] {
  return [
    'id', 'state', 'value', 'durationMs', 'diagnosis',
    ...space.map((dimension) => dimension.name),
    'trainLoss', 'validationLoss', 'trainAccuracy', 'validationAccuracy', 'error',
  ];
}

/**
 * One row per trial after a header: id, state, value, duration, diagnosis, each searched
 * param, the losses and accuracies of the last epoch, and the error; CRLF line ends.
 */
export function trialsToCsv(trials: readonly Trial[], space: readonly Dimension[]): string {
  const rows = [trialsCsvColumns(space).map(csvCell)];
  for (const trial of trials) {
    const last = trial.epochs.at(-1);
    rows.push([
      trial.id, trial.state, trial.value, trial.durationMs, trial.diagnosis,
      ...space.map((dimension) => (Object.hasOwn(trial.params, dimension.name) ? trial.params[dimension.name] : undefined)),
      last?.trainLoss, last?.validationLoss, last?.trainAccuracy, last?.validationAccuracy, trial.error,
    ].map(csvCell));
  }
  return rows.map((row) => `${row.join(',')}\r\n`).join('');
}
