import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../src/lib/core/random';
import { HypergradientOptimizer, type HypergradientRule } from '../../../src/lib/training/hypergradientOptimizer';
import { useCpuBackend } from './spiralTrialData';

useCpuBackend();

/** Runs `steps` steps of minimising ½ θᵀ diag(curvatures) θ from `start`; returns θ after each step and α at the end. */
async function minimiseQuadratic(rule: HypergradientRule, start: number[], options: { learningRate: number; beta: number; steps: number; curvatures?: number[]; noise?: { seed: number; scale: number } }) {
  const theta = tf.tidy(() => tf.variable(tf.tensor1d(start)));
  const curvatures = tf.tensor1d(options.curvatures ?? start.map(() => 1));
  const optimizer = new HypergradientOptimizer(rule, options.learningRate, options.beta);
  const random = options.noise ? createRandom(options.noise.seed) : null;
  const path: number[][] = [];
  try {
    for (let step = 0; step < options.steps; step++) {
      // A noisy linear term makes the gradient stochastic, as a mini-batch's is.
      const shift = tf.tensor1d(start.map(() => (random ? random.normal() * (options.noise?.scale ?? 0) : 0)));
      optimizer.minimize(() => tf.sum(tf.add(tf.mul(0.5, tf.mul(curvatures, tf.square(theta))), tf.mul(shift, theta))) as tf.Scalar, false, [theta]);
      shift.dispose();
      path.push(Array.from(await theta.data()));
    }
    return { path, learningRate: (await optimizer.learningRate.data())[0] };
  } finally {
    optimizer.dispose();
    theta.dispose();
    curvatures.dispose();
  }
}

describe('HypergradientOptimizer', () => {
  it('takes SGD-HD steps by the formula: α₂ = α₁ + β g₂·g₁, then θ₂ = θ₁ − α₂ g₂ (hand-computed on ½|θ|²)', async () => {
    // g₁ = θ₀ = (1, 2); α₁ = 0.1 (no previous step); θ₁ = (0.9, 1.8). g₂ = (0.9, 1.8), g₂·g₁ = 4.5, α₂ = 0.1 + 0.01 × 4.5 = 0.145.
    const { path, learningRate } = await minimiseQuadratic('sgd', [1, 2], { learningRate: 0.1, beta: 0.01, steps: 2 });
    expect(path[0][0]).toBeCloseTo(0.9, 6);
    expect(path[0][1]).toBeCloseTo(1.8, 6);
    expect(learningRate).toBeCloseTo(0.145, 6);
    expect(path[1][0]).toBeCloseTo(0.9 - 0.145 * 0.9, 6);
    expect(path[1][1]).toBeCloseTo(1.8 - 0.145 * 1.8, 6);
  });

  it("takes Adam-HD steps by the formula: the hypergradient is the gradient dotted with the last Adam direction m̂/(√v̂ + ε) (hand-computed)", async () => {
    // Step 1: m̂ = g, v̂ = g², so d₁ ≈ (1, 1) and θ₁ = (0.9, 1.9). Step 2: α₂ = 0.1 + 0.01 × (0.9 + 1.9) = 0.128;
    // m̂₂ = (0.18, 0.37) / 0.19, v̂₂ = (0.001809, 0.007606) / 0.001999, θ₂ = θ₁ − α₂ m̂₂ / √v̂₂ = (0.772528, 1.772213).
    const { path, learningRate } = await minimiseQuadratic('adam', [1, 2], { learningRate: 0.1, beta: 0.01, steps: 2 });
    expect(path[0][0]).toBeCloseTo(0.9, 5);
    expect(path[0][1]).toBeCloseTo(1.9, 5);
    expect(learningRate).toBeCloseTo(0.128, 5);
    expect(path[1][0]).toBeCloseTo(0.772528, 5);
    expect(path[1][1]).toBeCloseTo(1.772213, 5);
  });

  it('raises a too-small learning rate on a noisy quadratic, for every seed', async () => {
    for (let seed = 1; seed <= 8; seed++) {
      const { learningRate } = await minimiseQuadratic('sgd', [2, -3], { learningRate: 0.001, beta: 0.001, steps: 60, curvatures: [1, 4], noise: { seed, scale: 0.1 } });
      expect(learningRate).toBeGreaterThan(0.01);
    }
  });

  it('lowers a learning rate past the stable limit (2 / largest curvature = 0.5) below it, and converges, for every seed', async () => {
    for (let seed = 1; seed <= 8; seed++) {
      const { path, learningRate } = await minimiseQuadratic('sgd', [2, -3], { learningRate: 0.6, beta: 0.001, steps: 60, curvatures: [1, 4], noise: { seed, scale: 0.1 } });
      expect(learningRate).toBeLessThan(0.5);
      expect(Math.hypot(...path.at(-1)!)).toBeLessThan(0.5);
    }
  });

  it('raises a too-small Adam learning rate on a noisy quadratic, for every seed', async () => {
    for (let seed = 1; seed <= 8; seed++) {
      const { learningRate } = await minimiseQuadratic('adam', [2, -3], { learningRate: 0.001, beta: 0.001, steps: 60, curvatures: [1, 4], noise: { seed, scale: 0.1 } });
      expect(learningRate).toBeGreaterThan(0.01);
    }
  });

  it('frees every tensor it made once disposed', async () => {
    const baseline = tf.memory().numTensors;
    await minimiseQuadratic('adam', [1, 2, 3], { learningRate: 0.01, beta: 0.001, steps: 3 });
    expect(tf.memory().numTensors).toBe(baseline);
  });
});
