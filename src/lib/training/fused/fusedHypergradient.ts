/**
 * The WGSL of hypergradient descent in the fused trainer (Baydin et al., ICLR 2018, as
 * hypergradientOptimizer.ts does it on TF.js): each step first gathers every parameter's batch
 * gradient g_t (into its previous-direction slot, after adding g_t · d_{t−1} to the lane's sum),
 * then one workgroup sum gives α_t = α_{t−1} + β Σ g_t · d_{t−1} over all the trial's parameters
 * (the padding is never gathered, so it adds nothing), and the second pass turns each gradient
 * into its direction d_t (SGD: g_t; Adam: m̂_t / (√v̂_t + ε)), steps θ −= α_t d_t and keeps d_t.
 * Trials without it (β = 0) step by the rate folded into `scale` as before (factor 1).
 */
import { fusedLayout, type FusedStructure } from './fusedLayout';
import { accessors, layerBounds } from './fusedPasses';

/** Module-scope WGSL: the running rate α and lane sum, the gather, the workgroup sum and the direction step (structure.hypergradient only). */
export function hypergradientFunctions(structure: FusedStructure): string {
  if (!structure.hypergradient) return '';
  const layout = fusedLayout(structure);
  const { weight, moment } = accessors(structure);
  const previous = (index: string) => `weights[w + ${layout.previous}u + ${index}]`;
  return `var<private> rate: f32;
var<private> partial: f32;
fn gather(w: u32, index: u32, gradient: f32) {
  partial += gradient * ${previous('index')};
  ${previous('index')} = gradient;
}
fn workgroupSum(value: f32) -> f32 {
  sums[lane] = vec4<f32>(value, 0.0, 0.0, 0.0);
  workgroupBarrier();
  var total = 0.0;
  for (var i = 0u; i < WG; i++) { total += sums[i].x; }
  workgroupBarrier();
  return total;
}
fn applyDirection(w: u32, index: u32, setting: Trial, scale: f32, secondScale: f32, factor: f32) {
  let c = setting.coefficients;
  let gradient = ${previous('index')};
  let first = c[0] * ${moment('P + index')} + c[1] * gradient;
  let second = c[2] * ${moment('2u * P + index')} + c[3] * gradient * gradient;
  ${moment('P + index')} = first;
  ${moment('2u * P + index')} = second;
  let direction = (scale * first) / (sqrt(second * secondScale + c[6]) + c[7]);
  ${previous('index')} = direction;
  ${weight('index')} -= factor * direction;
}`;
}

/** Function-body WGSL after every gradient was gathered: the rate update, then each parameter's step, in the gather's lane order. */
export function hypergradientStep(structure: FusedStructure): string {
  if (!structure.hypergradient) return '';
  const layout = fusedLayout(structure);
  const { barrier } = accessors(structure);
  const lines = [`  rate += setting.hypergradientRate * workgroupSum(partial);
  partial = 0.0;
  let factor = select(1.0, rate, setting.hypergradient == 1u);`];
  layout.layers.forEach((layer, index) => {
    const { inputs, outputs } = layerBounds(structure, index);
    lines.push(`  for (var item = lane; item < (${inputs} + 1u) * ${outputs}; item += WG) {
    let i = item / ${outputs};
    let j = item % ${outputs};
    if (i < ${inputs}) { applyDirection(w, ${layer.kernel}u + i * ${layer.outputs}u + j, setting, scale, secondScale, factor); }
    else { applyDirection(w, ${layer.bias}u + j, setting, scale, secondScale, factor); }
  }`);
  });
  lines.push(`  ${barrier};`);
  return lines.join('\n');
}
