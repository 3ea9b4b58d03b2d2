/**
 * A self-contained Node script that reproduces a trained trial's validation loss: it makes the
 * validation rows again, loads the trained model from the model.json and weights beside it with
 * tf.loadLayersModel, and prints the loss the page measured. A built-in generator's data is made
 * again from its name, settings and seed and split as the page split it (export/datasetScript.ts);
 * data without a generator (an uploaded CSV, drawn points, a shipped file) is written out as
 * numbers, and the script's comment says why.
 */
import { datasetCode, type GeneratedDataSource } from './datasetScript';

/** Where the script's rows come from: a built-in generator, or rows written out (with the reason, for the comment). */
export type ScriptData =
  | { source: 'generated'; generated: GeneratedDataSource }
  | {
      source: 'rows';
      /** Why the rows are written out, e.g. "an uploaded CSV file has no generator". */
      why: string;
      /** Validation features, row-major [rows * featureCount], and targets [rows] (class indices or values). */
      features: ArrayLike<number>;
      targets: ArrayLike<number>;
    };

/** What the script needs: the data, the task, and the files it loads. */
export interface ReproduceInput {
  /** How the page names the trial, e.g. "trial 7". */
  trial: string;
  data: ScriptData;
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

function describeSource({ name, samples, noise, seed, classes, fractions }: GeneratedDataSource): string {
  const arms = name === 'spiral' || name === 'blobs' ? `, ${classes} classes` : '';
  return `the page's ${name} generator (${samples} points, noise ${noise}${arms}, seed ${seed}), split ${fractions.train} / ${fractions.validation} / ${fractions.test} with the same seed`;
}

function dataLines(input: ReproduceInput): string[] {
  const { data } = input;
  if (data.source === 'generated') {
    return [
      `// The data: ${describeSource(data.generated)}.`,
      '// This makes the same points again, bit for bit, and keeps the validation rows the page scored.',
      datasetCode(data.generated),
    ];
  }
  return [
    `// The ${data.targets.length} validation rows the page scored are written out below: ${data.why}.`,
    `const featureCount = ${input.featureCount};`,
    `const features = [${numbers(data.features)}];`,
    `const targets = [${numbers(data.targets)}];`,
    'const rows = targets.map((_, row) => row);',
  ];
}

/** The script (an ES module for Node 20+ with @tensorflow/tfjs installed). */
export function reproduceScript(input: ReproduceInput): string {
  const degree = input.polynomialDegree ?? 1;
  const measured = input.validationLoss !== undefined && Number.isFinite(input.validationLoss) ? input.validationLoss.toFixed(6) : 'not recorded';
  const loss = input.classCount > 0
    ? `tf.losses.softmaxCrossEntropy(tf.oneHot(tf.tensor1d(scored, 'int32'), ${input.classCount}), outputs)`
    : 'tf.losses.meanSquaredError(tf.tensor2d(scored, [rows.length, 1]), outputs)';
  return [
    `// ${input.trial} from the Tuning Playground: makes its validation rows, loads its trained model and prints its validation loss.`,
    `// Put this file beside ${input.modelFile} and its weights file, then: npm install @tensorflow/tfjs && node ${input.modelFile.replace(/\.model\.json$/, '')}.reproduce.mjs`,
    "import * as tf from '@tensorflow/tfjs';",
    "import { readFile } from 'node:fs/promises';",
    '',
    ...dataLines(input),
    '',
    `const degree = ${degree}; // ridge regression reads each feature's powers 1..degree, feature by feature`,
    'const expanded = [];',
    'const scored = rows.map((row) => targets[row]);',
    'for (const row of rows) {',
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
    `const outputs = model.predict(tf.tensor2d(expanded, [rows.length, featureCount * degree])); // ${input.classCount > 0 ? 'logits' : 'predictions'}`,
    `const loss = ${loss};`,
    `console.log(\`validation loss \${(await loss.data())[0].toFixed(6)} (the page measured ${measured})\`);`,
    '',
  ].join('\n');
}
