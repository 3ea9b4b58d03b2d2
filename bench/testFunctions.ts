/**
 * Standard test functions for global optimisation, with their usual domains and known
 * minima (Surjanovic & Bingham, "Virtual Library of Simulation Experiments"; Dixon & Szegő 1978).
 */
import type { Dimension, Params } from '../src/lib/core/space';

/** A benchmark objective: its search space, its value at params, and its known minimum. */
export interface TestFunction {
  name: string;
  space: Dimension[];
  evaluate(params: Params): number;
  minimum: number;
}

/** Branin–Hoo on x1 ∈ [−5, 10], x2 ∈ [0, 15]: three global minima of 0.397887. */
export const branin: TestFunction = {
  name: 'Branin',
  space: [
    { name: 'x1', type: 'real', low: -5, high: 10 },
    { name: 'x2', type: 'real', low: 0, high: 15 },
  ],
  evaluate(params) {
    const x1 = Number(params.x1);
    const x2 = Number(params.x2);
    const b = 5.1 / (4 * Math.PI * Math.PI);
    const c = 5 / Math.PI;
    const t = 1 / (8 * Math.PI);
    return (x2 - b * x1 * x1 + c * x1 - 6) ** 2 + 10 * (1 - t) * Math.cos(x1) + 10;
  },
  minimum: 0.397887,
};

const hartmannAlpha = [1.0, 1.2, 3.0, 3.2];
const hartmannA = [
  [10, 3, 17, 3.5, 1.7, 8],
  [0.05, 10, 17, 0.1, 8, 14],
  [3, 3.5, 1.7, 10, 17, 8],
  [17, 8, 0.05, 10, 0.1, 14],
];
const hartmannP = [
  [0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886],
  [0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991],
  [0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650],
  [0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381],
];

/** Hartmann-6 on [0, 1]^6: one global minimum of −3.32237 among six local ones. */
export const hartmann6: TestFunction = {
  name: 'Hartmann-6',
  space: Array.from({ length: 6 }, (_, k) => ({ name: `x${k + 1}`, type: 'real' as const, low: 0, high: 1 })),
  evaluate(params) {
    let sum = 0;
    for (let i = 0; i < 4; i++) {
      let inner = 0;
      for (let k = 0; k < 6; k++) inner += hartmannA[i][k] * (Number(params[`x${k + 1}`]) - hartmannP[i][k]) ** 2;
      sum += hartmannAlpha[i] * Math.exp(-inner);
    }
    return -sum;
  },
  minimum: -3.32237,
};

/** A sphere in 4-D on [−5, 5]^4, shifted so its minimum 0 sits at (−1.5, −0.5, 0.5, 1.5), off the centre and off the axes' grid. */
export const shiftedSphere4: TestFunction = {
  name: 'shifted sphere-4',
  space: Array.from({ length: 4 }, (_, k) => ({ name: `x${k + 1}`, type: 'real' as const, low: -5, high: 5 })),
  evaluate(params) {
    let sum = 0;
    for (let k = 0; k < 4; k++) sum += (Number(params[`x${k + 1}`]) - (k - 1.5)) ** 2;
    return sum;
  },
  minimum: 0,
};

/** Rosenbrock in 4-D on [−2, 2]^4: a curved, narrow valley with its minimum 0 at (1, 1, 1, 1). */
export const rosenbrock4: TestFunction = {
  name: 'Rosenbrock-4',
  space: Array.from({ length: 4 }, (_, k) => ({ name: `x${k + 1}`, type: 'real' as const, low: -2, high: 2 })),
  evaluate(params) {
    let sum = 0;
    for (let k = 1; k < 4; k++) {
      const x = Number(params[`x${k}`]);
      sum += 100 * (Number(params[`x${k + 1}`]) - x * x) ** 2 + (1 - x) ** 2;
    }
    return sum;
  },
  minimum: 0,
};
