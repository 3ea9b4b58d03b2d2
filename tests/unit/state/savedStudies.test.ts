import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { planeDataset } from '../../../src/lib/datasets/dataset';
import { SavedStudies } from '../../../src/lib/state/savedStudies.svelte';
import type { Study } from '../../../src/lib/state/study.svelte';
import type { StudyExport } from '../../../src/lib/storage/exportStudy';
import type { SavedStudyRecord, StorageResult, StudyStorage } from '../../../src/lib/storage/studyStorage';
import type { KeyValueStore } from '../../../src/lib/storage/settledStudies';

/** An in-memory stand-in for the IndexedDB store whose put() fails from call `failFrom` on. */
function fakeStorage(records: Map<string, SavedStudyRecord>, failFrom = Infinity) {
  let puts = 0;
  const summary = ({ json: _json, data: _data, ...rest }: SavedStudyRecord) => rest;
  const storage = {
    async put(record: SavedStudyRecord) {
      puts += 1;
      if (puts >= failFrom) return { ok: false, error: { kind: 'quota', message: 'full (fake)' } };
      records.set(record.id, structuredClone(record));
      return { ok: true, value: summary(record) };
    },
    async list() {
      return { ok: true, value: [...records.values()].reverse().map(summary) };
    },
    async record(id: string) {
      const record = records.get(id);
      return record ? { ok: true, value: record } : { ok: false, error: { kind: 'missing', message: 'gone' } };
    },
    async get(id: string) {
      const record = records.get(id);
      return record ? { ok: true, value: { summary: summary(record), study: JSON.parse(record.json as string), ...(record.data ? { data: record.data } : {}) } } : { ok: false, error: { kind: 'missing', message: 'gone' } };
    },
  };
  return () => Promise.resolve({ ok: true, value: storage as unknown as StudyStorage } as StorageResult<StudyStorage>);
}

function memoryStore(): KeyValueStore {
  const values = new Map<string, string>();
  return { getItem: (key) => values.get(key) ?? null, setItem: (key, value) => void values.set(key, value) };
}

const drawn = planeDataset('drawn', new Float32Array([0, 0, 1, 1, 2, 2, 3, 3]), new Float32Array([0, 1, 0, 1]), ['a', 'b']);

/** A study as SavedStudies reads it: settings, status, progress and its export. */
function fakeStudy(datasetName = 'spiral') {
  const study = {
    status: 'running',
    trials: [] as StudyExport['trials'],
    setup: { budget: 4, schedule: 'none', parallel: 2, folds: 0, epochBudget: 0, datasetInfo: { name: datasetName }, dataset: drawn, split: { train: [0, 1], validation: [2], test: [3] } },
    get progress() {
      return { done: study.trials.filter((trial) => trial.state !== 'running').length };
    },
    toExport: (): StudyExport => ({
      format: 'tuning-playground/study@2',
      seed: 1,
      backend: 'cpu',
      dataset: { name: datasetName as 'spiral', samples: 4, noise: 0, split: { train: 0.5, validation: 0.25, test: 0.25 } },
      model: {},
      space: [{ name: 'learningRate', type: 'log', low: 0.001, high: 1 }],
      strategy: { name: 'random' },
      objective: { metric: 'validationLoss', direction: 'minimize' },
      trials: study.trials,
    }),
  };
  return study;
}

const trial = (id: number, state: 'complete' | 'running') => ({ id, params: { learningRate: 0.1 }, state, value: state === 'complete' ? 0.5 : null, durationMs: 1, epochs: [] });

/** Saves the study now: asks for the save, then lets its write run. */
async function save(saved: SavedStudies, study: ReturnType<typeof fakeStudy>): Promise<void> {
  saved.scheduleSave(study as unknown as Study, 'cpu');
  await vi.advanceTimersByTimeAsync(1000);
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('SavedStudies', () => {
  it('does not offer to resume a search that finished after its saves began to fail', async () => {
    const records = new Map<string, SavedStudyRecord>();
    const store = memoryStore();
    const page = new SavedStudies(fakeStorage(records, 3), store);
    const study = fakeStudy();
    study.trials = [trial(1, 'complete'), trial(2, 'running')];
    await save(page, study);
    study.trials = [trial(1, 'complete'), trial(2, 'complete'), trial(3, 'running')];
    await save(page, study);
    study.trials = [trial(1, 'complete'), trial(2, 'complete'), trial(3, 'complete'), trial(4, 'complete')];
    study.status = 'finished';
    await save(page, study);
    expect(page.notice).toMatch(/full/);

    const reloaded = new SavedStudies(fakeStorage(records), store);
    await reloaded.refresh();
    expect(reloaded.list).toHaveLength(1);
    expect(reloaded.interrupted).toBeNull();
  });

  it('counts only the trials that had ended, and stays dismissed across reloads once dismissed', async () => {
    const records = new Map<string, SavedStudyRecord>();
    const store = memoryStore();
    const page = new SavedStudies(fakeStorage(records), store);
    const study = fakeStudy();
    study.trials = [trial(1, 'complete'), trial(2, 'running'), trial(3, 'running')];
    await save(page, study);

    const reloaded = new SavedStudies(fakeStorage(records), store);
    await reloaded.refresh();
    expect(reloaded.interrupted?.resume?.endedTrials).toBe(1);
    reloaded.dismiss(reloaded.interrupted?.id ?? '');
    expect(reloaded.interrupted).toBeNull();

    const again = new SavedStudies(fakeStorage(records), store);
    await again.refresh();
    expect(again.list).toHaveLength(1);
    expect(again.interrupted).toBeNull();
  });

  it('saves drawn data with the study and reads it back for resuming', async () => {
    const records = new Map<string, SavedStudyRecord>();
    const page = new SavedStudies(fakeStorage(records), memoryStore());
    const study = fakeStudy('drawn');
    study.trials = [trial(1, 'complete'), trial(2, 'running')];
    await save(page, study);
    const entry = page.interrupted;
    expect(entry?.resume?.dataMissing).toBeUndefined();
    const loaded = await page.load(entry?.id ?? '');
    expect(loaded?.data?.dataset.features).toEqual(drawn.features);
    expect(loaded?.data?.split).toEqual({ train: [0, 1], validation: [2], test: [3] });
    // The list never carries the data.
    expect(page.list[0]).not.toHaveProperty('data');
  });

  it('writes an ended trial at once, with no timer to wait for, so a reload right after it ends keeps it', async () => {
    const records = new Map<string, SavedStudyRecord>();
    const page = new SavedStudies(fakeStorage(records), memoryStore());
    const study = fakeStudy();
    study.trials = [trial(1, 'complete'), trial(2, 'running')];
    page.scheduleSave(study as unknown as Study, 'cpu');
    // No timer advances: only the write itself (promises) runs before the "reload".
    await page.flush();
    const reloaded = new SavedStudies(fakeStorage(records), memoryStore());
    await reloaded.refresh();
    expect(reloaded.interrupted?.resume?.endedTrials).toBe(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('writes saves asked for during a write once more, with the latest trials, and no more often', async () => {
    const records = new Map<string, SavedStudyRecord>();
    const puts: number[] = [];
    const open = fakeStorage(records);
    const counting = async () => {
      const opened = await open();
      if (!opened.ok) return opened;
      const storage = opened.value;
      const put = storage.put.bind(storage);
      storage.put = (record) => {
        puts.push(record.trialCount);
        return put(record);
      };
      return opened;
    };
    const page = new SavedStudies(counting, memoryStore());
    const study = fakeStudy();
    study.trials = [trial(1, 'complete')];
    page.scheduleSave(study as unknown as Study, 'cpu');
    for (let ended = 2; ended <= 5; ended++) {
      study.trials = [...study.trials, trial(ended, 'complete')];
      page.scheduleSave(study as unknown as Study, 'cpu');
    }
    await page.flush();
    // The first write takes the study as it is when it begins; the four saves behind it make one write.
    expect(puts.length).toBeLessThanOrEqual(2);
    expect(puts.at(-1)).toBe(5);
    expect(JSON.parse([...records.values()][0].json as string).trials).toHaveLength(5);
  });

  it('keepAndOpen saves a finished study under the name it is given, lists it and opens it', async () => {
    const records = new Map<string, SavedStudyRecord>();
    const saved = new SavedStudies(fakeStorage(records), memoryStore());
    const study = fakeStudy();
    study.trials = [trial(1, 'complete'), trial(2, 'complete')];
    await saved.keepAndOpen(study as unknown as Study, 'wasm', 'Lesson "Baseline": grid search');
    expect(saved.importError).toBeNull();
    expect(saved.opened?.summary.name).toBe('Lesson "Baseline": grid search');
    expect(saved.opened?.rows.count).toBe(2);
    expect(saved.opened?.rows.slice(0, 5)).toEqual(study.trials);
    expect(saved.list.map((entry) => entry.name)).toEqual(['Lesson "Baseline": grid search']);
    expect(records.size).toBe(1);
  });

  it('opens a saved study with its trials fetched by range, and lets go of them once neither opened nor among the recent', async () => {
    vi.useRealTimers();
    const records = new Map<string, SavedStudyRecord>();
    const saved = new SavedStudies(fakeStorage(records), memoryStore());
    const ids: string[] = [];
    for (let index = 0; index < 5; index++) {
      const study = fakeStudy();
      study.trials = [trial(1, 'complete'), trial(2, 'complete'), trial(3, 'complete')];
      await saved.keepAndOpen(study as unknown as Study, 'cpu', `study ${index}`);
      ids.push(saved.opened?.summary.id ?? '');
    }
    await saved.open(ids[0]);
    const first = saved.opened;
    expect(first?.summary.name).toBe('study 0');
    expect(first?.study).not.toHaveProperty('trials');
    expect(first?.rows.slice(1, 10)).toEqual([trial(2, 'complete'), trial(3, 'complete')]);
    // Comparing three more pushes study 0 out of the recent ones, but it stays open, with its rows.
    for (const id of ids.slice(1, 4)) await saved.toggleCompare(id);
    expect(first?.rows.slice(0, 3)).toHaveLength(3);
    // Closed and no longer recent: its trials are let go of.
    saved.close();
    expect(first?.rows.slice(0, 3)).toEqual([]);
    // A study still among the recent keeps its trials after closing, so opening it again reads nothing.
    await saved.open(ids[3]);
    const recent = saved.opened?.rows;
    saved.close();
    expect(recent?.slice(0, 3)).toHaveLength(3);
    await saved.open(ids[3]);
    expect(saved.opened?.rows).toBe(recent);
  });
});
