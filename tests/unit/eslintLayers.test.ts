import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

/** The no-restricted-imports messages ESLint gives `text` as if it were the file at `filePath`. */
async function layerErrors(filePath: string, text: string): Promise<string[]> {
  const [result] = await eslint.lintText(text, { filePath });
  return result.messages.filter((message) => message.ruleId === 'no-restricted-imports').map((message) => message.message);
}

describe('lint enforces the layers', () => {
  it('a pure folder may not import Svelte, TF.js, storage or a state class', async () => {
    for (const folder of ['core', 'datasets', 'gp', 'search', 'analysis', 'models']) {
      const errors = await layerErrors(`src/lib/${folder}/example.ts`, [
        "import { mount } from 'svelte';",
        "import * as tf from '@tensorflow/tfjs';",
        "import { openDB } from 'idb';",
        "import { Study } from '../state/study.svelte';",
        'export const all = [mount, tf, openDB, Study];',
      ].join('\n'));
      expect(errors, folder).toHaveLength(4);
    }
  });

  it('a chart may not import training, worker, storage or state code', async () => {
    const errors = await layerErrors('src/lib/charts/Example.ts', [
      "import { trainTrial } from '../training/trainTrial';",
      "import { TrainerClient } from '../worker/trainerClient';",
      "import { StudyStorage } from '../storage/studyStorage';",
      "import { Study } from '../state/study.svelte';",
      'export const all = [trainTrial, TrainerClient, StudyStorage, Study];',
    ].join('\n'));
    expect(errors).toHaveLength(4);
  });

  it('the study loop may not import state or training, and the workers no state', async () => {
    expect(await layerErrors('src/lib/study/example.ts', "import { Trainer } from '../state/trainer.svelte';\nimport { trainTrial } from '../training/trainTrial';\nexport const all = [Trainer, trainTrial];")).toHaveLength(2);
    expect(await layerErrors('src/lib/worker/example.ts', "import { Study } from '../state/study.svelte';\nexport const all = [Study];")).toHaveLength(1);
  });

  it('imports along the layers pass', async () => {
    expect(await layerErrors('src/lib/search/example.ts', "import { createRandom } from '../core/random';\nimport { fitGaussianProcess } from '../gp/fitGaussianProcess';\nexport const all = [createRandom, fitGaussianProcess];")).toEqual([]);
    expect(await layerErrors('src/lib/charts/Example.ts', "import { sliceAnchor } from '../analysis/sliceAnchor';\nexport const all = [sliceAnchor];")).toEqual([]);
  });
});
