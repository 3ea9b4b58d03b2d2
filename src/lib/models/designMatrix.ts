/**
 * The columns a linear model weighs: optional polynomial terms of the features (every monomial of
 * degree 1 … d, in scikit-learn's PolynomialFeatures order, without the constant) and, optionally,
 * each column standardised with the training rows' mean and standard deviation, so one penalty
 * strength treats every column alike and the coefficients are comparable.
 */

/** A fitted map from feature rows to the linear model's columns. */
export interface DesignMatrix {
  /** Number of input features. */
  featureCount: number;
  /** Each column's monomial as the list of feature indices multiplied (e.g. [0, 0, 1] = x0² x1). */
  terms: number[][];
  /** Training mean of each column (0 when not standardised). */
  means: Float64Array;
  /** Training standard deviation of each column (1 when not standardised or constant). */
  scales: Float64Array;
}

/** Monomials of degree 1 … degree over featureCount features, each degree's in lexicographic order. */
export function polynomialTerms(featureCount: number, degree: number): number[][] {
  if (!(Number.isInteger(degree) && degree >= 1)) throw new RangeError(`polynomial degree must be a whole number ≥ 1, got ${degree}`);
  const terms: number[][] = [];
  const extend = (term: number[], from: number, left: number): void => {
    if (left === 0) {
      terms.push(term);
      return;
    }
    for (let feature = from; feature < featureCount; feature++) extend([...term, feature], feature, left - 1);
  };
  for (let power = 1; power <= degree; power++) extend([], 0, power);
  return terms;
}

/** A readable name of a term, e.g. "x²·y" from feature names ["x", "y"]. */
export function termName(term: readonly number[], featureNames: readonly string[]): string {
  const superscripts = ['', '', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
  const parts: string[] = [];
  for (let index = 0; index < term.length;) {
    let power = 1;
    while (index + power < term.length && term[index + power] === term[index]) power++;
    const name = featureNames[term[index]] ?? `x${term[index]}`;
    parts.push(power === 1 ? name : `${name}${superscripts[power] ?? `^${power}`}`);
    index += power;
  }
  return parts.join('·');
}

function rawColumns(features: ArrayLike<number>, featureCount: number, terms: readonly number[][]): Float64Array {
  const size = Math.floor(features.length / featureCount);
  const columns = new Float64Array(size * terms.length);
  for (let row = 0; row < size; row++) {
    terms.forEach((term, column) => {
      let value = 1;
      for (const feature of term) value *= features[row * featureCount + feature];
      columns[row * terms.length + column] = value;
    });
  }
  return columns;
}

/** Fits the design on training features [size * featureCount]: the terms and, if asked, their scaling. */
export function fitDesignMatrix(
  features: ArrayLike<number>, featureCount: number, degree: number, standardize: boolean,
): DesignMatrix {
  const terms = polynomialTerms(featureCount, degree);
  const width = terms.length;
  const means = new Float64Array(width);
  const scales = new Float64Array(width).fill(1);
  if (standardize) {
    const raw = rawColumns(features, featureCount, terms);
    const size = raw.length / width;
    for (let row = 0; row < size; row++) for (let column = 0; column < width; column++) means[column] += raw[row * width + column] / size;
    const variances = new Float64Array(width);
    for (let row = 0; row < size; row++) {
      for (let column = 0; column < width; column++) variances[column] += (raw[row * width + column] - means[column]) ** 2 / size;
    }
    variances.forEach((variance, column) => {
      scales[column] = variance > 1e-24 ? Math.sqrt(variance) : 1;
    });
  }
  return { featureCount, terms, means, scales };
}

/** The design's columns for feature rows: shape [size * terms.length], row-major. */
export function designColumns(design: DesignMatrix, features: ArrayLike<number>): Float64Array {
  const columns = rawColumns(features, design.featureCount, design.terms);
  const width = design.terms.length;
  for (let index = 0; index < columns.length; index++) {
    const column = index % width;
    columns[index] = (columns[index] - design.means[column]) / design.scales[column];
  }
  return columns;
}
