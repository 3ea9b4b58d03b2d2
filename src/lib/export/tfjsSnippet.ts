/**
 * The TF.js code of one configuration: a plain-JavaScript snippet that builds, compiles and fits
 * the same model as the playground's trial, for readers to run outside the app.
 */
import { adamBetas, defaultAdamBetas, hiddenWidths, type Initializer, type ModelSettings, type OptimizerName } from '../core/modelSettings';
import type { EpochRecord } from '../core/trial';
import { appendAll } from '../core/extent';

/** Shape of the data the snippet trains on. */
export interface SnippetData {
  /** Input columns per example. */
  featureCount: number;
  /** Number of classes (one-hot targets of shape [examples, classCount]); 0 = regression. */
  classCount: number;
}

/** Which trial the snippet reproduces, for its comment header. */
export interface SnippetSource {
  /** How the trial is named in the page, e.g. "trial 7" or "the hand-trained model". */
  name: string;
  /** Validation loss of the kept epoch, when the trial has one. */
  validationLoss?: number;
  /** Validation accuracy of the kept epoch (classification only). */
  validationAccuracy?: number;
}

/** The header of a trial named `name`: the scores of its kept epoch (1-based; 0 = its last epoch). */
export function snippetSource(name: string, epochs: readonly EpochRecord[], keptEpoch = 0): SnippetSource {
  const kept = epochs.find((record) => record.epoch === keptEpoch) ?? epochs.at(-1);
  return { name, validationLoss: kept?.validationLoss, validationAccuracy: kept?.validationAccuracy };
}

const initializerCode: Record<Initializer, string> = {
  glorotUniform: 'tf.initializers.glorotUniform({})',
  heNormal: 'tf.initializers.heNormal({})',
  lecunNormal: 'tf.initializers.leCunNormal({})',
  randomNormal: 'tf.initializers.randomNormal({ mean: 0, stddev: 0.1 })',
};

/** Adam with the trial's β's, written short when they are TF.js's defaults. */
function adamCode(learningRate: number, betas: { beta1: number; beta2: number }): string {
  const isDefault = betas.beta1 === defaultAdamBetas.beta1 && betas.beta2 === defaultAdamBetas.beta2;
  return isDefault ? `tf.train.adam(${number(learningRate)})` : `tf.train.adam(${number(learningRate)}, ${number(betas.beta1)}, ${number(betas.beta2)})`;
}

function optimizerCode(name: OptimizerName, learningRate: number, momentum: number, betas: { beta1: number; beta2: number }): string {
  switch (name) {
    case 'sgd':
      return `tf.train.sgd(${number(learningRate)})`;
    case 'momentum':
      return `tf.train.momentum(${number(learningRate)}, ${number(momentum)})`;
    case 'adam':
      return adamCode(learningRate, betas);
    case 'rmsprop':
      return `tf.train.rmsprop(${number(learningRate)})`;
    // TF.js has no hypergradient optimiser: the snippet keeps the starting rate fixed (its header says so).
    case 'sgd-hd':
      return `tf.train.sgd(${number(learningRate)})`;
    case 'adam-hd':
      return adamCode(learningRate, betas);
    default:
      throw new Error(`invalid optimizer: ${name as string}`);
  }
}

/** A number as a JavaScript literal; non-finite values cannot appear in runnable code. */
function number(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`cannot write ${value} into a TF.js snippet`);
  return String(value);
}

function regularizerCode(l1: number, l2: number): string | null {
  if (l1 > 0 && l2 > 0) return `tf.regularizers.l1l2({ l1: ${number(l1)}, l2: ${number(l2)} })`;
  if (l1 > 0) return `tf.regularizers.l1({ l1: ${number(l1)} })`;
  if (l2 > 0) return `tf.regularizers.l2({ l2: ${number(l2)} })`;
  return null;
}

function denseCode(options: { inputShape?: number; units: number; activation: string; initializer: Initializer; regularizer: string | null }): string {
  const parts = [
    ...(options.inputShape === undefined ? [] : [`inputShape: [${options.inputShape}]`]),
    `units: ${options.units}`,
    `activation: '${options.activation}'`,
    `kernelInitializer: ${initializerCode[options.initializer]}`,
    ...(options.regularizer ? [`kernelRegularizer: ${options.regularizer}`] : []),
  ];
  return `model.add(tf.layers.dense({ ${parts.join(', ')} }));`;
}

/** The hidden widths as the header says them: one number when every layer has it, else each layer's. */
function widthsText(settings: ModelSettings): string {
  const widths = hiddenWidths(settings);
  return widths.every((width) => width === settings.units) ? String(settings.units) : widths.join(', ');
}

function header(source: SnippetSource, settings: ModelSettings, data: SnippetData): string[] {
  const scores = [
    ...(source.validationLoss !== undefined && Number.isFinite(source.validationLoss) ? [`validation loss ${source.validationLoss.toFixed(4)}`] : []),
    ...(source.validationAccuracy !== undefined && Number.isFinite(source.validationAccuracy) ? [`validation accuracy ${source.validationAccuracy.toFixed(4)}`] : []),
  ];
  const targets = data.classCount > 0 ? `one-hot labels [examples, ${data.classCount}]` : 'targets [examples, 1]';
  return [
    `// ${source.name} from the Tuning Playground${scores.length > 0 ? ` — ${scores.join(', ')}` : ''}.`,
    `// Model: ${settings.kind === 'ridge' ? `polynomial ridge regression, degree ${settings.degree}, alpha ${settings.alpha}` : `MLP, ${settings.hiddenLayers} hidden layer(s) of ${widthsText(settings)} ${settings.activation} units`}.`,
    `// Expects tensors xTrain, xValidation: features [examples, ${data.featureCount}] (standardised, as in the playground);`,
    `// yTrain, yValidation: ${targets}. Run it inside an async function or an ES module.`,
    '// Weights start from a different random draw than in the playground, so scores vary a little.',
    ...(settings.optimizer === 'sgd-hd' || settings.optimizer === 'adam-hd'
      ? [`// TF.js has no ${settings.optimizer} optimiser: this trains at the fixed starting rate ${settings.learningRate}; the playground adapted it every step (α ← α + β g·d_prev, β = ${settings.hypergradientRate}).`]
      : []),
  ];
}

/**
 * The runnable TF.js snippet (plain JavaScript, ES module) that trains `settings` on data of
 * shape `data`, reading the tensors `xTrain, yTrain, xValidation, yValidation`.
 */
export function tfjsSnippet(settings: ModelSettings, data: SnippetData, source: SnippetSource): string {
  const isRidge = settings.kind === 'ridge';
  const classes = data.classCount > 0;
  const lines = [...header(source, settings, data), "import * as tf from '@tensorflow/tfjs';", ''];

  if (isRidge) {
    lines.push(
      `// Ridge regression is a linear layer on the powers 1..${settings.degree} of each feature, with an L2 penalty alpha.`,
      `const degree = ${settings.degree};`,
      'const polynomialFeatures = (x) => tf.concat(Array.from({ length: degree }, (_, power) => x.pow(power + 1)), 1);',
      '',
    );
  }
  lines.push('const model = tf.sequential();');
  const widths = isRidge ? [] : hiddenWidths(settings);
  const hiddenLayers = widths.length;
  const weightPenalty = isRidge ? regularizerCode(0, settings.alpha) : regularizerCode(settings.l1, settings.l2);
  const inputSize = isRidge ? data.featureCount * settings.degree : data.featureCount;
  for (let layer = 0; layer < hiddenLayers; layer++) {
    lines.push(
      denseCode({
        inputShape: layer === 0 ? inputSize : undefined,
        units: widths[layer],
        activation: settings.activation,
        initializer: settings.initializer,
        regularizer: weightPenalty,
      }),
    );
    if (settings.dropout > 0) lines.push(`model.add(tf.layers.dropout({ rate: ${number(settings.dropout)} }));`);
  }
  appendAll(lines, [
    denseCode({
      inputShape: hiddenLayers === 0 ? inputSize : undefined,
      units: classes ? data.classCount : 1,
      activation: classes ? 'softmax' : 'linear',
      initializer: settings.initializer,
      regularizer: weightPenalty,
    }),
    '',
    'model.compile({',
    `  optimizer: ${optimizerCode(settings.optimizer, settings.learningRate, settings.momentum, adamBetas(settings))},`,
    `  loss: '${classes ? 'categoricalCrossentropy' : 'meanSquaredError'}',`,
    ...(classes ? ["  metrics: ['accuracy'],"] : []),
    '});',
    '',
  ]);

  const inputs = isRidge ? ['polynomialFeatures(xTrain)', 'polynomialFeatures(xValidation)'] : ['xTrain', 'xValidation'];
  const callbacks =
    settings.patience > 0
      ? [
          // TF.js 4 throws on restoreBestWeights, so the snippet keeps the last epoch's weights.
          `  callbacks: [tf.callbacks.earlyStopping({ monitor: 'val_loss', patience: ${settings.patience} })],`,
        ]
      : [];
  appendAll(lines, [
    `const history = await model.fit(${inputs[0]}, yTrain, {`,
    `  epochs: ${settings.epochs},`,
    `  batchSize: ${settings.batchSize},`,
    `  validationData: [${inputs[1]}, yValidation],`,
    '  shuffle: true,',
    ...callbacks,
    '});',
    "console.log('final validation loss', history.history.val_loss.at(-1));",
    '',
  ]);
  return lines.join('\n');
}
