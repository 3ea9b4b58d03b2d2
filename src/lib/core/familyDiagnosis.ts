/**
 * The diagnosis of a classic model family. A tree, a forest, k-NN and a linear model are fitted,
 * not trained step by step with a learning rate, so their fit is read from the end: a training
 * score far better than the validation score is overfitting, a training loss near the baseline is
 * underfitting. Boosting has a real curve over rounds, read like epochs, with advice in its own
 * terms (rounds, shrinkage, depth). Advice names the setting to turn and its value now.
 */
import { diagnose, type DiagnoseOptions, type Diagnosis } from './diagnose';
import { diagnosisThresholds as limits } from './diagnosisThresholds';
import type { DiagnosisLabel, EpochRecord } from './trial';

/** A validation accuracy this far below a training accuracy of at least `memorised` is overfitting. */
export const familyOverfit = { accuracyGap: 0.05, memorised: 0.97, lossRatio: 1.5, lossGapOfBaseline: 0.05 } as const;

const depthText = (depth: number | undefined) => (depth === undefined ? '' : depth === 0 ? ' (now: no limit)' : ` (now ${depth})`);
const now = (value: number | string | undefined) => (value === undefined ? '' : ` (now ${value})`);

/** What to try for a family and a label, in the family's own settings. */
export function familyAdvice(label: DiagnosisLabel, options: DiagnoseOptions, roundsRun = 0): string {
  const { kind, maxDepth, minSamplesLeaf, neighbors, alpha, degree, learningRate } = options;
  const overfit = label === 'overfit';
  if (label === 'good fit') return 'Nothing to fix: compare it with other settings, or search them.';
  switch (kind) {
    case 'tree':
      return overfit
        ? `Limit the depth${depthText(maxDepth)} or raise the min samples per leaf${now(minSamplesLeaf)}, or average many trees: a random forest.`
        : `Allow a deeper tree${depthText(maxDepth)} or smaller leaves${now(minSamplesLeaf)}.`;
    case 'forest':
      return overfit
        ? `Limit the trees' depth${depthText(maxDepth)} or raise the min samples per leaf${now(minSamplesLeaf)}: more trees lower the variance but cannot undo trees that memorise.`
        : `Allow deeper trees${depthText(maxDepth)}; more trees alone do not add capacity.`;
    case 'knn':
      return overfit ? `Raise k${now(neighbors)}: more neighbours vote, so single noisy points count less.` : `Lower k${now(neighbors)}: fewer neighbours follow the data more closely.`;
    case 'linear':
      return overfit
        ? `Raise the penalty alpha${now(alpha)} or lower the polynomial degree${now(degree)}.`
        : `Raise the polynomial degree${now(degree)} or lower the penalty alpha${now(alpha)}: a straight line cannot follow a curved boundary.`;
    default:
      if (overfit) return `Use fewer rounds (early-stopping patience), a smaller learning rate${now(learningRate)}, shallower trees${depthText(maxDepth)} or a subsample below 1.`;
      if (label === 'not converged') return `Add rounds (it ran ${roundsRun}) or raise the learning rate${now(learningRate)}.`;
      if (label === 'underfit') return `Use deeper trees${depthText(maxDepth)}, more rounds or a larger learning rate${now(learningRate)}.`;
      return `Lower the learning rate${now(learningRate)}: each round then corrects less of the error.`;
  }
}

function format(value: number): string {
  return String(Number(value.toPrecision(3)));
}

/** The diagnosis of a fitted (not step-by-step) model from its last record. */
function diagnoseFitted(epochs: readonly EpochRecord[], options: DiagnoseOptions): Diagnosis {
  const last = epochs.at(-1) as EpochRecord;
  const bestEpoch = last.epoch;
  const result = (label: DiagnosisLabel, explanation: string): Diagnosis => ({ label, explanation, suggestion: familyAdvice(label, options), bestEpoch });
  const baseline = options.baselineLoss ?? (options.classes !== undefined && options.classes >= 2 ? Math.log(options.classes) : undefined);
  const reference = baseline ?? last.validationLoss;
  const { trainAccuracy, validationAccuracy } = last;
  if (trainAccuracy !== undefined && validationAccuracy !== undefined) {
    if (trainAccuracy >= familyOverfit.memorised && trainAccuracy - validationAccuracy >= familyOverfit.accuracyGap) {
      return result('overfit', `It gets ${percent(trainAccuracy)} of the training points right but only ${percent(validationAccuracy)} of the validation points: it has memorised the training data, noise included.`);
    }
  } else if (last.validationLoss > familyOverfit.lossRatio * last.trainLoss && last.validationLoss - last.trainLoss > familyOverfit.lossGapOfBaseline * reference) {
    return result('overfit', `Its validation error (${format(last.validationLoss)}) is far above its training error (${format(last.trainLoss)}): it has memorised the training data, noise included.`);
  }
  if (baseline !== undefined && last.trainLoss >= limits.underfitFraction * baseline) {
    return result('underfit', `The training loss is ${format(last.trainLoss)}, ${percent(last.trainLoss / baseline)} of the baseline of ${format(baseline)} (ignoring the inputs): the model is too simple for this data.`);
  }
  const scores = validationAccuracy !== undefined ? `validation accuracy ${percent(validationAccuracy)} against ${percent(trainAccuracy ?? 0)} on training` : `validation loss ${format(last.validationLoss)} against ${format(last.trainLoss)} on training`;
  return result('good fit', `Training and validation scores are close (${scores}) and well below the baseline.`);
}

function percent(value: number): string {
  return `${Math.round(100 * value)}%`;
}

/** The diagnosis of a trial of a classic family (boosting's curve read like epochs, the others from their fit). */
export function diagnoseFamily(epochs: readonly EpochRecord[], options: DiagnoseOptions): Diagnosis {
  if (options.kind !== 'boosting') {
    if (epochs.length === 0 || options.state === 'pruned' || options.state === 'stopped') return diagnose(epochs, { ...options, learningRate: undefined });
    return diagnoseFitted(epochs, options);
  }
  // Boosting's learning rate is a shrinkage, not an optimiser's step: leave it out of the curve's reading.
  const curve = diagnose(epochs, { ...options, learningRate: undefined, optimizer: undefined, hiddenLayers: undefined, l1: undefined, l2: undefined, dropout: undefined });
  if (curve.label === 'pruned') return curve;
  return { ...curve, suggestion: familyAdvice(curve.label, options, epochs.length) };
}
