import { describe, expect, it } from 'vitest';
import { historyColumns } from '../../../src/lib/analysis/historyColumns';
import { studyToJson, type StudyExport } from '../../../src/lib/storage/exportStudy';
import { readStudyText } from '../../../src/lib/storage/readStudyText';
import { arrayRows, openStudy } from '../../../src/lib/storage/studyRows';

const trials: StudyExport['trials'] = [
  { id: 1, params: { learningRate: 0.01 }, state: 'complete', value: 0.4, durationMs: 10, epochs: [] },
  { id: 2, params: { learningRate: 0.5 }, state: 'pruned', value: 0.1, durationMs: 5, epochs: [] },
  { id: 3, params: { learningRate: 0.05 }, state: 'complete', value: 0.3, durationMs: 7, epochs: [] },
];
const study: StudyExport = {
  format: 'tuning-playground/study@2',
  seed: 3,
  backend: 'cpu',
  dataset: { name: 'spiral', samples: 100, noise: 0.1, split: { train: 0.6, validation: 0.2, test: 0.2 }, seed: 1 },
  model: { hiddenLayers: 1 },
  space: [{ name: 'learningRate', type: 'log', low: 0.001, high: 1 }],
  strategy: { name: 'random' },
  objective: { metric: 'validationLoss', direction: 'minimize' },
  trials,
};

describe('openStudy', () => {
  it('gives the head, count, best completed trial and columns that reading the whole study gives, and the trials by range', async () => {
    const text = studyToJson(study);
    const opened = await openStudy(text);
    const read = await readStudyText(text);
    expect(opened.ok && read.ok).toBe(true);
    if (!opened.ok || !read.ok) return;
    const { trials: readTrials, ...head } = read.study;
    expect(opened.head).toEqual(head);
    expect(opened.trialCount).toBe(3);
    // The pruned trial's 0.1 is lower but not complete: the best is trial 3.
    expect(opened.best).toEqual({ id: 3, value: 0.3 });
    expect(opened.columns).toEqual(historyColumns(readTrials));
    expect(opened.rows.count).toBe(3);
    expect(await opened.rows.slice(1, 3)).toEqual(readTrials.slice(1, 3));
  });

  it('refuses what reading refuses, with the same message, from text or a file', async () => {
    for (const text of ['{', '[]', JSON.stringify({ ...study, format: 'other' }), '['.repeat(100)]) {
      const read = await readStudyText(text);
      expect(read.ok).toBe(false);
      expect(await openStudy(text)).toEqual(read);
      expect(await openStudy(new Blob([text]))).toEqual(read);
    }
  });
});

describe('arrayRows', () => {
  it('clamps ranges to the trials it holds, and holds none once released', () => {
    const rows = arrayRows(trials);
    expect(rows.count).toBe(3);
    expect(rows.slice(-5, 2)).toEqual(trials.slice(0, 2));
    expect(rows.slice(2, 99)).toEqual(trials.slice(2));
    expect(rows.slice(3, 1)).toEqual([]);
    rows.release();
    expect(rows.slice(0, 3)).toEqual([]);
  });
});
