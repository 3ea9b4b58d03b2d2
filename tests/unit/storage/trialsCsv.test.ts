import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Dimension } from '../../../src/lib/core/space';
import type { Trial } from '../../../src/lib/core/trial';
import { trialsToCsv } from '../../../src/lib/storage/exportStudy';
import { csvCell, trialsCsvColumns } from '../../../src/lib/storage/trialsCsv';
import { paramsArbitrary, trialsArbitrary } from '../study/studyArbitrary';

const space: Dimension[] = [
  { name: 'learningRate', type: 'log', low: 0.0001, high: 1 },
  { name: 'activation', type: 'choice', values: ['relu', 'tanh'] },
];

const trials: Trial[] = [
  {
    id: 1, params: { learningRate: 0.01, activation: 'relu' }, state: 'complete', value: -0.5, durationMs: 840, diagnosis: 'good fit',
    epochs: [
      { epoch: 1, trainLoss: 0.9, validationLoss: 0.95, trainAccuracy: 0.5, validationAccuracy: 0.48 },
      { epoch: 2, trainLoss: 0.69, validationLoss: 0.7, trainAccuracy: 0.51, validationAccuracy: 0.49 },
    ],
  },
  { id: 2, params: { learningRate: 0.9, activation: 'tanh' }, state: 'failed', value: null, durationMs: 3, epochs: [], error: 'Out of memory, "GPU"\nretry' },
];

function parseCsv(text: string): string[][] {
  const parsed = Papa.parse<string[]>(text, { newline: '\r\n', skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

/**
 * The test's own statement of what a spreadsheet would run: a cell opening with TAB, CR, LF or NUL, or one whose
 * first character past spaces, controls and invisible format marks is = + - @ or a full-width, small or
 * minus-sign look-alike of one (OWASP's CSV-injection list, widened to what Excel and LibreOffice also fold).
 */
const triggerLookAlikes = '=+-@\uFF1D\uFF0B\uFF0D\uFF20\uFE66\uFE62\uFE63\uFE6B\u2212';
function looksLikeFormula(text: string): boolean {
  if (/^[\t\r\n\0]/.test(text)) return true;
  const first = text.replace(/^[\s\p{Cc}\p{Cf}]+/u, '')[0];
  return first !== undefined && triggerLookAlikes.includes(first);
}

/** What a cell must read as once parsed: numbers as written, text with a quote before a formula start. */
function expectedCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  const text = String(value);
  const isPlainNumber = typeof value === 'string' && /^-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(text);
  return !isPlainNumber && looksLikeFormula(text) ? `'${text}` : text;
}

/** Text built mostly from formula triggers, their look-alikes, and what may hide them at the start of a cell. */
const hostileText = fc.string({
  unit: fc.oneof(
    fc.constantFrom(...triggerLookAlikes, ' ', '\n', '\r', '\t', '\0', '\u00a0', '\u3000', '\u200b', '\ufeff', '\u2028', '"', ','),
    fc.constantFrom('a', 'Z', '1', '0', '.', 'e', '(', ')', '|', '!', 'é'),
    fc.string({ unit: 'binary', maxLength: 1 }),
  ),
  maxLength: 12,
});

describe('trialsToCsv', () => {
  it('writes a header and one row per trial with the final epoch metrics', () => {
    expect(trialsToCsv(trials, space)).toBe(
      'id,state,value,durationMs,diagnosis,learningRate,activation,trainLoss,validationLoss,trainAccuracy,validationAccuracy,error\r\n'
      + '1,complete,-0.5,840,good fit,0.01,relu,0.69,0.7,0.51,0.49,\r\n'
      + '2,failed,,3,,0.9,tanh,,,,,"Out of memory, ""GPU""\nretry"\r\n',
    );
  });

  it('neutralises cells a spreadsheet would run as formulas', () => {
    for (const text of ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd', '\0cmd', '-Infinity', '-', '=']) {
      expect(csvCell(text).replace(/^"/, ''), JSON.stringify(text)).toMatch(/^'/);
    }
    expect(csvCell(Number.NEGATIVE_INFINITY)).toBe("'-Infinity");
    for (const text of [' =1+1', '\n=cmd', '  \t@SUM(A1)', '\uFF1DHYPERLINK("x")', '\uFF0B1', '\uFF0D1', '\uFF20x', '\u3000=1', '\u200b=1', '\u2212 1', '\uFE66x']) {
      expect(csvCell(text).replace(/^"/, ''), JSON.stringify(text)).toMatch(/^'/);
    }
    const row = parseCsv(trialsToCsv([{ ...trials[1], error: '=cmd|"/c calc"!A1', params: { learningRate: 0.1, activation: '@x' } }], space))[1];
    expect(row[6]).toBe("'@x");
    expect(row[11]).toBe('\'=cmd|"/c calc"!A1');
  });

  it('leaves text alone when nothing at its start would run: leading spaces before a word, a word with = inside', () => {
    expect(csvCell(' hello')).toBe(' hello');
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell('\u00e9=1')).toBe('\u00e9=1');
  });

  it('parses back, for any text of triggers, look-alikes and hidden leads, to the text itself or a quote before it when it would run', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        // A first column keeps papaparse from taking a leading U+FEFF for the file's byte-order mark.
        const parsed = Papa.parse<string[]>(`id,${csvCell(text)}\r\n`, { newline: '\r\n', delimiter: ',' }).data[0][1];
        expect(parsed).toBe(expectedCell(text));
        if (looksLikeFormula(text) && !/^-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(text)) expect(parsed.startsWith("'")).toBe(true);
      }),
      { numRuns: 2000, seed: 9 },
    );
  });

  it('keeps negative numbers as numbers, whether given as numbers or as plain decimal text', () => {
    expect(csvCell(-0.5)).toBe('-0.5');
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(-1e-7)).toBe('-1e-7');
    expect(csvCell('-0.5')).toBe('-0.5');
    expect(csvCell('')).toBe('');
    expect(csvCell(null)).toBe('');
  });

  it('quotes cells holding commas, quotes or line breaks (RFC 4180)', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('+a,b')).toBe('"\'+a,b"');
  });

  it('round-trips through papaparse to the same values', () => {
    fc.assert(
      fc.property(trialsArbitrary(paramsArbitrary), fc.uniqueArray(fc.string({ unit: 'binary', minLength: 1, maxLength: 8 }), { maxLength: 3 }), (generated, names) => {
        const columns: Dimension[] = names.map((name) => ({ name, type: 'real', low: 0, high: 1 }));
        const rows = parseCsv(trialsToCsv(generated, columns));
        expect(rows[0]).toEqual(trialsCsvColumns(columns).map(expectedCell));
        expect(rows).toHaveLength(generated.length + 1);
        generated.forEach((trial, index) => {
          const last = trial.epochs.at(-1);
          const values = [
            trial.id, trial.state, trial.value, trial.durationMs, trial.diagnosis,
            ...names.map((name) => (Object.hasOwn(trial.params, name) ? trial.params[name] : undefined)),
            last?.trainLoss, last?.validationLoss, last?.trainAccuracy, last?.validationAccuracy, trial.error,
          ];
          expect(rows[index + 1]).toEqual(values.map(expectedCell));
          values.forEach((value, column) => {
            if (typeof value === 'number' && Number.isFinite(value)) expect(Number(rows[index + 1][column])).toBe(value);
          });
        });
      }),
      { numRuns: 300 },
    );
  });
});
