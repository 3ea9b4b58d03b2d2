/**
 * The search space: the hyperparameters a person chose to search and their ranges.
 *
 * Every dimension maps to and from the unit interval [0, 1], so strategies work on
 * the unit cube and never see units: real dimensions linearly, log dimensions
 * linearly in log(value) (log-uniform), int dimensions by equal-width cells (one per
 * integer, so a uniform unit coordinate gives a uniform integer), choice dimensions by
 * equal-width cells (one per value). Models that need numbers for a choice use a
 * one-hot encoding instead of its cell index, since the values have no order.
 *
 * A dimension may be conditional (`when`): it exists only while another, unconditional dimension
 * has a value of at least `atLeast` (units of layer 3 only with 3 layers) or one of `in` (momentum
 * only with the momentum optimiser). Params leave an inactive dimension out; its unit coordinate
 * is a placeholder (0.5) that nothing reads, since whether it is active follows from the point.
 */

/** When a conditional dimension exists: another dimension's value is at least a number, or one of a list. */
export type Condition = { dimension: string; atLeast: number } | { dimension: string; in: (string | number)[] };

/** One searched hyperparameter: its name, its kind and its range or values, and when it exists (always, if no `when`). */
export type Dimension =
  | { name: string; type: 'real' | 'log'; low: number; high: number; when?: Condition }
  | { name: string; type: 'int'; low: number; high: number; when?: Condition }
  | { name: string; type: 'choice'; values: (string | number)[]; when?: Condition };

/** Values of the searched hyperparameters, keyed by dimension name. */
export type Params = Record<string, number | string>;

/** Throws a readable error when a dimension or the space is malformed (empty, reversed, duplicate names). */
export function validateSpace(space: Dimension[]): void {
  if (space.length === 0) throw new Error('invalid space: it has no dimensions');
  const names = new Set<string>();
  for (const dimension of space) {
    if (names.has(dimension.name)) throw new Error(`invalid space: duplicate dimension ${dimension.name}`);
    names.add(dimension.name);
    if (dimension.type === 'choice') {
      if (dimension.values.length === 0) throw new Error(`invalid dimension ${dimension.name}: no values`);
      continue;
    }
    const { low, high } = dimension;
    if (!Number.isFinite(low) || !Number.isFinite(high) || !(low <= high)) {
      throw new Error(`invalid dimension ${dimension.name}: need finite low <= high`);
    }
    if (dimension.type === 'log' && !(low > 0)) throw new Error(`invalid dimension ${dimension.name}: log needs low > 0`);
    if (dimension.type === 'int' && (!Number.isInteger(low) || !Number.isInteger(high))) {
      throw new Error(`invalid dimension ${dimension.name}: int needs integer bounds`);
    }
  }
  for (const dimension of space) if (dimension.when) validateCondition(space, dimension.name, dimension.when);
}

function validateCondition(space: Dimension[], name: string, when: Condition): void {
  const parent = space.find((dimension) => dimension.name === when.dimension);
  if (!parent || parent.name === name) throw new Error(`invalid dimension ${name}: its condition needs another searched dimension`);
  if (parent.when) throw new Error(`invalid dimension ${name}: its condition's dimension ${parent.name} is itself conditional`);
  if ('atLeast' in when) {
    if (parent.type === 'choice' || !Number.isFinite(when.atLeast)) throw new Error(`invalid dimension ${name}: "at least" needs a number and a numeric dimension`);
  } else if (!Array.isArray(when.in) || when.in.length === 0) throw new Error(`invalid dimension ${name}: its condition lists no values`);
}

/** Whether a condition holds for the value of its dimension (false when that value is absent). */
export function conditionHolds(when: Condition, value: number | string | undefined): boolean {
  if (value === undefined) return false;
  return 'atLeast' in when ? typeof value === 'number' && value >= when.atLeast : when.in.includes(value);
}

/** Whether the space has any conditional dimension. */
export function isConditional(space: readonly Dimension[]): boolean {
  return space.some((dimension) => dimension.when !== undefined);
}

/** Whether dimension is active at params: it has no condition, or its condition holds for params. */
export function isActive(dimension: Dimension, params: Params): boolean {
  return !dimension.when || conditionHolds(dimension.when, params[dimension.when.dimension]);
}

/** The dimensions active at params, in space order. */
export function activeDimensions(space: readonly Dimension[], params: Params): Dimension[] {
  return space.filter((dimension) => isActive(dimension, params));
}

/** Which dimensions are active at a unit point, shape [dimensions] (conditions read their dimension's value at the point). */
export function activeAtUnit(space: readonly Dimension[], unit: ArrayLike<number>): boolean[] {
  return space.map((dimension) => {
    if (!dimension.when) return true;
    const parent = space.findIndex((other) => other.name === dimension.when!.dimension);
    return parent >= 0 && conditionHolds(dimension.when, valueFromUnit(space[parent], unit[parent]));
  });
}

/** Number of discrete cells of an int or choice dimension; Infinity for real and log. */
export function cellCount(dimension: Dimension): number {
  if (dimension.type === 'choice') return dimension.values.length;
  if (dimension.type === 'int') return dimension.high - dimension.low + 1;
  return Infinity;
}

function clampUnit(u: number): number {
  if (!(u > 0)) return 0; // also maps NaN to 0
  return u < 1 ? u : 1;
}

function cellIndex(u: number, cells: number): number {
  return Math.min(cells - 1, Math.floor(clampUnit(u) * cells));
}

/** Value of one dimension at unit coordinate u in [0, 1] (clamped); ints and choices pick the cell u falls in. */
export function valueFromUnit(dimension: Dimension, u: number): number | string {
  const unit = clampUnit(u);
  switch (dimension.type) {
    case 'real':
      return Math.min(dimension.high, dimension.low + unit * (dimension.high - dimension.low));
    case 'log': {
      const logLow = Math.log(dimension.low);
      const value = Math.exp(logLow + unit * (Math.log(dimension.high) - logLow));
      return Math.min(dimension.high, Math.max(dimension.low, value));
    }
    case 'int':
      return dimension.low + cellIndex(unit, cellCount(dimension));
    case 'choice':
      return dimension.values[cellIndex(unit, dimension.values.length)];
  }
}

/** Unit coordinate of one value; ints and choices map to the centre of their cell. Throws on an unknown choice. */
export function unitFromValue(dimension: Dimension, value: number | string): number {
  if (dimension.type === 'choice') {
    const index = dimension.values.indexOf(value);
    if (index < 0) throw new Error(`invalid value for ${dimension.name}: ${String(value)}`);
    return (index + 0.5) / dimension.values.length;
  }
  const number = Number(value);
  if (!Number.isFinite(number)) throw new Error(`invalid value for ${dimension.name}: ${String(value)}`);
  const { low, high } = dimension;
  if (dimension.type === 'int') {
    const rounded = Math.min(high, Math.max(low, Math.round(number)));
    return (rounded - low + 0.5) / (high - low + 1);
  }
  if (high === low) return 0.5;
  if (dimension.type === 'log') {
    return clampUnit((Math.log(number) - Math.log(low)) / (Math.log(high) - Math.log(low)));
  }
  return clampUnit((number - low) / (high - low));
}

/** Params at a point of the unit cube (unit has one coordinate per dimension, in space order); inactive dimensions are left out. */
export function fromUnit(space: Dimension[], unit: ArrayLike<number>): Params {
  const params: Params = {};
  for (let i = 0; i < space.length; i++) params[space[i].name] = valueFromUnit(space[i], unit[i]);
  for (const dimension of space) if (!isActive(dimension, params)) delete params[dimension.name];
  return params;
}

/** Unit-cube coordinates of params, shape [dimensions]; inactive dimensions get 0.5; throws when an active one is missing. */
export function toUnit(space: Dimension[], params: Params): Float64Array {
  const unit = new Float64Array(space.length);
  for (let i = 0; i < space.length; i++) {
    if (!isActive(space[i], params)) {
      unit[i] = 0.5;
      continue;
    }
    const value = params[space[i].name];
    if (value === undefined) throw new Error(`missing value for ${space[i].name}`);
    unit[i] = unitFromValue(space[i], value);
  }
  return unit;
}

/** Moves a unit point onto the space: clamps it, and puts ints and choices at their cell centres; shape [dimensions]. */
export function snapUnit(space: Dimension[], unit: ArrayLike<number>): Float64Array {
  const snapped = new Float64Array(space.length);
  for (let i = 0; i < space.length; i++) {
    const dimension = space[i];
    const cells = cellCount(dimension);
    snapped[i] = Number.isFinite(cells) ? (cellIndex(unit[i], cells) + 0.5) / cells : clampUnit(unit[i]);
  }
  return snapped;
}

/** A one-hot vector of the given size with a 1 at index, shape [size]. */
export function oneHot(index: number, size: number): Float64Array {
  if (!Number.isInteger(index) || index < 0 || index >= size) throw new Error(`invalid one-hot index ${index} of ${size}`);
  const vector = new Float64Array(size);
  vector[index] = 1;
  return vector;
}

/** Number of model features of the space: one per real, log or int dimension, one per value of a choice. */
export function featureCount(space: Dimension[]): number {
  let count = 0;
  for (const dimension of space) count += dimension.type === 'choice' ? dimension.values.length : 1;
  return count;
}

/** Feature of an inactive numeric dimension: half the axis below its low end, so no active value is nearer than 0.5. */
export const inactiveFeature = -0.5;

/**
 * Model features of a unit point, shape [featureCount(space)], written into out when given:
 * numeric dimensions keep their (snapped) unit coordinate, choices become one-hot. An inactive
 * dimension gets one fixed value (inactiveFeature; a choice, all zeros), imputation as compared
 * by Lévesque et al. 2017 ("Bayesian optimization for conditional hyperparameter spaces"): points
 * that both lack a dimension agree along it, and stay apart from every point that has it.
 */
export function featuresFromUnit(space: Dimension[], unit: ArrayLike<number>, out?: Float64Array): Float64Array {
  const features = out ?? new Float64Array(featureCount(space));
  const active = isConditional(space) ? activeAtUnit(space, unit) : null;
  let offset = 0;
  for (let i = 0; i < space.length; i++) {
    const dimension = space[i];
    if (dimension.type === 'choice') {
      const size = dimension.values.length;
      const index = active && !active[i] ? -1 : cellIndex(unit[i], size);
      for (let k = 0; k < size; k++) features[offset + k] = k === index ? 1 : 0;
      offset += size;
    } else {
      const cells = cellCount(dimension);
      if (active && !active[i]) features[offset] = inactiveFeature;
      else features[offset] = Number.isFinite(cells) ? (cellIndex(unit[i], cells) + 0.5) / cells : clampUnit(unit[i]);
      offset += 1;
    }
  }
  return features;
}

/** A stable text key of params (values rounded to 12 significant digits, '-' for an inactive dimension), to recognise a point already seen. */
export function paramsKey(space: Dimension[], params: Params): string {
  return space
    .map((dimension) => {
      const value = params[dimension.name];
      if (value === undefined || !isActive(dimension, params)) return '-';
      return typeof value === 'number' ? Number(value.toPrecision(12)).toString() : JSON.stringify(value);
    })
    .join('|');
}

/** Number of distinct points of the space when every dimension is int or choice (an inactive dimension adds none); Infinity otherwise. */
export function spaceSize(space: Dimension[]): number {
  let size = 1;
  for (const parent of space) {
    if (parent.when) continue;
    const children = space.filter((dimension) => dimension.when?.dimension === parent.name);
    const cells = cellCount(parent);
    if (children.length === 0 || !Number.isFinite(cells)) {
      size *= children.length === 0 ? cells : Infinity;
      continue;
    }
    let count = 0;
    for (let cell = 0; cell < cells; cell++) {
      const value = valueFromUnit(parent, (cell + 0.5) / cells);
      count += children.reduce((product, child) => (conditionHolds(child.when!, value) ? product * cellCount(child) : product), 1);
    }
    size *= count;
  }
  return size;
}
