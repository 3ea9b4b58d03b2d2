/**
 * A small limited-memory BFGS minimiser inside a box (Nocedal & Wright 2006, algorithm 7.4),
 * with bounds kept by projection: variables held at a bound by their gradient are frozen for
 * the step, and every trial point is clamped into the box. Enough for the handful of
 * Gaussian-process hyperparameters; not a general-purpose L-BFGS-B.
 */

/** An objective and its gradient at x (shape [m]); value may be Infinity where undefined. */
export type ObjectiveWithGradient = (x: Float64Array) => { value: number; gradient: Float64Array };

/** Settings of minimizeBounded. */
export interface MinimizeOptions {
  /** Maximum number of quasi-Newton iterations (default 60). */
  maxIterations?: number;
  /** Number of correction pairs kept (default 6). */
  memory?: number;
  /** Stop when the projected gradient's largest entry falls below this (default 1e-5). */
  gradientTolerance?: number;
}

/** Result of minimizeBounded: the best point found, shape [m], and its value. */
export interface MinimizeResult {
  x: Float64Array;
  value: number;
  /** Number of objective evaluations spent. */
  evaluations: number;
}

function clampInto(x: Float64Array, lower: Float64Array, upper: Float64Array): Float64Array {
  for (let i = 0; i < x.length; i++) x[i] = Math.min(upper[i], Math.max(lower[i], x[i]));
  return x;
}

function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i] * b[i];
  return sum;
}

/** Minimises objective over the box [lower, upper] (shapes [m]) from start, by projected L-BFGS. */
export function minimizeBounded(
  objective: ObjectiveWithGradient,
  start: Float64Array,
  lower: Float64Array,
  upper: Float64Array,
  options: MinimizeOptions = {},
): MinimizeResult {
  const { maxIterations = 60, memory = 6, gradientTolerance = 1e-5 } = options;
  const m = start.length;
  let x = clampInto(Float64Array.from(start), lower, upper);
  let current = objective(x);
  let evaluations = 1;
  if (!Number.isFinite(current.value)) return { x, value: current.value, evaluations };
  const steps: Float64Array[] = [];
  const changes: Float64Array[] = [];
  const rhos: number[] = [];
  const free = new Uint8Array(m);

  for (let iteration = 0; iteration < maxIterations; iteration++) {
    const gradient = current.gradient;
    let largest = 0;
    for (let i = 0; i < m; i++) {
      const heldLow = x[i] <= lower[i] && gradient[i] > 0;
      const heldHigh = x[i] >= upper[i] && gradient[i] < 0;
      free[i] = heldLow || heldHigh ? 0 : 1;
      if (free[i]) largest = Math.max(largest, Math.abs(gradient[i]));
    }
    if (largest < gradientTolerance) break;

    // Two-loop recursion on the free variables.
    const direction = new Float64Array(m);
    for (let i = 0; i < m; i++) direction[i] = free[i] ? -gradient[i] : 0;
    const alphas = new Array<number>(steps.length);
    for (let k = steps.length - 1; k >= 0; k--) {
      alphas[k] = rhos[k] * dot(steps[k], direction);
      for (let i = 0; i < m; i++) direction[i] -= alphas[k] * changes[k][i];
    }
    if (steps.length > 0) {
      const last = steps.length - 1;
      const scale = dot(steps[last], changes[last]) / dot(changes[last], changes[last]);
      for (let i = 0; i < m; i++) direction[i] *= scale;
    } else {
      const norm = Math.sqrt(dot(direction, direction));
      for (let i = 0; i < m; i++) direction[i] /= Math.max(1, norm);
    }
    for (let k = 0; k < steps.length; k++) {
      const beta = rhos[k] * dot(changes[k], direction);
      for (let i = 0; i < m; i++) direction[i] += (alphas[k] - beta) * steps[k][i];
    }
    for (let i = 0; i < m; i++) if (!free[i]) direction[i] = 0;
    if (dot(direction, gradient) >= 0) {
      // Not a descent direction: forget the curvature pairs and follow the gradient.
      steps.length = 0;
      changes.length = 0;
      rhos.length = 0;
      for (let i = 0; i < m; i++) direction[i] = free[i] ? -gradient[i] : 0;
      const norm = Math.sqrt(dot(direction, direction));
      for (let i = 0; i < m; i++) direction[i] /= Math.max(1, norm);
    }

    // Backtracking (Armijo) line search along the projected path.
    let stepLength = 1;
    let accepted: { x: Float64Array; value: number; gradient: Float64Array } | null = null;
    for (let tries = 0; tries < 30; tries++) {
      const candidate = new Float64Array(m);
      for (let i = 0; i < m; i++) candidate[i] = x[i] + stepLength * direction[i];
      clampInto(candidate, lower, upper);
      let decrease = 0;
      for (let i = 0; i < m; i++) decrease += gradient[i] * (candidate[i] - x[i]);
      const result = objective(candidate);
      evaluations++;
      if (Number.isFinite(result.value) && result.value <= current.value + 1e-4 * decrease) {
        accepted = { x: candidate, ...result };
        break;
      }
      stepLength *= 0.5;
    }
    if (!accepted) break;

    const step = new Float64Array(m);
    const change = new Float64Array(m);
    for (let i = 0; i < m; i++) {
      step[i] = accepted.x[i] - x[i];
      change[i] = accepted.gradient[i] - gradient[i];
    }
    const curvature = dot(step, change);
    if (curvature > 1e-10 * dot(change, change)) {
      steps.push(step);
      changes.push(change);
      rhos.push(1 / curvature);
      if (steps.length > memory) {
        steps.shift();
        changes.shift();
        rhos.shift();
      }
    }
    const improvement = current.value - accepted.value;
    x = accepted.x;
    current = { value: accepted.value, gradient: accepted.gradient };
    if (improvement <= 1e-10 * Math.max(1, Math.abs(current.value))) break;
  }
  return { x, value: current.value, evaluations };
}
