/**
 * Sobol' low-discrepancy points (Sobol' 1967), generated in Gray-code order (Antonov & Saleev
 * 1979) with 32-bit direction numbers, and optionally scrambled: a random linear matrix
 * scramble (Matoušek 1998) then a random digital shift, which keeps the points a (t, m, s)-net
 * while making them random, unbiased and different for each seed (the scheme scipy.stats.qmc
 * uses by default). Like any base-2 net, the first 2^m points are the most even.
 */
import type { Random } from '../core/random';

/**
 * Primitive-polynomial degree s, coefficients a and initial direction numbers m_1 … m_s of
 * dimensions 2 to 21, from S. Joe and F. Y. Kuo's file new-joe-kuo-6.21201 (published data;
 * "Constructing Sobol sequences with better two-dimensional projections", SIAM J. Sci. Comput.
 * 30, 2635–2654, 2008; https://web.maths.unsw.edu.au/~fkuo/sobol/). Dimension 1 is the van der
 * Corput sequence (all m_k = 1).
 */
const joeKuo: [s: number, a: number, m: number[]][] = [
  [1, 0, [1]],
  [2, 1, [1, 3]],
  [3, 1, [1, 3, 1]],
  [3, 2, [1, 1, 1]],
  [4, 1, [1, 1, 3, 3]],
  [4, 4, [1, 3, 5, 13]],
  [5, 2, [1, 1, 5, 5, 17]],
  [5, 4, [1, 1, 5, 5, 5]],
  [5, 7, [1, 1, 7, 11, 19]],
  [5, 11, [1, 1, 5, 1, 1]],
  [5, 13, [1, 1, 1, 3, 11]],
  [5, 14, [1, 3, 5, 5, 31]],
  [6, 1, [1, 3, 3, 9, 7, 49]],
  [6, 13, [1, 1, 1, 15, 21, 21]],
  [6, 16, [1, 3, 1, 13, 27, 49]],
  [6, 19, [1, 1, 1, 15, 7, 5]],
  [6, 22, [1, 3, 1, 15, 13, 25]],
  [6, 25, [1, 1, 5, 5, 19, 61]],
  [7, 1, [1, 3, 7, 11, 23, 15, 103]],
  [7, 4, [1, 3, 7, 13, 13, 15, 69]],
];

/** Largest number of dimensions the built-in direction numbers cover. */
export const sobolMaxDimensions = joeKuo.length + 1;

const bits = 32;

/** The 32 direction numbers V_1 … V_32 of dimension j (0-based), each as a 32-bit integer, first binary digit highest. */
function directionNumbers(j: number): Uint32Array {
  const m = new Uint32Array(bits + 1);
  if (j === 0) m.fill(1);
  else {
    const [s, a, initial] = joeKuo[j - 1];
    for (let k = 1; k <= s; k++) m[k] = initial[k - 1];
    // m_k = 2a_1 m_(k−1) ⊕ 4a_2 m_(k−2) ⊕ … ⊕ 2^(s−1) a_(s−1) m_(k−s+1) ⊕ 2^s m_(k−s) ⊕ m_(k−s) (Bratley & Fox 1988).
    for (let k = s + 1; k <= bits; k++) {
      let value = m[k - s] ^ (m[k - s] << s);
      for (let i = 1; i < s; i++) if ((a >>> (s - 1 - i)) & 1) value ^= m[k - i] << i;
      m[k] = value >>> 0;
    }
  }
  return Uint32Array.from({ length: bits }, (_, k) => (m[k + 1] << (bits - 1 - k)) >>> 0);
}

function parity(word: number): number {
  let x = word >>> 0;
  x ^= x >>> 16;
  x ^= x >>> 8;
  x ^= x >>> 4;
  x ^= x >>> 2;
  x ^= x >>> 1;
  return x & 1;
}

/** Applies a random lower-triangular binary matrix with unit diagonal to every direction number of one dimension. */
function scrambleDirections(directions: Uint32Array, random: Random): Uint32Array {
  // Row i acts on binary digit i (bit 31 − i) and mixes in the digits before it (the higher bits).
  const rows = Uint32Array.from({ length: bits }, (_, i) => {
    const higher = i === 0 ? 0 : (random.uint32() & ~(0xffffffff >>> i)) >>> 0;
    return (higher | (1 << (bits - 1 - i))) >>> 0;
  });
  return directions.map((direction) => {
    let scrambled = 0;
    for (let i = 0; i < bits; i++) if (parity(rows[i] & direction)) scrambled |= 1 << (bits - 1 - i);
    return scrambled >>> 0;
  });
}

/** A stream of Sobol' points in [0, 1)^dimensions; unscrambled when no generator is given. */
export class SobolSequence {
  readonly dimensions: number;
  private readonly directions: Uint32Array[];
  private readonly state: Uint32Array;
  private index = 0;

  constructor(dimensions: number, random?: Random) {
    if (!Number.isInteger(dimensions) || dimensions < 1 || dimensions > sobolMaxDimensions) {
      throw new Error(`invalid Sobol dimensions: ${dimensions} (1 to ${sobolMaxDimensions})`);
    }
    this.dimensions = dimensions;
    this.directions = Array.from({ length: dimensions }, (_, j) => {
      const directions = directionNumbers(j);
      return random ? scrambleDirections(directions, random.fork(`sobol-${j}`)) : directions;
    });
    // The digital shift: the first point of the scrambled sequence is the shift itself.
    this.state = Uint32Array.from({ length: dimensions }, (_, j) => (random ? random.fork(`shift-${j}`).uint32() : 0));
  }

  /** The next point, shape [dimensions]; the first unscrambled point is the origin. */
  next(): Float64Array {
    if (this.index > 0) {
      // Gray-code order: point n differs from point n − 1 by the direction number of n − 1's lowest zero bit.
      let lowestZero = 0;
      for (let n = this.index - 1; n & 1; n >>>= 1) lowestZero++;
      if (lowestZero >= bits) throw new Error('Sobol sequence exhausted (2^32 points)');
      for (let j = 0; j < this.dimensions; j++) this.state[j] = (this.state[j] ^ this.directions[j][lowestZero]) >>> 0;
    }
    this.index++;
    return Float64Array.from(this.state, (word) => word / 4294967296);
  }
}
