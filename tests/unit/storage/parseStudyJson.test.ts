/**
 * Properties of parseStudyJson on hostile input: it answers every text with a study that round-trips or a
 * short refusal naming the field, without an internal error, a stack overflow or a megabyte message.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseStudyJson, studyToJson, type StudyExport } from '../../../src/lib/storage/exportStudy';
import { studyArbitrary } from '../study/studyArbitrary';

const refusalStart = 'This file is not a study this app can open: ';
/** The longest refusal a person should have to read, in characters. */
const longestMessage = 400;
const forbiddenKeys = ['__proto__', 'constructor', 'prototype'];

/** Checks the contract every answer keeps, and returns the message of a refusal (null for a study). */
function expectWellFormedAnswer(text: string): string | null {
  const result = parseStudyJson(text);
  if (result.ok) {
    // A study it accepts is one it can write out and read back unchanged.
    expect(parseStudyJson(studyToJson(result.study))).toEqual(result);
    return null;
  }
  expect(result.message.startsWith(refusalStart)).toBe(true);
  expect(result.message.length).toBeLessThanOrEqual(longestMessage);
  // "reading it failed" is the catch-all for an exception the reader did not expect.
  expect(result.message).not.toContain('reading it failed');
  return result.message;
}

/** A forbidden key anywhere in a value, found by the test's own walk. */
function hasForbiddenKey(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  return Object.keys(value).some((key) => forbiddenKeys.includes(key) || hasForbiddenKey((value as Record<string, unknown>)[key]));
}

/** JSON objects whose keys are often the format's own, a forbidden one or very long. */
const hostileObject = fc.object({
  key: fc.oneof(
    fc.constantFrom(...forbiddenKeys, 'format', 'trials', 'space', 'seed', 'params', 'epochs'),
    fc.string({ unit: 'binary', maxLength: 8 }),
    fc.string({ minLength: 200, maxLength: 400 }),
  ),
  values: [fc.boolean(), fc.integer(), fc.double(), fc.string({ unit: 'binary', maxLength: 20 }), fc.constant(null), fc.constant('tuning-playground/study@1')],
  maxDepth: 4,
  maxKeys: 5,
});

/** `depth` arrays inside each other around `inner`, built without recursion. */
function nested(depth: number, inner: string): string {
  return `${'['.repeat(depth)}${inner}${']'.repeat(depth)}`;
}

function exampleJson(): Record<string, unknown> {
  return JSON.parse(studyToJson(fc.sample(studyArbitrary, { numRuns: 1, seed: 3 })[0] as StudyExport));
}

describe('parseStudyJson on hostile input', () => {
  it('answers any text or JSON value with a study that round-trips, or a short refusal from no internal error', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.json(), hostileObject.map((value) => JSON.stringify(value))), (text) => {
        expectWellFormedAnswer(text);
      }),
      { numRuns: 500, seed: 15 },
    );
  });

  it('refuses any object that holds a forbidden key, naming the key', () => {
    fc.assert(
      fc.property(hostileObject.filter(hasForbiddenKey), (value) => {
        const message = expectWellFormedAnswer(JSON.stringify(value));
        expect(message).toMatch(/"(__proto__|constructor|prototype)"/);
      }),
      { numRuns: 300, seed: 15 },
    );
  });

  it('names the broken field in a short message when one field of a valid study is replaced by anything', () => {
    const paths = [['seed'], ['dataset'], ['dataset', 'split'], ['model'], ['space'], ['strategy'], ['trials'], ['objective'], ['backend']];
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.oneof(fc.jsonValue(), hostileObject), (path, replacement) => {
        const study = exampleJson();
        let target = study;
        for (const key of path.slice(0, -1)) target = target[key] as Record<string, unknown>;
        target[path.at(-1)!] = replacement;
        const message = expectWellFormedAnswer(JSON.stringify(study));
        if (message !== null) expect(message).toContain(path[0]);
      }),
      { numRuns: 300, seed: 15 },
    );
  });

  it('refuses a __proto__ under a million nested lists with a message of a few hundred characters, quickly', () => {
    const text = `{"format":"tuning-playground/study@1","strategy":${nested(1_000_000, '{"__proto__":{"polluted":true}}')}}`;
    const started = performance.now();
    const message = expectWellFormedAnswer(text);
    expect(message).toMatch(/nested|__proto__/);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('refuses deep nesting in any field, at the top level or inside a trial, without overflowing the stack', () => {
    for (const depth of [100, 10_000, 500_000]) {
      expect(expectWellFormedAnswer(nested(depth, '1'))).toMatch(/not a JSON object|nested/);
      const study = exampleJson();
      const inTrials = JSON.stringify({ ...study, trials: '@' }).replace('"@"', nested(depth, '{}'));
      expect(expectWellFormedAnswer(inTrials)).toMatch(/nested|trials/);
      const inParams = JSON.stringify({ ...study, space: '@' }).replace('"@"', `[{"name":"x","type":"choice","values":${nested(depth, '"a"')}}]`);
      expect(expectWellFormedAnswer(inParams)).toMatch(/nested|space/);
    }
  });

  it('keeps a refusal short when the bad field sits under keys hundreds of characters long', () => {
    const long = 'k'.repeat(5000);
    const study = { ...exampleJson(), strategy: { name: 'random', [long]: { [long]: [1] } } };
    expect(expectWellFormedAnswer(JSON.stringify(study))).toContain('strategy');
  });

  it('counts only real nesting: brackets and escaped quotes inside text do not make a study too deep', () => {
    const study = exampleJson();
    const text = `[[[[{{{{\\"${'['.repeat(100)}`;
    const trials = [{ id: 1, params: { [text]: text }, state: 'failed', value: null, durationMs: 0, epochs: [], error: text }];
    const result = parseStudyJson(JSON.stringify({ ...study, trials }));
    expect(result.ok && result.study.trials[0].error).toBe(text);
  });
});
