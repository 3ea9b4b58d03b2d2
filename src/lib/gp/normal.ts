/**
 * The standard normal distribution, computed to near double precision and without
 * overflow or underflow surprises in the tails (the acquisition functions live there).
 *
 * erfc uses the all-positive series erf(x) = 2/√π · e^(−x²) · Σ 2ⁿ x^(2n+1) / (1·3·…·(2n+1))
 * for small x and the Laplace continued fraction for large x
 * (Abramowitz & Stegun 1964, 7.1.6 and 7.1.14).
 */

const inverseSqrtTwoPi = 1 / Math.sqrt(2 * Math.PI);
const logSqrtTwoPi = 0.5 * Math.log(2 * Math.PI);
const twoOverSqrtPi = 2 / Math.sqrt(Math.PI);

/** Density of the standard normal at z. */
export function normalPdf(z: number): number {
  return inverseSqrtTwoPi * Math.exp(-0.5 * z * z);
}

/** Natural log of the standard normal density at z (finite for every finite z). */
export function logNormalPdf(z: number): number {
  return -0.5 * z * z - logSqrtTwoPi;
}

/** erf(x) for |x| < 3 by its all-positive series, so no terms cancel. */
function erfSeries(x: number): number {
  const x2 = x * x;
  let term = x;
  let sum = x;
  for (let n = 1; n < 200; n++) {
    term *= (2 * x2) / (2 * n + 1);
    sum += term;
    if (term < sum * 1e-17) break;
  }
  return twoOverSqrtPi * Math.exp(-x2) * sum;
}

/**
 * erfc(x)·e^(x²)·√π for x ≥ 3, by the continued fraction 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))),
 * evaluated bottom-up with enough terms for double precision at x ≥ 3.
 */
function scaledErfcFraction(x: number): number {
  let tail = 0;
  for (let k = 60; k >= 1; k--) tail = k / 2 / (x + tail);
  return 1 / (x + tail);
}

/** The complementary error function erfc(x) = 1 − erf(x), accurate in relative terms in the right tail. */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x < 0) return 2 - erfc(-x);
  if (x < 3) return 1 - erfSeries(x);
  if (x > 27.3) return 0; // below the smallest double
  return Math.exp(-x * x) * scaledErfcFraction(x) / Math.sqrt(Math.PI);
}

/** Cumulative distribution of the standard normal at z, accurate in relative terms in the left tail. */
export function normalCdf(z: number): number {
  return 0.5 * erfc(-z / Math.SQRT2);
}

/** Natural log of the standard normal cumulative distribution at z (finite far into the left tail). */
export function logNormalCdf(z: number): number {
  if (z > -5) return Math.log(normalCdf(z));
  // Φ(z) = φ(z) · R(t) with t = −z and Mills ratio R(t) = √(π/2) · e^(t²/2) erfc(t/√2).
  // With erfc(x) = e^(−x²)/√π · S(x) (the continued fraction), log Φ(z) = log φ(z) + log(S(t/√2)/√2).
  const t = -z;
  return logNormalPdf(z) + Math.log(scaledErfcFraction(t / Math.SQRT2) * Math.SQRT1_2);
}

/**
 * φ(z) + z·Φ(z), the expected improvement of a unit normal over a threshold z standard
 * deviations away; returned as its natural log so it stays finite and ordered for z ≪ 0.
 */
export function logExpectedImprovementFactor(z: number): number {
  if (z > -5) return Math.log(normalPdf(z) + z * normalCdf(z));
  // With t = −z and the Mills-ratio continued fraction R(t) = 1/(t + c), c = 1/(t + 2/(t + 3/(t + …))),
  // φ(z) + zΦ(z) = φ(z)(1 − t·R(t)) = φ(z) · c / (t + c), which has no cancellation.
  const t = -z;
  let tail = 0;
  for (let k = 80; k >= 2; k--) tail = k / (t + tail);
  const c = 1 / (t + tail);
  return logNormalPdf(z) + Math.log(c) - Math.log(t + c);
}
