/**
 * The generated functions of the fused trainer beyond its declarations: one row's evaluation, the
 * backward pass with the optimiser step, and the entry point.
 */
import { diagnosisThresholds } from '../../core/diagnose';
import { fusedLayout, fusedStates, statusFields, statusHeaderWords, type FusedStructure } from './fusedLayout';
import { accessors, float } from './fusedShaderSnippets';

/**
 * Loss and correctness of one row, computed by one lane alone in private arrays (no dropout),
 * with the same sums in the same order as forwardPass and rowLoss, so the numbers agree.
 */
export function evaluateRow(structure: FusedStructure): string {
  const layout = fusedLayout(structure);
  const { hiddenLayers } = structure;
  const { weight } = accessors(structure);
  const lines = [`fn evaluateRow(trial: u32, units: u32, row: u32) -> vec2<f32> {
  let w = trial * ${layout.parameterStride}u;
  var hiddenA: array<f32, H>;
  var hiddenB: array<f32, H>;
  var o: array<f32, C>;`];
  layout.layers.forEach((layer, index) => {
    const isOutput = index === hiddenLayers;
    const source = index % 2 === 1 ? 'hiddenA' : 'hiddenB';
    const target = isOutput ? 'o' : index % 2 === 0 ? 'hiddenA' : 'hiddenB';
    const input = index === 0 ? 'featureAt(row, i)' : `${source}[i]`;
    lines.push(`  for (var j = 0u; j < ${isOutput ? 'C' : 'units'}; j++) {
    var sum = 0.0;
    for (var i = 0u; i < ${index === 0 ? 'F' : 'units'}; i++) { sum += ${input} * ${weight(`${layer.kernel}u + i * ${layer.outputs}u + j`)}; }
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

/** Backward pass of one batch and the optimiser step of every parameter. */
export function backwardAndUpdate(structure: FusedStructure): string {
  const layout = fusedLayout(structure);
  const { hiddenLayers } = structure;
  const { weight, moment, barrier, scratchBase } = accessors(structure);
  const lines: string[] = [];
  lines.push(`fn applyUpdate(w: u32, index: u32, gradient: f32, setting: Trial, scale: f32, secondScale: f32) {
  let c = setting.coefficients;
  let first = c[0] * ${moment('P + index')} + c[1] * gradient;
  let second = c[2] * ${moment('2u * P + index')} + c[3] * gradient * gradient;
  ${moment('P + index')} = first;
  ${moment('2u * P + index')} = second;
  ${weight('index')} -= (scale * first) / (sqrt(second * secondScale + c[6]) + c[7]);
}
fn backwardPass(trial: u32, units: u32, rowList: u32, count: u32, epoch: u32, position: u32, scale: f32, secondScale: f32) {
  let w = trial * ${layout.parameterStride}u;
  let s = ${scratchBase};
  let setting = trials[trial];`);
  let current = 0;
  for (let index = hiddenLayers; index >= 0; index--) {
    const layer = layout.layers[index];
    const inputs = index === 0 ? 'F' : 'units';
    const outputs = index === hiddenLayers ? 'C' : 'units';
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
    const input = index === 0 ? 'featureAt(data[rowList + r], i)' : `scratch[s + ${layout.hiddenActivations[index - 1]}u + r * H + i]`;
    const penalty = structure.penalty ? ` + setting.l1 * sign(${weight('k')}) + 2.0 * setting.l2 * ${weight('k')}` : '';
    lines.push(`  for (var item = lane; item < (${inputs} + 1u) * ${outputs}; item += WG) {
    let i = item / ${outputs};
    let j = item % ${outputs};
    var sum = 0.0;
    if (i < ${inputs}) {
      for (var r = 0u; r < count; r++) { sum += ${input} * scratch[${delta} + r * DW + j]; }
      let k = ${layer.kernel}u + i * ${layer.outputs}u + j;
      applyUpdate(w, k, sum${penalty}, setting, scale, secondScale);
    } else {
      for (var r = 0u; r < count; r++) { sum += scratch[${delta} + r * DW + j]; }
      applyUpdate(w, ${layer.bias}u + j, sum, setting, scale, secondScale);
    }
  }
  ${barrier};`);
  }
  lines.push('}');
  return lines.join('\n');
}

/** The entry point: the epoch loop of one trial, its state machine and its records. */
export function mainFunction(structure: FusedStructure): string {
  const layout = fusedLayout(structure);
  const { weight, barrier } = accessors(structure);
  const limits = diagnosisThresholds;
  const field = statusFields;
  const omit = structure.omit ?? [];
  const backward = omit.includes('backward') ? '' : 'backwardPass(trial, units, orderList + start, count, epoch, start, scale, secondScale);';
  // Profiling without the evaluation records a loss of 1 (so nothing looks diverged) that still
  // depends on the last output, so the compiler can't drop the forward passes.
  const evaluation = omit.includes('evaluation')
    ? `let train = vec2<f32>(select(1.0, 2.0, scratch[${structure.local ? '' : `trial * ${layout.scratchStride}u + `}${layout.outputs}u] == 12345.0), 0.0);\n    let validation = train;`
    : 'let train = evaluateSplit(trial, units, params.trainIndexOffset, params.trainCount);\n    let validation = evaluateSplit(trial, units, params.validationIndexOffset, params.validationCount);';
  const copyBest = structure.keepBest
    ? `    if (improved[2] == 1u) {
      for (var index = lane; index < P; index += WG) { weights[w + 3u * P + index] = ${weight('index')}; }
      ${barrier};
    }`
    : '';
  return `@compute @workgroup_size(${structure.workgroupSize})
fn main(@builtin(workgroup_id) group: vec3<u32>, @builtin(local_invocation_index) localIndex: u32) {
  lane = localIndex;
  let trial = group.x + params.trialOffset;
  let w = trial * ${layout.parameterStride}u;
  let setting = trials[trial];
  if (lane == 0u) { sharedWords[0] = setting.batchSize; sharedWords[1] = setting.units; }
  let shape = workgroupUniformLoad(&sharedWords);
  let batchSize = shape[0];
  let units = shape[1];
${structure.local ? `  for (var index = lane; index < 3u * P; index += WG) { localWeights[index] = weights[w + index]; }
  workgroupBarrier();` : ''}
  var firstPower = statusRead(trial, ${field.firstPower}u);
  var secondPower = statusRead(trial, ${field.secondPower}u);
  for (var e = 0u; e < params.epochsPerDispatch; e++) {
    if (lane == 0u) {
      sharedWords[0] = bitcast<u32>(statusRead(trial, ${field.state}u));
      sharedWords[1] = bitcast<u32>(statusRead(trial, ${field.epochsDone}u));
    }
    let state = workgroupUniformLoad(&sharedWords);
    let epoch = state[1];
    let slot = epoch - params.firstEpoch;
    if (state[0] != ${fusedStates.running}u || slot >= params.orderSlots) { break; }
    let orderList = params.orderOffset + (trial * params.orderSlots + slot) * params.trainCount;
    for (var start = 0u; start < params.trainCount; start += batchSize) {
      let count = min(batchSize, params.trainCount - start);
      firstPower *= setting.coefficients[4];
      secondPower *= setting.coefficients[5];
      let scale = setting.learningRate / (1.0 - firstPower);
      let secondScale = 1.0 / (1.0 - secondPower);
      forwardPass(trial, units, orderList + start, count, true, epoch, start);
      for (var r = lane; r < count; r += WG) { rowLoss(trial, r, data[orderList + start + r], count, true); }
      ${barrier};
      ${backward}
    }
    ${evaluation}
    if (lane == 0u) {
      let done = epoch + 1u;
      let record = ${statusHeaderWords}u + slot * 4u;
      statusWrite(trial, record, train.x);
      statusWrite(trial, record + 1u, validation.x);
      statusWrite(trial, record + 2u, train.y);
      statusWrite(trial, record + 3u, validation.y);
      statusWrite(trial, ${field.epochsDone}u, bitcast<f32>(done));
      statusWrite(trial, ${field.firstPower}u, firstPower);
      statusWrite(trial, ${field.secondPower}u, secondPower);
      if (done == 1u) { statusWrite(trial, ${field.firstTrainLoss}u, train.x); }
      let first = statusRead(trial, ${field.firstTrainLoss}u);
      let improved = validation.x < statusRead(trial, ${field.bestValidation}u);
      if (improved) {
        statusWrite(trial, ${field.bestValidation}u, validation.x);
        statusWrite(trial, ${field.bestEpoch}u, bitcast<f32>(done));
      }
      var next = ${fusedStates.running}u;
      let baseline = params.baseline;
      let exploded = (baseline > 0.0 && train.x > ${float(limits.baselineExplosionFactor)} * baseline)
        || (train.x > ${float(limits.explosionFactor)} * max(first, ${limits.explosionFloor}) && train.x > baseline);
      if (!isFinite(train.x) || !isFinite(validation.x) || exploded) {
        next = ${fusedStates.diverged}u;
      } else if (done >= setting.epochs) {
        next = ${fusedStates.complete}u;
      } else if (setting.patience > 0u) {
        var since = bitcast<u32>(statusRead(trial, ${field.sinceBest}u)) + 1u;
        if (improved) { since = 0u; }
        statusWrite(trial, ${field.sinceBest}u, bitcast<f32>(since));
        if (since >= setting.patience) { next = ${fusedStates.patience}u; }
      }
      statusWrite(trial, ${field.state}u, bitcast<f32>(next));
      sharedWords[2] = select(0u, 1u, improved && setting.keepBest == 1u);
    }
    let improved = workgroupUniformLoad(&sharedWords);
${copyBest}
  }
${structure.local ? `  workgroupBarrier();
  for (var index = lane; index < 3u * P; index += WG) { weights[w + index] = localWeights[index]; }` : ''}
}`;
}
