import { describe, expect, it } from 'vitest';
import { baselineLoss } from '../../../src/lib/core/diagnose';
import { diagnoseTrial, trialContext } from '../../../src/lib/core/diagnoseTrial';
import { defaultModelSettings, type ModelSettings } from '../../../src/lib/core/modelSettings';
import { circles } from '../../../src/lib/datasets/circles';
import { moons } from '../../../src/lib/datasets/moons';
import type { Dataset } from '../../../src/lib/datasets/dataset';
import { familyOptions, isClassicKind } from '../../../src/lib/models/familyOptions';
import { tableFromDataset } from '../../../src/lib/models/table';
import { trainModel } from '../../../src/lib/models/trainModel';

/** Trains `change` on 3 rows in 5 of `dataset`, scores it on the others and diagnoses it with the page's context. */
function diagnosed(dataset: Dataset, change: Partial<ModelSettings>) {
  const settings = { ...defaultModelSettings, ...change };
  const rows = Array.from({ length: dataset.size }, (_, row) => row);
  const train = tableFromDataset(dataset, rows.filter((row) => row % 5 < 3));
  const validation = tableFromDataset(dataset, rows.filter((row) => row % 5 >= 3));
  const cut = train.size;
  if (!isClassicKind(settings.kind)) throw new Error('classic kinds only');
  const { epochs } = trainModel(settings.kind, train, validation, familyOptions(settings.kind, settings), 1);
  const counts = [0, 0];
  for (const target of train.targets) counts[target] += 1;
  return diagnoseTrial(epochs, 'complete', { baselineLoss: baselineLoss(counts), ...trialContext(settings, {}, cut) });
}

const noisyMoons = moons({ samples: 300, noise: 0.5, seed: 2 });

describe('the diagnosis of a classic model family', () => {
  it('calls an unlimited tree on noisy moons overfit and suggests limiting its depth', () => {
    const diagnosis = diagnosed(noisyMoons, { kind: 'tree', maxDepth: 0 });
    expect(diagnosis.label).toBe('overfit');
    expect(diagnosis.suggestion).toMatch(/Limit the depth \(now: no limit\)/);
    expect(diagnosis.suggestion).not.toMatch(/Adam|learning rate|network/);
  });

  it('calls a stump on the circles underfit and suggests a deeper tree', () => {
    const diagnosis = diagnosed(circles({ samples: 300, noise: 0.1, seed: 2 }), { kind: 'tree', maxDepth: 1 });
    expect(diagnosis.label).toBe('underfit');
    expect(diagnosis.suggestion).toMatch(/deeper tree \(now 1\)/);
  });

  it('calls 1-nearest-neighbour on noisy moons overfit and suggests a larger k', () => {
    const diagnosis = diagnosed(noisyMoons, { kind: 'knn', neighbors: 1 });
    expect(diagnosis.label).toBe('overfit');
    expect(diagnosis.suggestion).toMatch(/Raise k \(now 1\)/);
  });

  it('calls 15-nearest-neighbour on the moons a good fit', () => {
    const diagnosis = diagnosed(moons({ samples: 300, noise: 0.15, seed: 2 }), { kind: 'knn', neighbors: 15 });
    expect(diagnosis.label).toBe('good fit');
    expect(diagnosis.suggestion).toMatch(/^Nothing to fix/);
  });

  it('reads boosting rounds like epochs and advises in rounds and shrinkage, never an optimiser', () => {
    const diagnosis = diagnosed(noisyMoons, { kind: 'boosting', epochs: 4, learningRate: 0.05, maxDepth: 2 });
    expect(['not converged', 'underfit']).toContain(diagnosis.label);
    expect(diagnosis.suggestion).toMatch(/rounds/);
    expect(`${diagnosis.explanation} ${diagnosis.suggestion}`).not.toMatch(/Adam|network|hidden/);
  });
});
