/**
 * A self-contained Node script that reproduces a trained trial's validation loss: it holds the
 * validation rows themselves (features and targets, written out as numbers), loads the trained
 * model from the model.json and weights beside it with tf.loadLayersModel, and prints the loss the
 * page measured. The rows are written out rather than regenerated from the dataset's seed, so it
 * works for uploaded and drawn data too, and needs nothing from this project.
 */

/** What the script needs: the validation rows, the task, and the files it loads. */
export interface ReproduceInput {
  /** How the page names the trial, e.g. "trial 7". */
  trial: string;
  /** Validation features, row-major [rows * featureCount], and targets [rows] (class indices or values). */
  features: ArrayLike<number>;
  targets: ArrayLike<number>;
  featureCount: number;
  /** Number of classes; 0 = regression. */
  classCount: number;
  /** Ridge models take each input's powers 1..degree, input by input. */
  polynomialDegree?: number;
  /** The model.json file name, in the script's folder. */
  modelFile: string;
  /** The validation loss the page measured, printed beside the script's own. */
  validationLoss?: number;
}

/** Numbers as float32 literals with enough digits to survive the round trip. */
function numbers(values: ArrayLike<number>): string {
  return Array.from(values, (value) => String(Math.fround(value))).join(',');
}

/** The script (an ES module for Node 20+ with @tensorflow/tfjs installed). */
export function reproduceScript(input: ReproduceInput): string {
  const rows = input.targets.length;
  const degree = input.polynomialDegree ?? 1;
  const measured = input.validationLoss !== undefined && Number.isFinite(input.validationLoss) ? input.validationLoss.toFixed(6) : 'not recorded';
  const loss = input.classCount > 0
    ? `tf.losses.softmaxCrossEntropy(tf.oneHot(tf.tensor1d(targets, 'int32'), ${input.classCount}), outputs)`
    : `tf.losses.meanSquaredError(tf.tensor2d(targets, [${rows}, 1]), outputs)`;
  return [
    `// ${input.trial} from the Tuning Playground: loads its trained model and prints its validation loss.`,
    `// Put this file beside ${input.modelFile} and its weights file, then: npm install @tensorflow/tfjs && node ${input.modelFile.replace(/\.model\.json$/, '')}.reproduce.mjs`,
    "import * as tf from '@tensorflow/tfjs';",
    "import { readFile } from 'node:fs/promises';",
    '',
    `// The ${rows} validation rows the page scored: ${input.featureCount} feature(s) per row, then the targets.`,
    `const features = [${numbers(input.features)}];`,
    `const targets = [${numbers(input.targets)}];`,
    `const featureCount = ${input.featureCount};`,
    `const degree = ${degree}; // ridge regression reads each feature's powers 1..degree, feature by feature`,
    'const expanded = [];',
    'for (let row = 0; row < targets.length; row++) {',
    '  for (let column = 0; column < featureCount; column++) {',
    '    let power = features[row * featureCount + column];',
    '    for (let d = 0; d < degree; d++) {',
    '      expanded.push(power);',
    '      power *= features[row * featureCount + column];',
    '    }',
    '  }',
    '}',
    '',
    `const folder = new URL('.', import.meta.url);`,
    `const json = JSON.parse(await readFile(new URL('${input.modelFile}', folder), 'utf8'));`,
    'const bytes = await readFile(new URL(json.weightsManifest[0].paths[0], folder));',
    'const weightData = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);',
    'const model = await tf.loadLayersModel(tf.io.fromMemory({ modelTopology: json.modelTopology, weightSpecs: json.weightsManifest[0].weights, weightData }));',
    `const outputs = model.predict(tf.tensor2d(expanded, [targets.length, featureCount * degree])); // ${input.classCount > 0 ? 'logits' : 'predictions'}`,
    `const loss = ${loss};`,
    `console.log(\`validation loss \${(await loss.data())[0].toFixed(6)} (the page measured ${measured})\`);`,
    '',
  ].join('\n');
}
