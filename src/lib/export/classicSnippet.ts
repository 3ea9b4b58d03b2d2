/**
 * The code view of a classic family (linear, tree, forest, boosting, k-NN). TF.js has no trees,
 * no k-NN and no Lasso solver, so the playground fits these in plain TypeScript on the CPU
 * (src/lib/models) and there is no TF.js code to show. What is shown instead is the equivalent
 * scikit-learn call with the same settings — the library the models are tested against
 * (tests/unit/models/sklearnReference.py) — with each conversion spelled out where the two name a
 * setting differently (a linear model's alpha, which src/lib/models/linearModel.ts documents).
 */
import type { ModelSettings } from '../core/modelSettings';
import { isClassicKind } from '../models/familyOptions';
import { tfjsSnippet, type SnippetData, type SnippetSource } from './tfjsSnippet';

/** The data a classic snippet needs besides its shape: the training rows (a linear model's alpha scales with them). */
export interface ClassicSnippetData extends SnippetData {
  trainingRows: number;
}

/** A number as a Python literal. */
function py(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`cannot write ${value} into a Python snippet`);
  return String(value);
}

const bool = (value: boolean) => (value ? 'True' : 'False');
const depth = (settings: ModelSettings) => (settings.maxDepth > 0 ? String(settings.maxDepth) : 'None');

/** The estimator's import and constructor call for the settings. */
function estimator(settings: ModelSettings, classes: boolean, trainingRows: number): { module: string; name: string; args: string[]; notes: string[] } {
  const role = classes ? 'Classifier' : 'Regressor';
  const leaf = `min_samples_leaf=${settings.minSamplesLeaf}`;
  const criterion = classes ? [`criterion='${settings.criterion}'`] : [];
  switch (settings.kind) {
    case 'tree':
      return { module: 'sklearn.tree', name: `DecisionTree${role}`, args: [`max_depth=${depth(settings)}`, leaf, ...criterion], notes: [] };
    case 'forest': {
      const features = settings.splitFeatures === 'sqrt' ? "'sqrt'" : settings.splitFeatures === 'half' ? '0.5' : '1.0';
      return { module: 'sklearn.ensemble', name: `RandomForest${role}`, args: [`n_estimators=${settings.treeCount}`, `max_depth=${depth(settings)}`, leaf, ...criterion, `max_features=${features}`, `bootstrap=${bool(settings.bootstrap)}`], notes: [] };
    }
    case 'boosting':
      return {
        module: 'sklearn.ensemble', name: `GradientBoosting${role}`,
        args: [`learning_rate=${py(Math.min(1, settings.learningRate))}`, `n_estimators=${settings.epochs}`, `max_depth=${settings.maxDepth > 0 ? settings.maxDepth : 30}`, leaf, `subsample=${py(settings.subsample)}`],
        notes: settings.patience > 0 ? [`# The playground stops after ${settings.patience} rounds without a better validation loss on its own validation split; scikit-learn's n_iter_no_change holds out a share of the training rows instead.`] : [],
      };
    case 'knn':
      return { module: 'sklearn.neighbors', name: `KNeighbors${role}`, args: [`n_neighbors=${settings.neighbors}`, `weights='${settings.weighting}'`], notes: [] };
    default:
      return linearEstimator(settings, classes, trainingRows);
  }
}

/** The penalised linear model: the playground's objective is loss + alpha · penalty with the loss a mean over the n training rows. */
function linearEstimator(settings: ModelSettings, classes: boolean, rows: number): { module: string; name: string; args: string[]; notes: string[] } {
  const { alpha, penalty, l1Ratio } = settings;
  const unpenalised = penalty === 'none' || alpha === 0;
  if (classes) {
    const names = { l1: "'l1'", l2: "'l2'", elasticNet: "'elasticnet'", none: 'None' } as const;
    const args = unpenalised
      ? ['penalty=None']
      : [`penalty=${names[penalty]}`, `C=${py(1 / (rows * alpha))}`, ...(penalty === 'elasticNet' ? [`l1_ratio=${py(l1Ratio)}`] : [])];
    return {
      module: 'sklearn.linear_model', name: 'LogisticRegression', args: [...args, "solver='saga'", 'max_iter=1000'],
      notes: unpenalised ? [] : [`# C = 1 / (n · alpha) with n = ${rows} training rows: scikit-learn sums the loss where the playground averages it.`],
    };
  }
  if (unpenalised) return { module: 'sklearn.linear_model', name: 'LinearRegression', args: [], notes: [] };
  if (penalty === 'l1') return { module: 'sklearn.linear_model', name: 'Lasso', args: [`alpha=${py(alpha)}`], notes: [] };
  if (penalty === 'elasticNet') return { module: 'sklearn.linear_model', name: 'ElasticNet', args: [`alpha=${py(alpha)}`, `l1_ratio=${py(l1Ratio)}`], notes: [] };
  return {
    module: 'sklearn.linear_model', name: 'Ridge', args: [`alpha=${py(rows * alpha)}`],
    notes: [`# Ridge's alpha = n · alpha with n = ${rows} training rows: Ridge sums the squared errors where the playground (like Lasso) halves their mean.`],
  };
}

const reasons: Record<string, string> = {
  linear: 'penalised linear models (its L1 needs a coordinate-descent or proximal solver)',
  tree: 'decision trees',
  forest: 'random forests',
  boosting: 'gradient-boosted trees',
  knn: 'k-nearest neighbours',
};

/** The scikit-learn code of a classic family's settings (Python), with a header saying why it is not TF.js. */
export function classicSnippet(settings: ModelSettings, data: ClassicSnippetData, source: SnippetSource): string {
  const classes = data.classCount > 0;
  const model = estimator(settings, classes, data.trainingRows);
  const polynomial = settings.kind === 'linear' && settings.degree > 1;
  const score = source.validationLoss !== undefined && Number.isFinite(source.validationLoss) ? ` — validation loss ${source.validationLoss.toFixed(4)}` : '';
  const lines = [
    `# ${source.name} from the Tuning Playground${score}.`,
    `# TF.js has no ${reasons[settings.kind] ?? settings.kind}: the playground fits this model in plain TypeScript on the CPU,`,
    '# so there is no TF.js code to show. This is the equivalent scikit-learn code, the library its tests compare with.',
    `# Expects X_train, X_validation: features [examples, ${data.featureCount}] (standardised, as in the playground);`,
    `# y_train, y_validation: ${classes ? `class labels 0..${data.classCount - 1}` : 'numeric targets'}.`,
    ...model.notes,
    `from ${model.module} import ${model.name}`,
  ];
  if (settings.kind === 'linear') lines.push('from sklearn.pipeline import make_pipeline', `from sklearn.preprocessing import ${polynomial ? 'PolynomialFeatures, ' : ''}StandardScaler`);
  lines.push('');
  const call = `${model.name}(${[...model.args, ...(['tree', 'forest', 'boosting'].includes(settings.kind) ? ['random_state=0'] : [])].join(', ')})`;
  if (settings.kind === 'linear') {
    lines.push(`model = make_pipeline(${polynomial ? `PolynomialFeatures(degree=${settings.degree}, include_bias=False), ` : ''}StandardScaler(), ${call})`);
  } else {
    lines.push(`model = ${call}`);
  }
  lines.push('model.fit(X_train, y_train)', `print('validation ${classes ? 'accuracy' : 'R²'}', model.score(X_validation, y_validation))`, '');
  return lines.join('\n');
}

/** The code view of any family: TF.js for the MLP (and old ridge links), scikit-learn for the classic families. */
export function modelSnippet(settings: ModelSettings, data: ClassicSnippetData, source: SnippetSource): { code: string; language: 'TF.js' | 'scikit-learn' } {
  return isClassicKind(settings.kind)
    ? { code: classicSnippet(settings, data, source), language: 'scikit-learn' }
    : { code: tfjsSnippet(settings, data, source), language: 'TF.js' };
}
