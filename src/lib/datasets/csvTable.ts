import Papa from 'papaparse';
import { csvFailure, csvMaxReportedLines, describeLines, sentence, type CsvResult } from './csvError';

/** Limits on an uploaded CSV file, checked before (size) and while (rows, columns) it is read. */
export const csvLimits = {
  /** Largest file, in bytes (5 MB). */
  maxBytes: 5 * 1024 * 1024,
  /** Most data rows, not counting the header. */
  maxRows: 20_000,
  /** Most feature columns (the target column comes on top). */
  maxFeatures: 64,
  /** Most distinct values a classification target may have. */
  maxClasses: 50,
} as const;

/** What reading found about one column, so the page can offer targets without reparsing. */
export interface CsvColumn {
  /** Header name, made unique ("a", "a (2)") and never empty ("column 3"). */
  name: string;
  /** Every value is a finite decimal number (and none is missing). */
  numeric: boolean;
  /** Distinct values, counted up to csvLimits.maxClasses + 1. */
  distinctValues: number;
  /** 1-based line of the first empty value, or null. */
  missingLine: number | null;
  /** 1-based line and text of the first value that is not a number, or null. */
  firstText: { line: number; value: string } | null;
}

/** A CSV file read into trimmed strings, with its header and a summary of each column. */
export interface CsvTable {
  /** One entry per column, in file order. */
  columns: CsvColumn[];
  /** Data rows, shape [rows][columns.length], values trimmed. */
  rows: string[][];
  /** 1-based line in the file where each data row starts, length rows.length. */
  lines: number[];
  /** The separator found (or given): ",", ";", "\t" or "|". */
  delimiter: string;
}

/** Settings of readCsvTable. */
export interface CsvReadOptions {
  /** Column separator; detected among , ; tab | when left out. */
  delimiter?: string;
}

const numberPattern = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Largest magnitude a value may have: features and targets are stored as 32-bit floats. */
export const csvMaxMagnitude = 3.4e38;

/** Whether a cell is written as a decimal number, whatever its size ("1.5", "-2e3", ".5"). */
export function looksNumeric(cell: string): boolean {
  return numberPattern.test(cell.trim());
}

/** Numbers written with a decimal comma ("1,5", "-0,25", "1.234,5"), as spreadsheets in many locales save them. */
const decimalCommaPattern = /^[+-]?(\d+|\d{1,3}(\.\d{3})+)?,\d+([eE][+-]?\d+)?$/;

/** Whether a cell holds a number written with a decimal comma, which the app reads only with a dot. */
export function looksLikeDecimalComma(cell: string): boolean {
  return decimalCommaPattern.test(cell.trim());
}

/** The value of a decimal number written in a cell, or null if it is not one or beyond ±csvMaxMagnitude. */
export function parseNumber(cell: string): number | null {
  const text = cell.trim();
  if (!numberPattern.test(text)) return null;
  const value = Number(text);
  return Math.abs(value) <= csvMaxMagnitude ? value : null;
}

/** Formats a byte count for a message, e.g. "6.2 MB". */
function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** Checks a file's size in bytes before reading it; a tooLarge result when it exceeds csvLimits.maxBytes. */
export function checkCsvFileSize(bytes: number): CsvResult<number> {
  if (bytes > csvLimits.maxBytes) {
    return csvFailure('tooLarge', `The file is ${formatBytes(bytes)}; the limit is ${formatBytes(csvLimits.maxBytes)}. Use a smaller sample of the rows.`);
  }
  return { ok: true, value: bytes };
}

function uniqueNames(header: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return header.map((raw, index) => {
    const base = raw.trim() || `column ${index + 1}`;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base} (${count})`;
  });
}

function describeColumn(name: string, index: number, rows: readonly string[][], lines: readonly number[]): CsvColumn {
  const distinct = new Set<string>();
  let missingLine: number | null = null;
  let firstText: CsvColumn['firstText'] = null;
  rows.forEach((row, rowIndex) => {
    const value = row[index];
    if (value === '') missingLine ??= lines[rowIndex];
    else if (firstText === null && parseNumber(value) === null) firstText = { line: lines[rowIndex], value };
    if (distinct.size <= csvLimits.maxClasses) distinct.add(value);
  });
  return { name, numeric: missingLine === null && firstText === null, distinctValues: distinct.size, missingLine, firstText };
}

/**
 * Reads CSV text (first non-blank row = header) into a CsvTable with papaparse. Never throws: empty
 * text, a single column, too many columns or rows, and ragged or badly quoted rows come back as a
 * CsvError with 1-based line numbers. Blank lines are skipped; \r\n, \r and \n all end lines.
 */
export function readCsvTable(text: string, options: CsvReadOptions = {}): CsvResult<CsvTable> {
  try {
    return readTable(text, options);
  } catch (error) {
    return csvFailure('unreadable', `The file could not be read as CSV (${error instanceof Error ? error.message : String(error)}).`);
  }
}

/** Guesses the separator from the first lines; blank lines are skipped so they do not break the guess. */
function detectDelimiter(text: string): string {
  const sample = text.slice(0, 65_536);
  const guess = Papa.parse<string[]>(sample, { preview: 10, skipEmptyLines: 'greedy', delimitersToGuess: [',', '\t', ';', '|'] });
  return guess.meta.delimiter || ',';
}

function readTable(text: string, options: CsvReadOptions): CsvResult<CsvTable> {
  if (text.length > csvLimits.maxBytes) return checkCsvFileSize(text.length) as CsvResult<never>;
  const normalised = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (normalised.trim() === '') return csvFailure('empty', 'The file is empty: it needs a header row and at least one data row.');

  let header = null as string[] | null;
  let headerLine = 1;
  const rows: string[][] = [];
  const lines: number[] = [];
  const badLines: number[] = [];
  let badLineCount = 0;
  let quoteProblem = false;
  let tooManyRows = false;
  let scanned = 0;
  let line = 1;
  let rowStart = 0;

  const delimiter = options.delimiter || detectDelimiter(normalised);
  Papa.parse<string[]>(normalised, {
    delimiter,
    skipEmptyLines: false,
    step(result, parser) {
      for (; scanned < rowStart; scanned++) if (normalised.charCodeAt(scanned) === 10) line++;
      const startLine = line;
      rowStart = result.meta.cursor;
      const cells = result.data;
      if (cells.length === 1 && cells[0].trim() === '' && result.errors.length === 0) return;
      if (header === null) {
        header = cells;
        headerLine = startLine;
        if (result.errors.some((error) => error.type === 'Quotes')) {
          quoteProblem = true;
          badLineCount++;
          badLines.push(startLine);
        }
        return;
      }
      const quoted = result.errors.some((error) => error.type === 'Quotes');
      if (quoted || cells.length !== header.length) {
        quoteProblem ||= quoted;
        badLineCount++;
        if (badLines.length < csvMaxReportedLines) badLines.push(startLine);
        return;
      }
      if (rows.length >= csvLimits.maxRows) {
        tooManyRows = true;
        parser.abort();
        return;
      }
      rows.push(cells.map((cell) => cell.trim()));
      lines.push(startLine);
    },
  });

  if (header === null) return csvFailure('empty', 'The file is empty: it needs a header row and at least one data row.');
  const columnCount = header.length;
  if (columnCount < 2 && badLineCount === 0) {
    return csvFailure('oneColumn', `The file has only one column ("${uniqueNames(header)[0]}"). It needs at least one feature column and a target column, separated by commas, semicolons or tabs.`);
  }
  if (columnCount > csvLimits.maxFeatures + 1) {
    return csvFailure('tooManyFeatures', `The file has ${columnCount} columns; the limit is ${csvLimits.maxFeatures} feature columns plus the target.`);
  }
  if (badLineCount > 0) {
    const where = describeLines(badLines, badLineCount);
    const problem = quoteProblem
      ? `${sentence(where)} cannot be read: a quote is not closed, or a value is not separated properly, or the row does not have ${columnCount} values like the header on line ${headerLine}.`
      : `${sentence(where)} ${badLineCount === 1 ? 'does' : 'do'} not have ${columnCount} values like the header on line ${headerLine}.`;
    return csvFailure('malformedRows', problem, { lines: badLines });
  }
  if (tooManyRows) {
    return csvFailure('tooManyRows', `The file has more than ${csvLimits.maxRows.toLocaleString('en-US')} data rows; the limit is ${csvLimits.maxRows.toLocaleString('en-US')}. Use a sample of the rows.`);
  }
  if (rows.length === 0) return csvFailure('empty', `The file has a header row (line ${headerLine}) but no data rows.`);

  const names = uniqueNames(header);
  const columns = names.map((name, index) => describeColumn(name, index, rows, lines));
  return { ok: true, value: { columns, rows, lines, delimiter } };
}
