/**
 * The study export, the experiment log of DESIGN.md: `tuning-playground/study@2` JSON out and
 * back in (older versions migrated, studyMigration.ts). Import is validated against the format (studySchema.ts) and never throws: anything
 * else, a `__proto__` or `constructor` payload included, ends in a message and changes nothing.
 */
import type { EpochRecord, Trial } from '../core/trial';
import { readableStudyFormats } from './studyMigration';
import { findStructureProblem, forbiddenKeyNames, jsonNestsDeeperThan, maxStudyDepth, readStudy, studyFormat, StudyFormatError, type StudyExport } from './studySchema';
export { studyFormat, type StudyDataset, type StudyExport } from './studySchema';
export { trialsToCsv } from './trialsCsv';

/** Largest study text parseStudyJson reads, in characters (about 20 MB). */
export const maxStudyCharacters = 20 * 1024 * 1024;

/** An imported study, or a message a person can read saying why it was refused. */
export type StudyParseResult = { ok: true; study: StudyExport } | { ok: false; message: string };

/** A number as JSON can carry it: finite numbers as they are, NaN and ±Infinity (a diverged loss) as text. */
function jsonNumber(value: number): number | string {
  return Number.isFinite(value) ? value : String(value);
}

function exportedEpoch(record: EpochRecord): Record<string, number | string> {
  const exported: Record<string, number | string> = {
    epoch: record.epoch,
    trainLoss: jsonNumber(record.trainLoss),
    validationLoss: jsonNumber(record.validationLoss),
  };
  if (record.trainAccuracy !== undefined) exported.trainAccuracy = jsonNumber(record.trainAccuracy);
  if (record.validationAccuracy !== undefined) exported.validationAccuracy = jsonNumber(record.validationAccuracy);
  return exported;
}

/** Only the fields of the format, so a StudyTrial's extra fields (maxEpochs, startedAtMs…) stay out. */
function exportedTrial(trial: Trial): Record<string, unknown> {
  const exported: Record<string, unknown> = {
    id: trial.id,
    params: trial.params,
    state: trial.state,
    value: trial.value === null ? null : jsonNumber(trial.value),
    durationMs: trial.durationMs,
  };
  if (trial.diagnosis !== undefined) exported.diagnosis = trial.diagnosis;
  exported.epochs = trial.epochs.map(exportedEpoch);
  if (trial.error !== undefined) exported.error = trial.error;
  return exported;
}

/** The study as `tuning-playground/study@2` JSON text: one line per top-level field and per trial. */
export function studyToJson(study: StudyExport): string {
  const head = {
    format: studyFormat,
    seed: study.seed,
    backend: study.backend,
    dataset: study.dataset,
    model: study.model,
    space: study.space,
    strategy: study.strategy,
    objective: study.objective,
  };
  const lines = Object.entries(head).map(([key, value]) => `  ${JSON.stringify(key)}: ${JSON.stringify(value)}`);
  const trials = study.trials.map((trial) => `    ${JSON.stringify(exportedTrial(trial))}`);
  lines.push(trials.length === 0 ? '  "trials": []' : `  "trials": [\n${trials.join(',\n')}\n  ]`);
  return `{\n${lines.join(',\n')}\n}\n`;
}

function formatMessage(format: unknown): string | null {
  if (typeof format === 'string' && readableStudyFormats.includes(format)) return null;
  if (format === undefined) return `it has no "format" field; expected "${studyFormat}".`;
  if (typeof format !== 'string') return `its "format" field is not text; expected "${studyFormat}".`;
  const shown = JSON.stringify(format.length > 60 ? `${format.slice(0, 60)}…` : format);
  if (format.startsWith('tuning-playground/study@')) {
    return `it is in format ${shown}, which this version of the app cannot read; expected "${studyFormat}".`;
  }
  return `its format is ${shown}, not "${studyFormat}".`;
}

/**
 * Reads study JSON text: { ok: true, study } with a study built afresh from the checked fields,
 * or { ok: false, message } naming the first problem (size, syntax, format, a field and its rule).
 */
export function parseStudyJson(text: string): StudyParseResult {
  // Reasons quote names and paths from the file: cut them so no file can make a message of megabytes.
  const refuse = (reason: string): StudyParseResult => ({
    ok: false,
    message: `This file is not a study this app can open: ${reason.length > 300 ? `${reason.slice(0, 299)}…` : reason}`,
  });
  try {
    if (typeof text !== 'string') return refuse('it is not text.');
    if (text.length > maxStudyCharacters) return refuse(`it is larger than the limit of ${maxStudyCharacters / 1024 / 1024} MB.`);
    // Parsing a million nested lists takes seconds and builds what no study holds: refuse them unread.
    if (jsonNestsDeeperThan(text, maxStudyDepth)) return refuse(`it is nested more than ${maxStudyDepth} levels deep, deeper than any study.`);
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      return refuse(`it is not valid JSON (${error instanceof Error ? error.message : String(error)}).`);
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return refuse(`it is not a JSON object; expected "${studyFormat}".`);
    // Depth was checked before parsing; a forbidden key needs its name in the text, or an escape spelling it: without either, no walk.
    const mayHoldForbidden = text.includes('\\u') || forbiddenKeyNames.some((key) => text.includes(key));
    const structureProblem = mayHoldForbidden ? findStructureProblem(value) : null;
    if (structureProblem) return refuse(structureProblem);
    const format = Object.hasOwn(value, 'format') ? (value as Record<string, unknown>).format : undefined;
    const wrongFormat = formatMessage(format);
    if (wrongFormat) return refuse(wrongFormat);
    return { ok: true, study: readStudy(value) };
  } catch (error) {
    if (error instanceof StudyFormatError) return refuse(error.message);
    return refuse(`reading it failed (${error instanceof Error ? error.message : String(error)}).`);
  }
}
