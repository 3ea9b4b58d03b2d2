import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCsvFileSize, csvLimits, csvToDataset, parseCsv, readCsvTable, type CsvErrorKind, type CsvResult } from '../../../src/lib/datasets/csv';
import { unstandardize } from '../../../src/lib/datasets/standardize';

const errorKinds: CsvErrorKind[] = [
  'empty', 'oneColumn', 'tooLarge', 'tooManyRows', 'tooManyFeatures', 'malformedRows', 'nonNumericFeature',
  'missingValue', 'unknownTarget', 'nonNumericTarget', 'singleClass', 'tooManyClasses', 'unreadable',
];

/** The error of a result that must have failed. */
function failure<T>(result: CsvResult<T>) {
  if (result.ok) throw new Error('expected the CSV to be rejected');
  return result.error;
}

/** The value of a result that must have succeeded. */
function success<T>(result: CsvResult<T>): T {
  if (!result.ok) throw new Error(`expected the CSV to parse: ${result.error.message}`);
  return result.value;
}

describe('CSV parsing never throws', () => {
  const csvCharacter = fc.constantFrom(',', ';', '\t', '|', '"', '\n', '\r', ' ', 'a', 'b', '1', '2', '.', '-', 'e', '\uFEFF');

  it('any text built from CSV punctuation either parses or gives a typed error with a message', () => {
    fc.assert(fc.property(fc.string({ unit: csvCharacter, maxLength: 200 }), fc.constantFrom('classification', 'regression' as const), (text, task) => {
      const table = readCsvTable(text);
      if (!table.ok) {
        expect(errorKinds).toContain(table.error.kind);
        expect(table.error.message.length).toBeGreaterThan(10);
        return;
      }
      const result = csvToDataset(table.value, { target: table.value.columns[table.value.columns.length - 1].name, task });
      if (result.ok) {
        expect(result.value.dataset.size).toBe(table.value.rows.length);
        expect(result.value.dataset.features.every(Number.isFinite)).toBe(true);
      } else {
        expect(errorKinds).toContain(result.error.kind);
      }
    }), { numRuns: 400 });
  });

  it('any near-valid table (odd cells, ragged rows, mixed line ends) either parses or gives a typed error', () => {
    const cell = fc.oneof(
      { arbitrary: fc.oneof(fc.double({ noNaN: true }).map(String), fc.integer({ min: -3, max: 3 }).map(String)), weight: 12 },
      { arbitrary: fc.constantFrom('', ' ', '"', '""', '"a,b"', 'NaN', 'Infinity', '1e400', '0x1F', ' 2 ', 'red', '-', '.5', '1.'), weight: 1 },
    );
    const tableText = fc.integer({ min: 1, max: 5 }).chain((width) => fc.tuple(
      fc.array(fc.array(cell, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 12 }),
      fc.option(fc.tuple(fc.nat(), fc.array(cell, { maxLength: 7 })), { freq: 4 }),
      fc.constantFrom(',', ';', '\t'),
      fc.constantFrom('\n', '\r\n', '\r'),
    )).map(([rows, ragged, delimiter, lineEnd]) => {
      if (ragged) rows.splice(ragged[0] % (rows.length + 1), 0, ragged[1]);
      return rows.map((cells) => cells.join(delimiter)).join(lineEnd);
    });
    const outcomes = new Set<string>();
    fc.assert(fc.property(tableText, fc.constantFrom('classification', 'regression' as const), (text, task) => {
      const table = readCsvTable(text);
      if (!table.ok) {
        expect(errorKinds).toContain(table.error.kind);
        outcomes.add(table.error.kind);
        return;
      }
      const result = csvToDataset(table.value, { target: table.value.columns[0].name, task });
      outcomes.add(result.ok ? 'parsed' : result.error.kind);
      if (result.ok) {
        expect(result.value.dataset.features.every(Number.isFinite)).toBe(true);
        expect(result.value.dataset.targets.every(Number.isFinite)).toBe(true);
      } else {
        expect(errorKinds).toContain(result.error.kind);
      }
    }), { numRuns: 500, seed: 20240601, interruptAfterTimeLimit: 20_000, markInterruptAsFailure: true });
    // With a fixed seed the run reaches successes as well as the main kinds of failure.
    expect(outcomes).toContain('parsed');
    expect(outcomes).toContain('malformedRows');
    expect(outcomes).toContain('nonNumericFeature');
  });

  it('any Unicode text either parses or gives a typed error', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
      const result = parseCsv(text, { target: 'y' });
      expect(typeof result.ok).toBe('boolean');
      if (!result.ok) expect(errorKinds).toContain(result.error.kind);
    }), { numRuns: 200 });
  });
});

describe('CSV round trip', () => {
  const nameArbitrary = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz_'.split('')), minLength: 1, maxLength: 8 });
  const tableArbitrary = fc.record({
    names: fc.uniqueArray(nameArbitrary, { minLength: 2, maxLength: 6 }),
    rowCount: fc.integer({ min: 2, max: 30 }),
    delimiter: fc.constantFrom(',', ';', '\t'),
  }).chain(({ names, rowCount, delimiter }) => fc.record({
    names: fc.constant(names),
    delimiter: fc.constant(delimiter),
    features: fc.array(fc.array(fc.double({ min: -1e4, max: 1e4, noNaN: true }), { minLength: names.length - 1, maxLength: names.length - 1 }), { minLength: rowCount, maxLength: rowCount }),
    labels: fc.array(fc.constantFrom('cat', 'dog', 'owl', 'eel'), { minLength: rowCount, maxLength: rowCount }),
  }));

  function write(names: string[], rows: (string | number)[][], delimiter: string): string {
    return [names, ...rows].map((row) => row.join(delimiter)).join('\n');
  }

  it('a generated table of numbers and labels comes back with the same names, classes and values', () => {
    fc.assert(fc.property(tableArbitrary, ({ names, delimiter, features, labels }) => {
      fc.pre(new Set(labels).size >= 2);
      const text = write(names, features.map((row, index) => [...row, labels[index]]), delimiter);
      const { dataset, standardizer, targetColumn } = success(parseCsv(text, { target: names[names.length - 1] }));
      expect(targetColumn).toBe(names[names.length - 1]);
      expect(dataset.featureNames).toEqual(names.slice(0, -1));
      expect(dataset.size).toBe(features.length);
      expect(dataset.classNames).toEqual([...new Set(labels)].sort());
      dataset.targets.forEach((target, row) => expect(dataset.classNames[target]).toBe(labels[row]));
      const raw = unstandardize(dataset.features, standardizer);
      features.flat().forEach((value, index) => {
        const column = index % dataset.featureCount;
        expect(Math.abs(raw[index] - value)).toBeLessThanOrEqual(1e-5 * (standardizer.stds[column] + Math.abs(value)) + 1e-9);
      });
    }), { numRuns: 150 });
  });

  it('a numeric target read as regression keeps its values', () => {
    fc.assert(fc.property(tableArbitrary, ({ names, delimiter, features }) => {
      // The target repeats the first feature, so any number the generator makes is tried as a target.
      const text = write(names, features.map((row) => [...row, row[0]]), delimiter);
      const target = names[names.length - 1];
      const { dataset } = success(parseCsv(text, { target, task: 'regression' }));
      expect(dataset.task).toBe('regression');
      expect(dataset.classCount).toBe(0);
      dataset.targets.forEach((value, row) => expect(value + 0).toBe(Math.fround(features[row][0]) + 0)); // "+ 0" equates -0 and 0
    }), { numRuns: 100 });
  });
});

describe('CSV problems a person can fix get their own message', () => {
  it('an empty file, blank lines only, or a header without rows is "empty"', () => {
    expect(failure(readCsvTable('')).kind).toBe('empty');
    expect(failure(readCsvTable('\n \r\n\t\n')).kind).toBe('empty');
    const headerOnly = failure(readCsvTable('a,b\n'));
    expect(headerOnly.kind).toBe('empty');
    expect(headerOnly.message).toMatch(/header row.*no data rows/);
  });

  it('a file with a single column is "oneColumn" and names it', () => {
    const error = failure(readCsvTable('height\n1\n2\n'));
    expect(error.kind).toBe('oneColumn');
    expect(error.message).toContain('"height"');
  });

  it('a non-numeric feature column is named, with the line and value', () => {
    const error = failure(parseCsv('size,colour,label\n1,2,a\n3,red,b\n', { target: 'label' }));
    expect(error).toMatchObject({ kind: 'nonNumericFeature', column: 'colour', lines: [3] });
    expect(error.message).toContain('Feature column "colour" is not numeric: line 3 has "red"');
  });

  it('a feature written with a decimal comma gets a hint to use a decimal point', () => {
    for (const [text, value] of [['a;b;label\n1,5;2;x\n2,5;3;y\n', '1,5'], ['a,b,label\n"0,25",2,x\n"1.234,5",3,y\n', '0,25'], ['a\tb\tlabel\n-3,75\t2\tx\n', '-3,75']]) {
      const error = failure(parseCsv(text, { target: 'label' }));
      expect(error).toMatchObject({ kind: 'nonNumericFeature', column: 'a', lines: [2] });
      expect(error.message).toContain(`line 2 has "${value}", a number with a decimal comma`);
      expect(error.message).toContain('decimal point');
    }
    expect(failure(parseCsv('size,colour,label\n1,2,a\n3,red,b\n', { target: 'label' })).message).not.toContain('decimal');
  });

  it('a regression target written with decimal commas gets the same hint', () => {
    const error = failure(parseCsv('x;price\n1;2,5\n2;3,5\n', { target: 'price', task: 'regression' }));
    expect(error).toMatchObject({ kind: 'nonNumericTarget', column: 'price' });
    expect(error.message).toContain('decimal comma');
  });

  it('a number beyond the 32-bit float range is named as too large, not silently made infinite', () => {
    const error = failure(parseCsv('x,y\n1,a\n1e39,b\n', { target: 'y' }));
    expect(error).toMatchObject({ kind: 'nonNumericFeature', column: 'x', lines: [3] });
    expect(error.message).toContain('line 3 has 1e39, beyond the largest number the app handles');
    expect(failure(parseCsv('x,y\n1,2\n3,-4e300\n', { target: 'y', task: 'regression' })).kind).toBe('nonNumericTarget');
  });

  it('rows with the wrong number of values are "malformedRows" with their line numbers', () => {
    const error = failure(readCsvTable('a,b,c\n1,2,3\n4,5\n6,7,8\n9,10,11,12\n'));
    expect(error).toMatchObject({ kind: 'malformedRows', lines: [3, 5] });
    expect(error.message).toContain('Lines 3 and 5 do not have 3 values like the header on line 1');
  });

  it('line numbers count blank lines, Windows line ends and values quoted across lines', () => {
    expect(failure(readCsvTable('a,b\r\n\r\n1,2\r\n3\r\n')).lines).toEqual([4]);
    expect(failure(readCsvTable('a,b\n"multi\nline",1\n2,3,4\n')).lines).toEqual([4]);
  });

  it('an unclosed quote is reported on the line where its row starts', () => {
    const error = failure(readCsvTable('a,b\n1,2\n3,"4\n5,6\n'));
    expect(error).toMatchObject({ kind: 'malformedRows', lines: [3] });
    expect(error.message).toMatch(/^Line 3 cannot be read: a quote is not closed/);
  });

  it('many bad lines are summarised with a count', () => {
    const text = ['a,b', ...Array.from({ length: 12 }, () => '1')].join('\n');
    expect(failure(readCsvTable(text)).message).toContain('Lines 2, 3, 4, 5, 6 and 7 more');
  });

  it('a file over 5 MB is "tooLarge" from its size alone', () => {
    const error = failure(checkCsvFileSize(6 * 1024 * 1024));
    expect(error.kind).toBe('tooLarge');
    expect(error.message).toBe('The file is 6.0 MB; the limit is 5.0 MB. Use a smaller sample of the rows.');
    expect(checkCsvFileSize(csvLimits.maxBytes).ok).toBe(true);
  });

  it('more than 20,000 data rows is "tooManyRows"', () => {
    const text = ['x,y', ...Array.from({ length: 20_001 }, (_, row) => `${row},${row % 2}`)].join('\n');
    expect(failure(readCsvTable(text)).kind).toBe('tooManyRows');
    expect(success(readCsvTable(text.slice(0, text.lastIndexOf('\n')))).rows).toHaveLength(20_000);
  });

  it('more than 64 feature columns is "tooManyFeatures"', () => {
    const header = Array.from({ length: 66 }, (_, column) => `c${column}`).join(',');
    const row = Array.from({ length: 66 }, () => '1').join(',');
    expect(failure(readCsvTable(`${header}\n${row}\n`)).kind).toBe('tooManyFeatures');
    expect(readCsvTable(`${header.slice(0, header.lastIndexOf(','))}\n${row.slice(2)}\n`).ok).toBe(true);
  });

  it('a target with one class is "singleClass" and names the class', () => {
    const error = failure(parseCsv('x,species\n1,setosa\n2,setosa\n', { target: 'species' }));
    expect(error.kind).toBe('singleClass');
    expect(error.message).toContain('only one class ("setosa")');
  });

  it('a text target cannot be a regression target', () => {
    expect(failure(parseCsv('x,species\n1,setosa\n2,virginica\n', { target: 'species', task: 'regression' })).kind).toBe('nonNumericTarget');
  });

  it('a numeric target with many values is "tooManyClasses" and suggests regression', () => {
    const text = ['x,price', ...Array.from({ length: 60 }, (_, row) => `${row},${row * 3}`)].join('\n');
    const error = failure(parseCsv(text, { target: 'price' }));
    expect(error.kind).toBe('tooManyClasses');
    expect(error.message).toContain('choose regression');
  });

  it('an empty cell is "missingValue" with its line', () => {
    expect(failure(parseCsv('x,z,y\n1,,a\n2,3,b\n', { target: 'y' }))).toMatchObject({ kind: 'missingValue', column: 'z', lines: [2] });
  });

  it('an unknown target column is "unknownTarget"', () => {
    expect(failure(parseCsv('x,y\n1,a\n2,b\n', { target: 'label' })).kind).toBe('unknownTarget');
  });
});

describe('CSV reading details', () => {
  it('detects semicolons and tabs as separators', () => {
    expect(success(readCsvTable('a;b\n1;2\n')).delimiter).toBe(';');
    expect(success(readCsvTable('a\tb\n1\t2\n')).delimiter).toBe('\t');
  });

  it('makes empty and repeated column names unique', () => {
    expect(success(readCsvTable('a,,a\n1,2,3\n')).columns.map((column) => column.name)).toEqual(['a', 'column 2', 'a (2)']);
  });

  it('numeric class labels are ordered by value and "1" and "1.0" are one class', () => {
    const { dataset } = success(parseCsv('x,y\n1,10\n2,2\n3,1\n4,1.0\n', { target: 'y' }));
    expect(dataset.classNames).toEqual(['1', '2', '10']);
    expect(Array.from(dataset.targets)).toEqual([2, 1, 0, 0]);
  });

  it('leaves out ignored columns and standardises the rest', () => {
    const { dataset, standardizer } = success(parseCsv('id,x,y\nA,1,a\nB,3,b\n', { target: 'y', ignore: ['id'] }));
    expect(dataset.featureNames).toEqual(['x']);
    expect(standardizer).toEqual({ means: [2], stds: [1] });
    expect(Array.from(dataset.features)).toEqual([-1, 1]);
  });

  it('a byte-order mark and spaces around values are ignored', () => {
    const { dataset } = success(parseCsv('\uFEFFx , y\n 1 , a\n2,b \n', { target: 'y' }));
    expect(dataset.featureNames).toEqual(['x']);
    expect(dataset.classNames).toEqual(['a', 'b']);
  });
});
