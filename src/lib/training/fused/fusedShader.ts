/**
 * Generates the WGSL of the fused trainer: one workgroup trains one trial, for several epochs
 * per dispatch — forward, backward and the optimiser step of every batch, then the end-of-epoch
 * losses on both splits, divergence, early stopping and the best-weights copy — with no host
 * round trip. The code is specialised on a FusedStructure (depth, widths, activation), so
 * layer loops are unrolled and dead features (dropout, penalties) are left out.
 */
import { diagnosisThresholds } from '../../core/diagnose';
import type { Activation } from '../../core/modelSettings';
import { fusedLayout, fusedStates, recordWords, statusFields, statusHeaderWords, trialWidthWords, type FusedStructure } from './fusedLayout';
import { accessors, applyUpdate, backwardAndUpdate, evaluateRow, layerBounds } from './fusedPasses';
import { rowwiseGradients, rowwisePasses } from './fusedRowwise';
import { hypergradientFunctions, hypergradientStep } from './fusedHypergradient';

const float = (value: number) => (Number.isInteger(value) ? `${value}.0` : `${value}`);

// Activation as a function of the pre-activation z, and its derivative as a function of the
// activation's output h (what TF.js's gradients use too: relu z > 0 ⇔ h > 0, elu y ≥ 0 → 1).
const activations: Record<Activation, { forward: string; derivative: string }> = {
  relu: { forward: 'max(z, 0.0)', derivative: 'select(0.0, 1.0, h > 0.0)' },
  // tanh through exp(−2|z|): never overflows, as TF.js's WebGPU kernel does it.
  tanh: { forward: 'sign(z) * (1.0 - exp(-2.0 * abs(z))) / (1.0 + exp(-2.0 * abs(z)))', derivative: '1.0 - h * h' },
  sigmoid: { forward: '1.0 / (1.0 + exp(-z))', derivative: 'h * (1.0 - h)' },
  elu: { forward: 'select(exp(z) - 1.0, z, z > 0.0)', derivative: 'select(h + 1.0, 1.0, h >= 0.0)' },
  linear: { forward: 'z', derivative: '1.0' },
};

/** The WGSL source of the fused trainer for one structure (entry point `main`). */
export function fusedShader(structure: FusedStructure): string {
  const layout = fusedLayout(structure);
  const { featureCount, outputCount, hiddenWidth, workgroupSize } = structure;
  const activation = activations[structure.activation];
  const lines: string[] = [];
  const emit = (text: string) => lines.push(text);

  emit(`
struct Params {
  trainCount: u32, validationCount: u32, targetOffset: u32, trainIndexOffset: u32,
  validationIndexOffset: u32, orderOffset: u32, orderSlots: u32, firstEpoch: u32,
  epochsPerDispatch: u32, trialOffset: u32, statusStride: u32, baseline: f32,
}
alias Widths = array<u32, ${trialWidthWords}>;
struct Trial {
  units: Widths, batchSize: u32, epochs: u32, patience: u32, keepBest: u32, seed: u32,
  dropout: f32, learningRate: f32, l1: f32, l2: f32, coefficients: array<f32, 8>,
  hypergradient: u32, hypergradientRate: f32,
}
@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> data: array<u32>;
@group(0) @binding(2) var<storage, read> trials: array<Trial>;
@group(0) @binding(3) var<storage, read_write> weights: array<f32>;
@group(0) @binding(4) var<storage, read_write> scratch: array<f32>;
@group(0) @binding(5) var<storage, read_write> status: array<f32>;

const WG = ${workgroupSize}u;
const F = ${featureCount}u;
const C = ${outputCount}u;
const H = ${Math.max(hiddenWidth, 1)}u;
const P = ${layout.parameterCount}u;
const DW = ${layout.deltaWidth}u;

var<workgroup> sharedWords: array<u32, 4>;
var<workgroup> sums: array<vec4<f32>, WG>;

fn isFinite(x: f32) -> bool { return (bitcast<u32>(x) & 0x7f800000u) != 0x7f800000u; }
fn featureAt(row: u32, column: u32) -> f32 { return bitcast<f32>(data[row * F + column]); }
fn targetAt(row: u32) -> f32 { return bitcast<f32>(data[params.targetOffset + row]); }
fn activate(z: f32) -> f32 { return ${activation.forward}; }
fn derivative(h: f32) -> f32 { return ${activation.derivative}; }
fn pcg(value: u32) -> u32 {
  let state = value * 747796405u + 2891336453u;
  let word = ((state >> ((state >> 28u) + 4u)) ^ state) * 277803737u;
  return (word >> 22u) ^ word;
}
// Counter-based dropout draw in [0, 1), keyed on trial seed, epoch, row position and unit.
fn dropoutDraw(seed: u32, epoch: u32, position: u32, unit: u32) -> f32 {
  let hash = pcg(pcg(pcg(pcg(seed) ^ epoch) ^ position) ^ unit);
  return f32(hash >> 8u) * (1.0 / 16777216.0);
}
fn statusRead(trial: u32, field: u32) -> f32 { return status[trial * params.statusStride + field]; }
fn statusWrite(trial: u32, field: u32, value: f32) { status[trial * params.statusStride + field] = value; }
`);

  if (structure.rowwise) emit(rowwisePasses(structure));
  else emit(loopedPasses(structure));

  if (!structure.rowwise) emit(evaluateRow(structure));
  // Mean loss and accuracy on both splits in one loop (one inlined copy of evaluateRow): each
  // lane evaluates whole rows, then lane 0 adds the lanes' sums (valid in lane 0 only).
  emit(`fn evaluateSplits(trial: u32, units: Widths) -> vec4<f32> {
  var sum = vec4<f32>(0.0);
  let trainCount = params.trainCount;
  for (var r = lane; r < trainCount + params.validationCount; r += WG) {
    let isTrain = r < trainCount;
    let value = evaluateRow(trial, units, data[select(params.validationIndexOffset + r - trainCount, params.trainIndexOffset + r, isTrain)]);
    sum += select(vec4<f32>(0.0, 0.0, value), vec4<f32>(value, 0.0, 0.0), isTrain);
  }
  sums[lane] = sum;
  workgroupBarrier();
  var total = vec4<f32>(0.0);
  if (lane == 0u) { for (var i = 0u; i < WG; i++) { total += sums[i]; } }
  return vec4<f32>(total.xy / f32(trainCount), total.zw / f32(params.validationCount));
}`);

  emit(applyUpdate(structure));
  emit(hypergradientFunctions(structure));
  emit(structure.rowwise ? rowwiseGradients(structure) : backwardAndUpdate(structure));
  emit(mainFunction(structure));
  // `lane` is used as a module-scope private so helper functions need no extra parameter.
  const code = `var<private> lane: u32;\n${lines.join('\n')}`;
  if (!structure.local) return code;
  const local = `var<workgroup> localWeights: array<f32, ${3 * layout.parameterCount}>;\nvar<workgroup> localScratch: array<f32, ${layout.scratchStride}>;\n`;
  return local + code.replace(/\bscratch\[/g, 'localScratch[').replace(/@group\(0\) @binding\(4\)[^\n]*\n/, '');
}

/** The looped forward pass (one thread per row and unit, a barrier per layer) and the row loss with its output gradient. */
function loopedPasses(structure: FusedStructure): string {
  const layout = fusedLayout(structure);
  const { hiddenLayers } = structure;
  const { weight, barrier, scratchBase } = accessors(structure);
  const lines: string[] = [];
  const emit = (text: string) => lines.push(text);
  // Forward pass of `count` rows whose dataset indices sit at data[rowList + r].
  emit(`fn forwardPass(trial: u32, units: Widths, rowList: u32, count: u32, training: bool, epoch: u32, position: u32) {
  let w = trial * ${layout.parameterStride}u;
  let s = ${scratchBase};
  let setting = trials[trial];`);
  layout.layers.forEach((layer, index) => {
    const isOutput = index === hiddenLayers;
    const { inputs, outputs } = layerBounds(structure, index);
    const input = index === 0 ? 'featureAt(data[rowList + r], i)' : `scratch[s + ${layout.hiddenActivations[index - 1]}u + r * H + i]`;
    emit(`  for (var item = lane; item < count * ${outputs}; item += WG) {
    let r = item / ${outputs};
    let j = item % ${outputs};
    var sum = 0.0;
    for (var i = 0u; i < ${inputs}; i++) { sum += ${input} * ${weight(`${layer.kernel}u + i * ${layer.outputs}u + j`)}; }
    let z = sum + ${weight(`${layer.bias}u + j`)};`);
    if (isOutput) {
      emit(`    scratch[s + ${layout.outputs}u + r * C + j] = z;`);
    } else {
      emit(`    var h = activate(z);`);
      if (structure.dropout) {
        emit(`    if (training && setting.dropout > 0.0) {
      let keep = 1.0 / (1.0 - setting.dropout);
      h = select(h * keep, 0.0, dropoutDraw(setting.seed, epoch, position + r, ${index}u * H + j) < setting.dropout);
    }`);
      }
      emit(`    scratch[s + ${layout.hiddenActivations[index]}u + r * H + j] = h;`);
    }
    emit(`  }
  ${barrier};`);
  });
  emit(`}`);

  // Loss (and correctness) of row r of the last forward pass; writes the output gradient if asked.
  emit(`fn rowLoss(trial: u32, r: u32, row: u32, count: u32, writeGradient: bool) -> vec2<f32> {
  let s = ${scratchBase};
  let o = s + ${layout.outputs}u + r * C;
  let d = s + ${layout.deltas[0]}u + r * DW;`);
  if (structure.classification) {
    emit(`  let label = u32(targetAt(row));
  var largest = scratch[o];
  var best = 0u;
  for (var j = 1u; j < C; j++) { if (scratch[o + j] > largest) { largest = scratch[o + j]; best = j; } }
  var total = 0.0;
  for (var j = 0u; j < C; j++) { total += exp(scratch[o + j] - largest); }
  if (writeGradient) {
    for (var j = 0u; j < C; j++) {
      let probability = exp(scratch[o + j] - largest) / total;
      scratch[d + j] = (probability - select(0.0, 1.0, j == label)) / f32(count);
    }
  }
  let loss = log(total) + largest - scratch[o + label];
  return vec2<f32>(loss, select(0.0, 1.0, best == label));
}`);
  } else {
    emit(`  let difference = scratch[o] - targetAt(row);
  if (writeGradient) { scratch[d] = 2.0 * difference / f32(count); }
  return vec2<f32>(difference * difference, 0.0);
}`);
  }

  return lines.join('\n');
}

/** The entry point: the epoch loop of one trial, its state machine and its records. */
function mainFunction(structure: FusedStructure): string {
  const layout = fusedLayout(structure);
  const { weight, barrier } = accessors(structure);
  const limits = diagnosisThresholds;
  const field = statusFields;
  const omit = structure.omit ?? [];
  const hd = structure.hypergradient ?? false;
  const backward = omit.includes('backward') ? '' : 'backwardPass(trial, units, orderList + start, count, epoch, start, scale, secondScale);';
  const looped = `forwardPass(trial, units, orderList + start, count, true, epoch, start);
      for (var r = lane; r < count; r += WG) { rowLoss(trial, r, data[orderList + start + r], count, true); }
      ${barrier};
      ${backward}`;
  // Rowwise: each thread its rows (forward and deltas), one barrier, then the gradient sums.
  const gradients = omit.includes('gradients') || omit.includes('backward') ? '' : 'gradientStep(trial, units, orderList + start, count, scale, secondScale);';
  const rowwise = `for (var r = lane; r < count; r += WG) { trainRow(trial, units, data[orderList + start + r], r, count, epoch, start); }
      ${barrier};
      ${gradients}`;
  // Profiling without the evaluation records a loss of 1 (so nothing looks diverged) that still
  // depends on the last output, so the compiler can't drop the forward passes.
  const evaluation = omit.includes('evaluation')
    ? `let train = vec2<f32>(select(1.0, 2.0, scratch[${structure.local ? '' : `trial * ${layout.scratchStride}u + `}${layout.outputs}u] == 12345.0), 0.0);\n    let validation = train;`
    : 'let losses = evaluateSplits(trial, units);\n    let train = losses.xy;\n    let validation = losses.zw;';
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
  if (lane == 0u) { sharedWords[0] = setting.batchSize; }
  let shape = workgroupUniformLoad(&sharedWords);
  let batchSize = shape[0];
  let units = setting.units;
${structure.local ? `  for (var index = lane; index < 3u * P; index += WG) { localWeights[index] = weights[w + index]; }
  workgroupBarrier();` : ''}
  var firstPower = statusRead(trial, ${field.firstPower}u);
  var secondPower = statusRead(trial, ${field.secondPower}u);
${hd ? `  rate = statusRead(trial, ${field.learningRate}u);
` : ''}  for (var e = 0u; e < params.epochsPerDispatch; e++) {
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
      let scale = ${hd ? 'select(setting.learningRate, 1.0, setting.hypergradient == 1u)' : 'setting.learningRate'} / (1.0 - firstPower);
      let secondScale = 1.0 / (1.0 - secondPower);
      ${structure.rowwise ? rowwise : looped}
${hd && !omit.includes('gradients') && !omit.includes('backward') ? hypergradientStep(structure) : ''}
    }
    ${evaluation}
    if (lane == 0u) {
      let done = epoch + 1u;
      let record = ${statusHeaderWords}u + slot * ${recordWords}u;
      statusWrite(trial, record, train.x);
      statusWrite(trial, record + 1u, validation.x);
      statusWrite(trial, record + 2u, train.y);
      statusWrite(trial, record + 3u, validation.y);
      statusWrite(trial, record + 4u, ${hd ? 'rate' : 'setting.learningRate'});${hd ? `
      statusWrite(trial, ${field.learningRate}u, rate);` : ''}
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
        if (since >= setting.patience) { next = ${fusedStates['early-stopped']}u; }
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
