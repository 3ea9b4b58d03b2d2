import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Params } from '../../../src/lib/core/space';
import { parseStudyJson, studyFormat, studyToJson, type StudyExport } from '../../../src/lib/storage/exportStudy';
import { migrateStudy, readableStudyFormats } from '../../../src/lib/storage/studyMigration';

// Both fixtures were made by the study@1 code (commit 9b7da69) in Chromium: a 5-trial TPE search on the
// spiral, its "Export JSON" download, and the page's IndexedDB records (tests/unit/storage/fixtures).
const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const exportedText = fixture('study1-exported.json');
const savedRecords = JSON.parse(fixture('study1-saved-records.json')) as { json: string; trialCount: number }[];

describe('study format migration', () => {
  it('writes study@2 and reads study@1 and study@2', () => {
    expect(studyFormat).toBe('tuning-playground/study@2');
    expect(readableStudyFormats).toEqual(['tuning-playground/study@1', 'tuning-playground/study@2']);
  });

  it('opens a study@1 file exported by the page, with every field and trial as it was', () => {
    const raw = JSON.parse(exportedText) as Record<string, unknown>;
    expect(raw.format).toBe('tuning-playground/study@1');
    const parsed = parseStudyJson(exportedText);
    expect(parsed.ok, parsed.ok ? '' : parsed.message).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.study.format).toBe(studyFormat);
    const { format: _old, ...content } = raw;
    const { format: _new, ...read } = parsed.study;
    expect(JSON.parse(JSON.stringify(read))).toEqual(content);
    expect(parsed.study.trials).toHaveLength(5);
  });

  it('opens the study@1 records the page saved in IndexedDB', () => {
    expect(savedRecords.length).toBeGreaterThan(0);
    for (const record of savedRecords) {
      const parsed = parseStudyJson(record.json);
      expect(parsed.ok, parsed.ok ? '' : parsed.message).toBe(true);
      if (parsed.ok) expect(parsed.study.trials.length).toBe(record.trialCount);
    }
  });

  it('a migrated study@1 study is written back as study@2 and reads back the same', () => {
    const parsed = parseStudyJson(exportedText);
    if (!parsed.ok) throw new Error(parsed.message);
    const again = parseStudyJson(studyToJson(parsed.study));
    expect(again).toEqual(parsed);
  });

  it('refuses a study@1 file with a conditional dimension, which only study@2 can hold', () => {
    const raw = JSON.parse(exportedText) as { space: Record<string, unknown>[] };
    raw.space[1].when = { dimension: 'learningRate', atLeast: 0.01 };
    const parsed = parseStudyJson(JSON.stringify(raw));
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.message).toMatch(/space\[1\]\.when is not a field of study@1/);
  });

  it('keeps a study@2 conditional space and trials that leave inactive dimensions out', () => {
    const parsed = parseStudyJson(exportedText);
    if (!parsed.ok) throw new Error(parsed.message);
    const study: StudyExport = {
      ...parsed.study,
      space: [
        { name: 'optimizer', type: 'choice', values: ['sgd', 'momentum'] },
        { name: 'momentum', type: 'real', low: 0, high: 0.95, when: { dimension: 'optimizer', in: ['momentum'] } },
        { name: 'hiddenLayers', type: 'int', low: 0, high: 3 },
        { name: 'units', type: 'int', low: 2, high: 32, when: { dimension: 'hiddenLayers', atLeast: 1 } },
      ],
      trials: parsed.study.trials.slice(0, 2).map((trial, i) => ({
        ...trial,
        params: (i === 0 ? { optimizer: 'sgd', hiddenLayers: 0 } : { optimizer: 'momentum', momentum: 0.9, hiddenLayers: 2, units: 8 }) as Params,
      })),
    };
    const again = parseStudyJson(studyToJson(study));
    expect(again).toEqual({ ok: true, study });
  });

  it('refuses a malformed condition and an unknown version, naming them', () => {
    const parsed = parseStudyJson(exportedText);
    if (!parsed.ok) throw new Error(parsed.message);
    const text = studyToJson({ ...parsed.study, space: [{ name: 'units', type: 'int', low: 2, high: 32, when: { dimension: 'learningRate' } as never }] });
    const broken = parseStudyJson(text);
    expect(broken.ok ? '' : broken.message).toMatch(/space\[0\]\.when must be/);
    const missing = parseStudyJson(studyToJson({ ...parsed.study, space: [{ name: 'units', type: 'int', low: 2, high: 32, when: { dimension: 'layers', atLeast: 2 } }] }));
    expect(missing.ok ? '' : missing.message).toMatch(/needs another searched dimension/);
    expect(() => migrateStudy({ format: 'tuning-playground/study@9' })).toThrow(/format must be one of/);
  });
});
