/**
 * A classic family's options from the page's model settings (one settings table for every family):
 * tree depth 0 means no limit, boosting's rounds are the settings' epochs and its shrinkage the
 * learning rate (capped at 1), a forest's features per split are √, half or all of them.
 */
import type { ModelSettings } from '../core/modelSettings';
import type { MaxFeatures } from './decisionTree';
import type { ClassicModelKind } from './fittedModel';
import { classicModelKinds } from './fittedModel';
import type { ModelOptionsByKind } from './modelFamilies';
import { modelOptions } from './trainModel';

/** Whether `kind` names a classic (CPU) family rather than the MLP. */
export function isClassicKind(kind: string): kind is ClassicModelKind {
  return (classicModelKinds as readonly string[]).includes(kind);
}

function splitFeatures(choice: ModelSettings['splitFeatures']): MaxFeatures {
  if (choice === 'sqrt') return 'sqrt';
  return choice === 'half' ? 0.5 : 1;
}

/** The options of family `kind` that `settings` describe (the family's defaults for what the settings do not name). */
export function familyOptions<Kind extends ClassicModelKind>(kind: Kind, settings: ModelSettings): ModelOptionsByKind[Kind] {
  const maxDepth = settings.maxDepth > 0 ? settings.maxDepth : null;
  const tree = { maxDepth, minSamplesLeaf: settings.minSamplesLeaf, criterion: settings.criterion };
  const byKind: { [K in ClassicModelKind]: () => Partial<ModelOptionsByKind[K]> } = {
    linear: () => ({ penalty: settings.penalty, alpha: settings.alpha, l1Ratio: settings.l1Ratio, degree: settings.degree }),
    tree: () => tree,
    forest: () => ({ ...tree, treeCount: settings.treeCount, bootstrap: settings.bootstrap, maxFeatures: splitFeatures(settings.splitFeatures) }),
    boosting: () => ({
      learningRate: Math.min(1, settings.learningRate), rounds: settings.epochs, maxDepth: maxDepth ?? 30,
      minSamplesLeaf: settings.minSamplesLeaf, subsample: settings.subsample,
    }),
    knn: () => ({ k: settings.neighbors, weighting: settings.weighting }),
  };
  return modelOptions(kind, byKind[kind]() as Partial<ModelOptionsByKind[Kind]>);
}
