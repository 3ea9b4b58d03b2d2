/**
 * WGSL functions of the fused trainer that its entry point calls (see fusedShader.ts): the
 * evaluation of one row and the backward pass with every parameter's optimiser step, each
 * specialised on a FusedStructure, and the accessors they share.
 */
import { fusedLayout, type FusedStructure } from './fusedLayout';

/**
 * How the generated code reaches weights and scratch: in workgroup memory when they fit
 * (structure.local: loaded once per dispatch, written back at its end), else in the storage
 * buffers at the trial's offset.
 */
export function accessors(structure: FusedStructure) {
  const layout = fusedLayout(structure);
  return {
    weight: (index: string) => (structure.local ? `localWeights[${index}]` : `weights[w + ${index}]`),
    // First moments at P + index, second moments at 2P + index.
    moment: (index: string) => (structure.local ? `localWeights[${index}]` : `weights[w + ${index}]`),
    scratchBase: structure.local ? '0u' : `trial * ${layout.scratchStride}u`,
    barrier: structure.local ? 'workgroupBarrier()' : 'storageBarrier()',
  };
}

/**
 * The WGSL bounds of dense layer `index`'s fan-in and fan-out for the running trial: F and C at
 * the ends, else the trial's own width of that hidden layer (units[layer], read from its settings),
 * so loops never touch the padding past it.
 */
export function layerBounds(structure: Pick<FusedStructure, 'hiddenLayers'>, index: number): { inputs: string; outputs: string } {
  return { inputs: index === 0 ? 'F' : `units[${index - 1}]`, outputs: index === structure.hiddenLayers ? 'C' : `units[${index}]` };
}

/**
 * The batch-gradient sums of dense layer `index` and the optimiser step of each of its
 * parameters (with the L1/L2 terms where used), from the layer's output deltas at `delta` and its
 * inputs (the features, or the previous layer's activations in scratch). The one copy both
 * kernels call: one lane per parameter, the trial's own widths as bounds (padding never stepped);
 * with hypergradient descent only the gather (the step follows in hypergradientStep).
 */
export function gradientUpdates(structure: FusedStructure, index: number, delta: string): string {
  const layout = fusedLayout(structure);
  const layer = layout.layers[index];
  const { weight } = accessors(structure);
  const { inputs, outputs } = layerBounds(structure, index);
  const input = index === 0 ? 'featureAt(data[rowList + r], i)' : `scratch[s + ${layout.hiddenActivations[index - 1]}u + r * H + i]`;
  // With hypergradient descent the step waits for the rate (fusedHypergradient.ts): gather the gradient only.
  const step = (index: string, gradient: string) => (structure.hypergradient ? `gather(w, ${index}, ${gradient})` : `applyUpdate(w, ${index}, ${gradient}, setting, scale, secondScale)`);
  const penalty = structure.penalty ? ` + setting.l1 * sign(${weight('k')}) + 2.0 * setting.l2 * ${weight('k')}` : '';
  return `  for (var item = lane; item < (${inputs} + 1u) * ${outputs}; item += WG) {
    let i = item / ${outputs};
    let j = item % ${outputs};
    var sum = 0.0;
    if (i < ${inputs}) {
      for (var r = 0u; r < count; r++) { sum += ${input} * scratch[${delta} + r * DW + j]; }
      let k = ${layer.kernel}u + i * ${layer.outputs}u + j;
      ${step('k', `sum${penalty}`)};
    } else {
      for (var r = 0u; r < count; r++) { sum += scratch[${delta} + r * DW + j]; }
      ${step(`${layer.bias}u + j`, 'sum')};
    }
  }`;
}

/**
 * Loss and correctness of one row, computed by one lane alone in private arrays (no dropout),
 * with the same sums in the same order as forwardPass and rowLoss, so the numbers agree.
 */
export function evaluateRow(structure: FusedStructure): string {
  const layout = fusedLayout(structure);
  const { hiddenLayers } = structure;
  const { weight } = accessors(structure);
  const lines = [`fn evaluateRow(trial: u32, units: Widths, row: u32) -> vec2<f32> {
  let w = trial * ${layout.parameterStride}u;
  var hiddenA: array<f32, H>;
  var hiddenB: array<f32, H>;
  var o: array<f32, C>;`];
  layout.layers.forEach((layer, index) => {
    const isOutput = index === hiddenLayers;
    const source = index % 2 === 1 ? 'hiddenA' : 'hiddenB';
    const target = isOutput ? 'o' : index % 2 === 0 ? 'hiddenA' : 'hiddenB';
    const input = index === 0 ? 'featureAt(row, i)' : `${source}[i]`;
    const { inputs, outputs } = layerBounds(structure, index);
    lines.push(`  for (var j = 0u; j < ${outputs}; j++) {
    var sum = 0.0;
    for (var i = 0u; i < ${inputs}; i++) { sum += ${input} * ${weight(`${layer.kernel}u + i * ${layer.outputs}u + j`)}; }
    let z = sum + ${weight(`${layer.bias}u + j`)};
    ${target}[j] = ${isOutput ? 'z' : 'activate(z)'};
  }`);
  });
  if (structure.classification) {
    lines.push(`  let label = u32(targetAt(row));
  var largest = o[0];
  var best = 0u;
  for (var j = 1u; j < C; j++) { if (o[j] > largest) { largest = o[j]; best = j; } }
  var total = 0.0;
  for (var j = 0u; j < C; j++) { total += exp(o[j] - largest); }
  return vec2<f32>(log(total) + largest - o[label], select(0.0, 1.0, best == label));
}`);
  } else {
    lines.push(`  let difference = o[0] - targetAt(row);
  return vec2<f32>(difference * difference, 0.0);
}`);
  }
  return lines.join('\n');
}

/** The optimiser step of one parameter (stackedOptimizer.ts's unified rule). */
export function applyUpdate(structure: FusedStructure): string {
  const { weight, moment } = accessors(structure);
  return `fn applyUpdate(w: u32, index: u32, gradient: f32, setting: Trial, scale: f32, secondScale: f32) {
  let c = setting.coefficients;
  let first = c[0] * ${moment('P + index')} + c[1] * gradient;
  let second = c[2] * ${moment('2u * P + index')} + c[3] * gradient * gradient;
  ${moment('P + index')} = first;
  ${moment('2u * P + index')} = second;
  ${weight('index')} -= (scale * first) / (sqrt(second * secondScale + c[6]) + c[7]);
}`;
}

/** Backward pass of one batch and the optimiser step of every parameter. */
export function backwardAndUpdate(structure: FusedStructure): string {
  const layout = fusedLayout(structure);
  const { hiddenLayers } = structure;
  const { weight, barrier, scratchBase } = accessors(structure);
  const lines: string[] = [];
  lines.push(`fn backwardPass(trial: u32, units: Widths, rowList: u32, count: u32, epoch: u32, position: u32, scale: f32, secondScale: f32) {
  let w = trial * ${layout.parameterStride}u;
  let s = ${scratchBase};
  let setting = trials[trial];`);
  let current = 0;
  for (let index = hiddenLayers; index >= 0; index--) {
    const layer = layout.layers[index];
    const { inputs, outputs } = layerBounds(structure, index);
    const delta = `s + ${layout.deltas[current]}u`;
    const next = `s + ${layout.deltas[1 - current]}u`;
    const omit = structure.omit ?? [];
    if (index > 0) {
      const activations = `s + ${layout.hiddenActivations[index - 1]}u`;
      lines.push(`  for (var item = lane; item < count * ${inputs}; item += WG) {
    let r = item / ${inputs};
    let i = item % ${inputs};
    var sum = 0.0;
    for (var j = 0u; j < ${outputs}; j++) { sum += scratch[${delta} + r * DW + j] * ${weight(`${layer.kernel}u + i * ${layer.outputs}u + j`)}; }
    var h = scratch[${activations} + r * H + i];
    var mask = 1.0;`);
      if (structure.dropout) {
        lines.push(`    if (setting.dropout > 0.0) {
      let keep = 1.0 / (1.0 - setting.dropout);
      mask = select(keep, 0.0, dropoutDraw(setting.seed, epoch, position + r, ${index - 1}u * H + i) < setting.dropout);
      h = select(h / keep, 0.0, mask == 0.0);
    }`);
      }
      lines.push(`    scratch[${next} + r * DW + i] = sum * derivative(h) * mask;
  }
  ${barrier};`);
    }
    current = 1 - current;
    if (omit.includes('gradients')) continue;
    lines.push(`${gradientUpdates(structure, index, delta)}
  ${barrier};`);
  }
  lines.push('}');
  return lines.join('\n');
}
