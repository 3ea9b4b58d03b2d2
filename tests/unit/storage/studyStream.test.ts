import { describe, expect, it } from 'vitest';
import type { Trial } from '../../../src/lib/core/trial';
import { parseStudyJson, studyToJson, type StudyExport } from '../../../src/lib/storage/exportStudy';
import type { StudyHead } from '../../../src/lib/storage/studyReaderProtocol';
import { streamStudy } from '../../../src/lib/storage/studyStream';
import { largeStudy } from '../../e2e/scaleScenario';

function trial(id: number, extra: Partial<Trial> = {}): Trial {
  return { id, params: { learningRate: 0.01 * id }, state: id % 4 === 0 ? 'pruned' : 'complete', value: 1 / id, durationMs: id, epochs: [{ epoch: 1, trainLoss: 0.5, validationLoss: 0.6 }], ...extra };
}
const study: StudyExport = {
  format: 'tuning-playground/study@2',
  seed: 3,
  backend: 'cpu',
  dataset: { name: 'spiral', samples: 100, noise: 0.1, split: { train: 0.6, validation: 0.2, test: 0.2 }, seed: 1 },
  model: { hiddenLayers: 1 },
  space: [{ name: 'learningRate', type: 'log', low: 0.001, high: 1 }],
  strategy: { name: 'random' },
  objective: { metric: 'validationLoss', direction: 'minimize' },
  trials: Array.from({ length: 40 }, (_, index) => trial(index + 1, index === 6 ? { error: 'a "quoted" },{"id":99, ünïcødé ✓ message]' } : {})),
};

/** Streams `text` in pieces of the given sizes; the parts reported and whether it read the study itself. */
async function stream(text: string, first: number, piece: number) {
  const parts: { head: StudyHead; count: number; complete: boolean; trials: Trial[] }[] = [];
  const streamed = await streamStudy(new Blob([text]), (head, trials, complete) => parts.push({ head, count: trials.length, complete, trials: [...trials] }), { first, piece });
  return { streamed, parts };
}

describe('streamStudy', () => {
  it('reads the same study as parseStudyJson whatever the piece sizes, reporting the count so far as it doubles and all at the end', async () => {
    const text = studyToJson(study);
    const whole = parseStudyJson(text);
    expect(whole.ok).toBe(true);
    if (!whole.ok) return;
    const { trials, ...head } = whole.study;
    for (const [first, piece] of [[7, 13], [64, 5], [300, 301], [1000, 97], [1 << 20, 1 << 20]]) {
      const { streamed, parts } = await stream(text, first, piece);
      expect(streamed).toBe(true);
      const last = parts.at(-1)!;
      expect(last.complete).toBe(true);
      expect(last.head).toEqual(head);
      expect(last.trials).toEqual(trials);
      // Earlier parts: a prefix of the trials, each at least double the one before, never complete.
      for (const [index, part] of parts.slice(0, -1).entries()) {
        expect(part.complete).toBe(false);
        expect(part.trials).toEqual(trials.slice(0, part.count));
        if (index > 0) expect(part.count).toBeGreaterThanOrEqual(2 * parts[index - 1].count);
      }
    }
  });

  it('shows a head before the end only when the file was read past the first trials', async () => {
    const { parts } = await stream(studyToJson(study), 600, 400);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts[0].count).toBeGreaterThan(0);
    expect(parts[0].count).toBeLessThan(study.trials.length);
  });

  it('reads a study@1 file of 20,000 trials as parseStudyJson does, starting with a first part of a few thousand', async () => {
    const text = largeStudy(20_000);
    const whole = parseStudyJson(text);
    expect(whole.ok).toBe(true);
    if (!whole.ok) return;
    const { parts } = await stream(text, 256 * 1024, 2 * 1024 * 1024);
    expect(parts[0].count).toBeGreaterThan(1000);
    expect(parts[0].count).toBeLessThan(5000);
    expect(parts.at(-1)!.trials).toEqual(whole.study.trials);
    expect(parts.at(-1)!.head.format).toBe('tuning-playground/study@2');
  });

  it('reads an empty trials list, a byte-order mark, and trials that are not the last field', async () => {
    const empty = studyToJson({ ...study, trials: [] });
    const { trials: _trials, ...rest } = study;
    const reordered = JSON.stringify({ trials: study.trials.slice(0, 3), ...rest });
    for (const text of [empty, `\uFEFF${studyToJson(study)}`, reordered]) {
      const whole = parseStudyJson(new TextDecoder().decode(new TextEncoder().encode(text)));
      const { streamed, parts } = await stream(text, 50, 70);
      expect(whole.ok).toBe(true);
      if (!whole.ok) continue;
      const { trials, ...head } = whole.study;
      expect(streamed).toBe(true);
      expect(parts.at(-1)!.head).toEqual(head);
      expect(parts.at(-1)!.trials).toEqual(trials);
    }
  });

  it('gives up (so the caller reads the file whole) on every file it cannot vouch for, never reporting it complete', async () => {
    const text = studyToJson(study);
    const lastTrial = text.lastIndexOf('{"id":40');
    const cases = [
      text.replace('"id":30,', '"id":3,'), // a repeated id, late
      text.replace('"state":"complete"', '"state":"finished"'), // a bad field
      `${text.slice(0, lastTrial)}${text.slice(lastTrial).replace(/\]\s*\}\s*$/, ',]}')}`, // a trailing comma in the list
      text.replace('"trials":', '"trials":[],"tri\\u0061ls":'), // a second trials key, escaped
      text.replace(/\}\s*$/, ',"trials":[]}'), // a second trials key after the list
      text.replace(/\}\s*$/, ',"extra":1}'), // an unknown field after the list
      text.slice(0, -5), // cut short
      text.replace('"epochs":[', `"epochs":${'['.repeat(40)}`), // nested too deep
      text.replace('"params":{', '"params":{"__proto__":1,'), // a forbidden key
    ];
    for (const broken of cases) {
      const { streamed, parts } = await stream(broken, 200, 300);
      expect(streamed).toBe(false);
      expect(parts.some((part) => part.complete)).toBe(false);
    }
  });
});
