/**
 * The JavaScript, for a standalone script, that makes a built-in dataset again from its name,
 * settings and seed and splits it as the page did: the seeded generator (core/random.ts), the
 * one dataset generator it needs (datasets/*.ts) and the stratified split (datasets/split.ts,
 * datasets/trainingSplit.ts), written as plain JavaScript. It is a second copy of those
 * functions, so tests/unit/export/datasetScript.test.ts runs it against them for every generator
 * over many seeds, noises, sizes and splits and asks for the same rows bit for bit.
 */
import type { SplitFractions } from '../datasets/split';

/** Names of the built-in generators the script can make again. */
export const scriptableDatasets = ['spiral', 'moons', 'circles', 'xor', 'blobs', 'sine', 'polynomial'] as const;

/** A built-in dataset as the script makes it: what the data panel was set to. */
export interface GeneratedDataSource {
  name: (typeof scriptableDatasets)[number];
  samples: number;
  noise: number;
  /** Seed of the generator, and of the split. */
  seed: number;
  /** Arms or blobs (spiral, blobs); ignored by the others. */
  classes?: number;
  /** The split's fractions; the script splits with these and the seed. */
  fractions: SplitFractions;
}

/** True when `name` is a generator the script can make again. */
export function isScriptable(name: string): name is GeneratedDataSource['name'] {
  return (scriptableDatasets as readonly string[]).includes(name);
}

const randomCode = `// core/random.ts: sfc32 seeded through splitmix32, Box–Muller normals, Fisher–Yates shuffles.
function createRandom(seed) {
  let s = Math.floor(seed) >>> 0;
  const init = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = init(), b = init(), c = init(), d = init();
  let spare = null;
  const uint32 = () => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t;
  };
  for (let i = 0; i < 12; i++) uint32();
  const next = () => uint32() / 4294967296;
  return {
    next,
    uniform: (low, high) => low + (high - low) * next(),
    normal() {
      if (spare !== null) { const value = spare; spare = null; return value; }
      let u = next();
      while (u <= Number.EPSILON) u = next();
      const v = next();
      const radius = Math.sqrt(-2 * Math.log(u));
      spare = radius * Math.sin(2 * Math.PI * v);
      return radius * Math.cos(2 * Math.PI * v);
    },
    shuffle(items) {
      for (let i = items.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [items[i], items[j]] = [items[j], items[i]];
      }
      return items;
    },
    fork(label) {
      let hash = 0x811c9dc5;
      const text = String(label);
      for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
      return createRandom((hash ^ Math.imul(Math.floor(seed) >>> 0, 0x27d4eb2d)) >>> 0);
    },
  };
}`;

/** Each generator's body: reads samples, noise, classes, random; fills features (2 or 1 per row) and targets. */
const generatorCode: Record<GeneratedDataSource['name'], string> = {
  spiral: `// datasets/spiral.ts: interleaved arms, one class each.
for (let i = 0; i < samples; i++) {
  const label = i % classes, rank = Math.floor(i / classes), perClass = Math.ceil((samples - label) / classes);
  const t = perClass > 1 ? rank / (perClass - 1) : 0;
  const radius = 0.05 + 0.85 * t, angle = 1.75 * 2 * Math.PI * t + (2 * Math.PI * label) / classes;
  const x = radius * Math.cos(angle) + noise * random.normal() * 0.25;
  const y = radius * Math.sin(angle) + noise * random.normal() * 0.25;
  features[2 * i] = Math.max(-1, Math.min(1, x));
  features[2 * i + 1] = Math.max(-1, Math.min(1, y));
  targets[i] = label;
}`,
  moons: `// datasets/moons.ts: two interlocking half circles of radius 0.6.
const jitter = noise * 0.6 * 0.5, centres = [[-0.6 / 2, -0.6 / 4], [0.6 / 2, 0.6 / 4]];
for (let i = 0; i < samples; i++) {
  const label = i % 2, rank = Math.floor(i / 2), perClass = Math.ceil((samples - label) / 2);
  const angle = perClass > 1 ? (Math.PI * rank) / (perClass - 1) : Math.PI / 2;
  const direction = label === 0 ? 1 : -1;
  features[2 * i] = centres[label][0] + 0.6 * Math.cos(angle) + jitter * random.normal();
  features[2 * i + 1] = centres[label][1] + direction * 0.6 * Math.sin(angle) + jitter * random.normal();
  targets[i] = label;
}`,
  circles: `// datasets/circles.ts: a ring of radius 0.4 inside one of 0.8.
const radii = [0.4, 0.8], jitter = noise * (0.8 - 0.4) * 0.5;
const phases = [random.uniform(0, 2 * Math.PI), random.uniform(0, 2 * Math.PI)];
for (let i = 0; i < samples; i++) {
  const label = i % 2, rank = Math.floor(i / 2), perClass = Math.ceil((samples - label) / 2);
  const angle = phases[label] + (2 * Math.PI * rank) / perClass;
  features[2 * i] = radii[label] * Math.cos(angle) + jitter * random.normal();
  features[2 * i + 1] = radii[label] * Math.sin(angle) + jitter * random.normal();
  targets[i] = label;
}`,
  xor: `// datasets/xor.ts: class 0 where x and y share a sign.
const jitter = noise * 0.25;
for (let i = 0; i < samples; i++) {
  const label = i % 2, signX = random.next() < 0.5 ? -1 : 1, signY = label === 0 ? signX : -signX;
  features[2 * i] = signX * random.uniform(0.05, 1) + jitter * random.normal();
  features[2 * i + 1] = signY * random.uniform(0.05, 1) + jitter * random.normal();
  targets[i] = label;
}`,
  blobs: `// datasets/blobs.ts: round clouds on a ring of radius 0.6.
const spread = 0.05 + 0.3 * noise;
for (let i = 0; i < samples; i++) {
  const label = i % classes, angle = Math.PI / 4 + (2 * Math.PI * label) / classes;
  features[2 * i] = 0.6 * Math.cos(angle) + spread * random.normal();
  features[2 * i + 1] = 0.6 * Math.sin(angle) + spread * random.normal();
  targets[i] = label;
}`,
  sine: `// datasets/sine.ts: y = sin(2πx) + 0.5 · noise · N(0, 1), x uniform in [-1, 1].
for (let i = 0; i < samples; i++) {
  const x = random.uniform(-1, 1);
  features[i] = x;
  targets[i] = Math.sin(2 * Math.PI * x) + 0.5 * noise * random.normal();
}`,
  polynomial: `// datasets/polynomial.ts: y = 0.2 − 1.2x − 0.4x² + 1.6x³ + 0.3 · noise · N(0, 1), x uniform in [-1, 1].
for (let i = 0; i < samples; i++) {
  const x = random.uniform(-1, 1);
  features[i] = x;
  targets[i] = ((1.6 * x + -0.4) * x + -1.2) * x + 0.2 + 0.3 * noise * random.normal();
}`,
};

const splitCode = `// datasets/split.ts and trainingSplit.ts: a stratified split, seeded.
function splitRows(targets, classCount, fractions, seed) {
  const random = createRandom(seed).fork('split');
  const groups = Array.from({ length: Math.max(1, classCount) }, () => []);
  targets.forEach((target, row) => groups[classCount > 0 ? target : 0].push(row));
  for (const group of groups) random.shuffle(group);
  const weights = [fractions.train, fractions.validation, fractions.test];
  const sum = weights[0] + weights[1] + weights[2];
  for (let part = 0; part < 3; part++) weights[part] /= sum;
  // Largest-remainder rounding of the part sizes, then each class's leftover rows to the parts that need them.
  const ideal = weights.map((weight) => targets.length * weight);
  const totals = ideal.map(Math.floor);
  let left = targets.length - totals[0] - totals[1] - totals[2];
  for (const part of [0, 1, 2].sort((p, q) => (ideal[q] - Math.floor(ideal[q])) - (ideal[p] - Math.floor(ideal[p])) || p - q)) {
    if (left-- > 0) totals[part]++;
  }
  const counts = groups.map((group) => weights.map((weight) => Math.floor(group.length * weight)));
  const need = totals.map((total, part) => total - counts.reduce((sum, row) => sum + row[part], 0));
  const spare = groups.map((group, index) => ({ index, units: group.length - counts[index][0] - counts[index][1] - counts[index][2] }));
  spare.sort((p, q) => q.units - p.units || p.index - q.index);
  for (const { index, units } of spare) {
    const remainder = (part) => groups[index].length * weights[part] - counts[index][part];
    const parts = [0, 1, 2].sort((p, q) => need[q] - need[p] || remainder(q) - remainder(p));
    for (let unit = 0; unit < units; unit++) {
      counts[index][parts[unit]]++;
      need[parts[unit]]--;
    }
  }
  const split = [[], [], []];
  groups.forEach((group, index) => {
    let start = 0;
    counts[index].forEach((count, part) => {
      split[part].push(...group.slice(start, start + count));
      start += count;
    });
  });
  const [train, validation] = split.map((part) => part.sort((p, q) => p - q));
  // With no rows to score, or a class missing from training, the page trains and scores on every row.
  const allClasses = new Set(train.map((row) => targets[row])).size === classCount;
  if (targets.length < 20 || validation.length === 0 || (classCount > 0 && !allClasses)) return targets.map((_, row) => row);
  return validation;
}`;

/** A number as a JavaScript literal. */
function literal(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`cannot write ${value} into a script`);
  return String(value);
}

/** The classes a generator makes: the classes setting for spiral and blobs, 2 for the other planes, 0 for curves. */
export function generatedClassCount(source: Pick<GeneratedDataSource, 'name' | 'classes'>): number {
  if (source.name === 'spiral') return source.classes ?? 2;
  if (source.name === 'blobs') return source.classes ?? 3;
  return source.name === 'sine' || source.name === 'polynomial' ? 0 : 2;
}

/**
 * Lines of JavaScript that define `features` and `targets` (Float32Array, every row, as the page
 * made them), `featureCount`, `classCount` and `rows` (the validation rows, ascending).
 */
export function datasetCode(source: GeneratedDataSource): string {
  const classCount = generatedClassCount(source);
  const featureCount = source.name === 'sine' || source.name === 'polynomial' ? 1 : 2;
  const { train, validation, test } = source.fractions;
  return [
    randomCode,
    '',
    splitCode,
    '',
    `const samples = ${literal(source.samples)}, noise = ${literal(source.noise)}, seed = ${literal(source.seed)}, classes = ${classCount};`,
    `const featureCount = ${featureCount}, classCount = ${classCount};`,
    'const random = createRandom(seed);',
    'const features = new Float32Array(samples * featureCount);',
    'const targets = new Float32Array(samples);',
    generatorCode[source.name],
    `const rows = splitRows(Array.from(targets), classCount, { train: ${literal(train)}, validation: ${literal(validation)}, test: ${literal(test)} }, seed);`,
  ].join('\n');
}
