/**
 * The row-per-thread passes of the fused trainer, for small networks (structure.rowwise): each
 * thread runs whole rows — forward, output gradient and every layer's delta — in registers,
 * with the layer loops unrolled so every weight is read at a constant index (one broadcast load
 * in a software adapter, no per-lane gather), and one barrier per batch instead of one per layer.
 * Only the batch-gradient sums (a sum over rows, so across threads) go through scratch.
 */
import { fusedLayout, paddedWidths, type FusedStructure } from './fusedLayout';
import { accessors, gradientUpdates } from './fusedPasses';

/** Largest forward multiply-adds per row the unrolled code is generated for (above: loops, fusedPasses.ts). */
export const rowwiseLimit = 1536;

/** Forward multiply-adds per row of a structure, over its padded layer widths (its unrolled code grows with it). */
export function rowwiseCost(structure: Pick<FusedStructure, 'featureCount' | 'outputCount' | 'hiddenLayers' | 'hiddenWidth' | 'hiddenWidths'>): number {
  const sizes = paddedWidths(structure);
  let cost = 0;
  for (let layer = 0; layer + 1 < sizes.length; layer++) cost += sizes[layer] * sizes[layer + 1];
  return cost;
}

/**
 * The unrolled forward pass of one row into SSA values a{layer}_{unit} (layer 0: the features);
 * hidden units past the trial's width of that layer are zeroed (they only matter for sigmoid, whose 0 maps to ½).
 * With `training`, dropout multiplies kept units by 1/(1 − rate) and keeps the masks m{layer}_{unit}
 * and the activations before dropout h{layer}_{unit} for the backward pass.
 */
function forwardLines(structure: FusedStructure, training: boolean): string[] {
  const layout = fusedLayout(structure);
  const { weight } = accessors(structure);
  const sizes = paddedWidths(structure);
  const lines: string[] = [];
  for (let i = 0; i < structure.featureCount; i++) lines.push(`  let a0_${i} = featureAt(row, ${i}u);`);
  layout.layers.forEach((layer, index) => {
    const isOutput = index === structure.hiddenLayers;
    for (let j = 0; j < sizes[index + 1]; j++) {
      const terms = Array.from({ length: sizes[index] }, (_, i) => `a${index}_${i} * ${weight(`${layer.kernel + i * layer.outputs + j}u`)}`);
      const z = `${terms.join(' + ')} + ${weight(`${layer.bias + j}u`)}`;
      const name = `${index + 1}_${j}`;
      if (isOutput) {
        lines.push(`  let a${name} = ${z};`);
        continue;
      }
      const masked = structure.activation === 'sigmoid' ? `select(0.0, activate(${z}), ${j}u < units[${index}])` : `activate(${z})`;
      if (training && structure.dropout) {
        lines.push(`  let h${name} = ${masked};`);
        lines.push(`  let m${name} = select(keep, 0.0, dropping && dropoutDraw(setting.seed, epoch, position + r, ${index * structure.hiddenWidth + j}u) < setting.dropout);`);
        lines.push(`  let a${name} = h${name} * m${name};`);
      } else {
        lines.push(`  let a${name} = ${masked};`);
      }
    }
  });
  return lines;
}

/** Softmax cross-entropy (or squared error) of the outputs a{L+1}_c; `loss` and `correct` as SSA values. */
function lossLines(structure: FusedStructure, gradient: boolean): string[] {
  const out = structure.hiddenLayers + 1;
  const C = structure.outputCount;
  const lines: string[] = [];
  if (!structure.classification) {
    lines.push(`  let difference = a${out}_0 - targetAt(row);`, '  let loss = difference * difference;', '  let correct = 0.0;');
    if (gradient) lines.push('  let g0 = 2.0 * difference / f32(count);');
    return lines;
  }
  lines.push(`  let label = u32(targetAt(row));`, `  var largest = a${out}_0;`, '  var best = 0u;');
  for (let c = 1; c < C; c++) lines.push(`  if (a${out}_${c} > largest) { largest = a${out}_${c}; best = ${c}u; }`);
  for (let c = 0; c < C; c++) lines.push(`  let e${c} = exp(a${out}_${c} - largest);`);
  lines.push(`  let total = ${Array.from({ length: C }, (_, c) => `e${c}`).join(' + ')};`);
  lines.push(`  var labelled = a${out}_0;`);
  for (let c = 1; c < C; c++) lines.push(`  if (label == ${c}u) { labelled = a${out}_${c}; }`);
  lines.push('  let loss = log(total) + largest - labelled;', "  let correct = select(0.0, 1.0, best == label);");
  if (gradient) for (let c = 0; c < C; c++) lines.push(`  let g${c} = (e${c} / total - select(0.0, 1.0, label == ${c}u)) / f32(count);`);
  return lines;
}

/** WGSL of trainRow (forward, loss gradient and deltas of one row, stored for the gradient sums) and evaluateRow. */
export function rowwisePasses(structure: FusedStructure): string {
  const layout = fusedLayout(structure);
  const { weight, scratchBase } = accessors(structure);
  const sizes = paddedWidths(structure);
  const L = structure.hiddenLayers;
  const head: string[] = [`fn trainRow(trial: u32, units: Widths, row: u32, r: u32, count: u32, epoch: u32, position: u32) {
  let w = trial * ${layout.parameterStride}u;
  let s = ${scratchBase};
  let setting = trials[trial];`];
  if (structure.dropout) head.push('  let dropping = setting.dropout > 0.0;', '  let keep = 1.0 / (1.0 - setting.dropout);');
  const train = [...head, ...forwardLines(structure, true), ...lossLines(structure, true)];
  for (let c = 0; c < structure.outputCount; c++) train.push(`  scratch[s + ${layout.layerDeltas[L]}u + r * DW + ${c}u] = g${c};`);
  // Deltas from the output down: d{layer}_{unit} is the gradient at layer's pre-activation.
  let upper = Array.from({ length: structure.outputCount }, (_, c) => `g${c}`);
  const deltas = !(structure.omit ?? []).includes('backward');
  for (let index = L; index >= 1; index--) {
    const layer = layout.layers[index];
    const current: string[] = [];
    for (let i = 0; i < sizes[index]; i++) {
      const terms = upper.map((name, j) => `${name} * ${weight(`${layer.kernel + i * layer.outputs + j}u`)}`);
      const h = structure.dropout ? `h${index}_${i}` : `a${index}_${i}`;
      const mask = structure.dropout ? ` * m${index}_${i}` : '';
      if (deltas) {
        train.push(`  let d${index}_${i} = (${terms.join(' + ')}) * derivative(${h})${mask};`);
        train.push(`  scratch[s + ${layout.layerDeltas[index - 1]}u + r * DW + ${i}u] = d${index}_${i};`);
      }
      train.push(`  scratch[s + ${layout.hiddenActivations[index - 1]}u + r * H + ${i}u] = a${index}_${i};`);
      current.push(`d${index}_${i}`);
    }
    upper = current;
  }
  train.push('}');
  const evaluate = [`fn evaluateRow(trial: u32, units: Widths, row: u32) -> vec2<f32> {
  let w = trial * ${layout.parameterStride}u;`, ...forwardLines(structure, false), ...lossLines(structure, false), '  return vec2<f32>(loss, correct);', '}'];
  return [...train, ...evaluate].join('\n');
}

/** WGSL of the batch-gradient sums and optimiser step of every parameter, from the deltas trainRow stored. */
export function rowwiseGradients(structure: FusedStructure): string {
  const layout = fusedLayout(structure);
  const { barrier, scratchBase } = accessors(structure);
  const lines = [`fn gradientStep(trial: u32, units: Widths, rowList: u32, count: u32, scale: f32, secondScale: f32) {
  let w = trial * ${layout.parameterStride}u;
  let s = ${scratchBase};
  let setting = trials[trial];`];
  layout.layers.forEach((_, index) => lines.push(gradientUpdates(structure, index, `s + ${layout.layerDeltas[index]}u`)));
  lines.push(`  ${barrier};`, '}');
  return lines.join('\n');
}
