/**
 * Seeded pseudo-random numbers. Everything random in the app takes one of these,
 * so the same seed and settings give the same datasets, trials and curves.
 *
 * The generator is sfc32 (Chris Doty-Humphrey's "small fast counting" generator,
 * from PractRand), seeded through splitmix32 so nearby seeds give unrelated streams.
 */

/** A seeded source of random numbers; all methods advance the same stream. */
export interface Random {
  /** The seed this generator was created from. */
  readonly seed: number;
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform float in [low, high). */
  uniform(low: number, high: number): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Standard normal sample (mean 0, standard deviation 1), Box–Muller. */
  normal(): number;
  /** Shuffles an array in place (Fisher–Yates) and returns it. */
  shuffle<T>(items: T[]): T[];
  /** An independent generator derived from this one's seed and a label. */
  fork(label: number | string): Random;
  /** A 32-bit unsigned integer, for seeding other generators (e.g. TF.js initialisers). */
  uint32(): number;
}

function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** Hashes a string label to a 32-bit integer (FNV-1a). */
export function hashLabel(label: number | string): number {
  const text = String(label);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** Creates a seeded generator; the same seed always yields the same stream. */
export function createRandom(seed: number): Random {
  const init = splitmix32(Math.floor(seed) >>> 0);
  let a = init();
  let b = init();
  let c = init();
  let d = init();
  let spareNormal: number | null = null;

  const nextUint32 = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t;
  };
  // Discard the first outputs, as the sfc32 reference does, to mix the state.
  for (let i = 0; i < 12; i++) nextUint32();

  const next = (): number => nextUint32() / 4294967296;

  return {
    seed,
    next,
    uint32: nextUint32,
    uniform: (low, high) => low + (high - low) * next(),
    int: (n) => Math.floor(next() * n),
    normal() {
      if (spareNormal !== null) {
        const value = spareNormal;
        spareNormal = null;
        return value;
      }
      let u = next();
      while (u <= Number.EPSILON) u = next();
      const v = next();
      const radius = Math.sqrt(-2 * Math.log(u));
      spareNormal = radius * Math.sin(2 * Math.PI * v);
      return radius * Math.cos(2 * Math.PI * v);
    },
    shuffle<T>(items: T[]): T[] {
      for (let i = items.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        const held = items[i];
        items[i] = items[j];
        items[j] = held;
      }
      return items;
    },
    fork: (label) => createRandom((hashLabel(label) ^ Math.imul(Math.floor(seed) >>> 0, 0x27d4eb2d)) >>> 0),
  };
}
