import { describe, expect, it } from 'vitest';
import { historyColumns } from '../../../src/lib/analysis/historyColumns';
import { parseStudyJson, studyToJson, type StudyExport } from '../../../src/lib/storage/exportStudy';
import { readStudyText } from '../../../src/lib/storage/readStudyText';

const study: StudyExport = {
  format: 'tuning-playground/study@2',
  seed: 3,
  backend: 'cpu',
  dataset: { name: 'spiral', samples: 100, noise: 0.1, split: { train: 0.6, validation: 0.2, test: 0.2 }, seed: 1 },
  model: { hiddenLayers: 1 },
  space: [{ name: 'learningRate', type: 'log', low: 0.001, high: 1 }],
  strategy: { name: 'random' },
  objective: { metric: 'validationLoss', direction: 'minimize' },
  trials: [
    { id: 1, params: { learningRate: 0.01 }, state: 'complete', value: 0.4, durationMs: 10, epochs: [] },
    { id: 2, params: { learningRate: 0.5 }, state: 'pruned', value: 0.8, durationMs: 5, epochs: [] },
  ],
};

describe('readStudyText', () => {
  it('reads a study as parseStudyJson does, with the columns of its trials', async () => {
    const text = studyToJson(study);
    const read = await readStudyText(text);
    const parsed = parseStudyJson(text);
    expect(read.ok && parsed.ok).toBe(true);
    if (!read.ok || !parsed.ok) return;
    expect(read.study).toEqual(parsed.study);
    expect(read.columns).toEqual(historyColumns(parsed.study.trials));
  });

  it('refuses what parseStudyJson refuses, with the same message', async () => {
    for (const text of ['{', '[]', JSON.stringify({ ...study, format: 'other' }), '['.repeat(100)]) {
      const read = await readStudyText(text);
      const parsed = parseStudyJson(text);
      expect(read).toEqual(parsed);
      expect(read.ok).toBe(false);
    }
  });

  it('reads a file (a Blob) as it reads its text', async () => {
    const text = studyToJson(study);
    expect(await readStudyText(new Blob([text]))).toEqual(await readStudyText(text));
    expect((await readStudyText(new Blob(['{']))).ok).toBe(false);
  });
});
