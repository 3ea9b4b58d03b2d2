/** What went wrong with a CSV file; each kind has its own message for the page. */
export type CsvErrorKind =
  | 'empty'
  | 'oneColumn'
  | 'tooLarge'
  | 'tooManyRows'
  | 'tooManyFeatures'
  | 'malformedRows'
  | 'nonNumericFeature'
  | 'missingValue'
  | 'unknownTarget'
  | 'nonNumericTarget'
  | 'singleClass'
  | 'tooManyClasses'
  | 'unreadable';

/**
 * A problem a person can fix in their file: plain data (not an Error) so it survives postMessage
 * from the parsing worker. `message` is a full sentence for `[data-testid=error-message]`.
 */
export interface CsvError {
  /** Which check failed. */
  kind: CsvErrorKind;
  /** Human-readable explanation, naming columns and 1-based line numbers where they apply. */
  message: string;
  /** 1-based line numbers of the offending rows (at most csvMaxReportedLines), when rows are at fault. */
  lines?: number[];
  /** Name of the offending column, when one column is at fault. */
  column?: string;
}

/** Either a value or the reason there is none; parsing returns this instead of throwing. */
export type CsvResult<T> = { ok: true; value: T } | { ok: false; error: CsvError };

/** Most line numbers kept in CsvError.lines. */
export const csvMaxReportedLines = 1000;

/** A failed result with the given error. */
export function csvFailure<T>(kind: CsvErrorKind, message: string, details: Omit<CsvError, 'kind' | 'message'> = {}): CsvResult<T> {
  return { ok: false, error: { kind, message, ...details } };
}

/** Writes line numbers for a sentence: "line 4", "lines 4 and 9", "lines 4, 9, 12, 15, 20 and 7 more". */
export function describeLines(lines: readonly number[], total = lines.length, shown = 5): string {
  if (total === 1) return `line ${lines[0]}`;
  if (total <= shown) return `lines ${lines.slice(0, -1).join(', ')} and ${lines[lines.length - 1]}`;
  return `lines ${lines.slice(0, shown).join(', ')} and ${(total - shown).toLocaleString('en-US')} more`;
}

/** Capitalises the first letter of a sentence. */
export function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
