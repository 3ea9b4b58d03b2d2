import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../src/lib/core/random';
import { generateDataset } from '../../../src/lib/datasets/index';
import { splitForTraining } from '../../../src/lib/datasets/trainingSplit';
import { datasetCode, generatedClassCount, scriptableDatasets, type GeneratedDataSource } from '../../../src/lib/export/datasetScript';

interface ScriptData {
  features: Float32Array;
  targets: Float32Array;
  featureCount: number;
  classCount: number;
  rows: number[];
}

/** Runs the script's data section as plain JavaScript (tests only: the page never evaluates code). */
function runDataCode(source: GeneratedDataSource): ScriptData {
  return new Function(`${datasetCode(source)}\nreturn { features, targets, featureCount, classCount, rows };`)() as ScriptData;
}

/** What the page makes for the same settings: the generator and the split of trainingSplit.ts. */
function pageData(source: GeneratedDataSource) {
  const dataset = generateDataset(source.name, { samples: source.samples, noise: source.noise, seed: source.seed, classes: source.classes });
  return { dataset, rows: splitForTraining(dataset, source.fractions, source.seed).split.validation };
}

const fractionChoices = [
  { train: 0.6, validation: 0.2, test: 0.2 },
  { train: 0.7, validation: 0.3, test: 0 },
  { train: 0.55, validation: 0.15, test: 0.3 },
  { train: 0.8, validation: 0.05, test: 0.15 },
];

describe('datasetCode', () => {
  it('makes every built-in dataset again bit for bit, and scores the same validation rows, over 20 drawn settings each', () => {
    const draw = createRandom(16);
    for (const name of scriptableDatasets) {
      for (let round = 0; round < 20; round++) {
        const source: GeneratedDataSource = {
          name,
          samples: 50 + draw.int(1951),
          noise: Math.round(draw.next() * 100) / 100,
          seed: draw.uint32(),
          classes: name === 'spiral' || name === 'blobs' ? 2 + draw.int(4) : undefined,
          fractions: fractionChoices[draw.int(fractionChoices.length)],
        };
        const page = pageData(source);
        const script = runDataCode(source);
        const label = `${name} ${JSON.stringify(source)}`;
        expect(script.featureCount, label).toBe(page.dataset.featureCount);
        expect(script.classCount, label).toBe(page.dataset.classCount);
        expect(generatedClassCount(source), label).toBe(page.dataset.classCount);
        expect(Buffer.from(script.features.buffer).equals(Buffer.from(page.dataset.features.buffer)), `features of ${label}`).toBe(true);
        expect(Buffer.from(script.targets.buffer).equals(Buffer.from(page.dataset.targets.buffer)), `targets of ${label}`).toBe(true);
        expect(script.rows, label).toEqual(page.rows);
      }
    }
  });

  it('scores every row, as the page does, when the validation share leaves none', () => {
    const source: GeneratedDataSource = { name: 'moons', samples: 60, noise: 0.2, seed: 3, fractions: { train: 1, validation: 0, test: 0 } };
    expect(runDataCode(source).rows).toEqual(pageData(source).rows);
    expect(pageData(source).rows).toHaveLength(60);
  });

  it('holds only the generator it needs', () => {
    const code = datasetCode({ name: 'sine', samples: 100, noise: 0.3, seed: 1, fractions: fractionChoices[0] });
    expect(code).toContain('datasets/sine.ts');
    expect(code).not.toContain('datasets/spiral.ts');
    expect(code).toContain('const samples = 100, noise = 0.3, seed = 1');
  });
});
