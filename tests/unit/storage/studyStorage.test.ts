import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseStudyJson, type StudyExport } from '../../../src/lib/storage/exportStudy';
import { buildRecord, defaultStudyName, newStudyId, openStudyStorage, storageError } from '../../../src/lib/storage/studyStorage';

// fake-indexeddb is not installed, so the IndexedDB round trip is covered by tests/e2e/studies.test.ts.
const example: StudyExport = {
  format: 'tuning-playground/study@2',
  seed: 7,
  backend: 'wasm',
  dataset: { name: 'spiral', samples: 100, noise: 0.1, split: { train: 0.6, validation: 0.2, test: 0.2 } },
  model: { hiddenLayers: 1, activation: 'relu' },
  space: [{ name: 'learningRate', type: 'log', low: 0.001, high: 1 }],
  strategy: { name: 'random' },
  objective: { metric: 'validationLoss', direction: 'minimize' },
  trials: [
    { id: 1, params: { learningRate: 0.5 }, state: 'complete', value: 0.4, durationMs: 10, epochs: [{ epoch: 1, trainLoss: 0.5, validationLoss: 0.4 }] },
    { id: 2, params: { learningRate: 0.9 }, state: 'diverged', value: null, durationMs: 5, epochs: [{ epoch: 1, trainLoss: Number.POSITIVE_INFINITY, validationLoss: Number.NaN }] },
    { id: 3, params: { learningRate: 0.01 }, state: 'complete', value: 0.2, durationMs: 12, epochs: [{ epoch: 1, trainLoss: 0.3, validationLoss: 0.2 }] },
  ],
};

const domError = (name: string) => new DOMException(`${name} happened`, name);

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('studyStorage', () => {
  it('buildRecord(study, options) keeps the study as JSON text and summarises its trials and best trial', () => {
    const record = buildRecord(example, { id: 'a', name: 'first', savedAt: 1000 });
    expect(record).toMatchObject({ id: 'a', name: 'first', savedAt: 1000, trialCount: 3, best: { id: 3, value: 0.2 } });
    expect(typeof record.json).toBe('string');
  });

  it('a record’s JSON reads back as the same study, NaN and Infinity losses included', () => {
    const parsed = parseStudyJson(buildRecord(example, { id: 'a', name: 'n', savedAt: 0 }).json as string);
    expect(parsed).toEqual({ ok: true, study: example });
    if (parsed.ok) expect(Number.isNaN(parsed.study.trials[1].epochs[0].validationLoss)).toBe(true);
  });

  it('a record of a study with no completed trial has no best', () => {
    const record = buildRecord({ ...example, trials: [example.trials[1]] }, { id: 'b', name: 'n', savedAt: 0 });
    expect(record.best).toBeNull();
    expect(record.trialCount).toBe(1);
  });

  it('defaultStudyName names the strategy, the dataset and the time', () => {
    expect(defaultStudyName(example, Date.UTC(2026, 10, 27, 9, 15))).toBe('random on spiral, 2026-11-27 09:15');
  });

  it('newStudyId gives a different id each call, even in the same millisecond', () => {
    expect(newStudyId(5)).not.toBe(newStudyId(5));
  });

  it('storageError turns quota, security, blocked and other failures into kinds with a message', () => {
    expect(storageError(domError('QuotaExceededError'))).toMatchObject({ kind: 'quota', message: expect.stringMatching(/full.*Export/) });
    expect(storageError(domError('SecurityError'))).toMatchObject({ kind: 'denied', message: expect.stringMatching(/private browsing/) });
    expect(storageError(domError('InvalidStateError')).kind).toBe('denied');
    expect(storageError({ name: 'BlockedError' })).toMatchObject({ kind: 'blocked', message: expect.stringMatching(/another tab/) });
    expect(storageError(domError('VersionError')).kind).toBe('blocked');
    expect(storageError(new Error('disk on fire'))).toMatchObject({ kind: 'failed', message: expect.stringContaining('disk on fire') });
    expect(storageError('odd').kind).toBe('failed');
  });

  it('openStudyStorage without IndexedDB (private mode, Node) says storage is unavailable instead of throwing', async () => {
    vi.stubGlobal('indexedDB', undefined);
    const opened = await openStudyStorage();
    expect(opened.ok).toBe(false);
    if (!opened.ok) expect(opened.error).toMatchObject({ kind: 'unavailable', message: expect.stringMatching(/private browsing/) });
  });

  it('openStudyStorage when IndexedDB refuses with a SecurityError says storage is denied instead of throwing', async () => {
    vi.stubGlobal('indexedDB', {
      open() {
        throw domError('SecurityError');
      },
    });
    const opened = await openStudyStorage();
    expect(opened).toMatchObject({ ok: false, error: { kind: 'denied' } });
  });
});
