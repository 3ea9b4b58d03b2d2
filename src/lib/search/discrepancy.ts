/**
 * How evenly points fill the unit cube: the centred L2 discrepancy (Hickernell 1998, "A
 * generalized discrepancy and quadrature error bound", Math. Comp. 67), which compares the
 * share of points in every box with a corner at the cube's centre with the box's volume.
 * Lower is more even; it is invariant to reflecting any axis about 1/2.
 */

/** Squared centred L2 discrepancy of n points in [0, 1]^d (each shape [d]); scipy.stats.qmc.discrepancy's 'CD'. */
export function centredDiscrepancy(points: ArrayLike<number>[]): number {
  const n = points.length;
  if (n === 0) throw new Error('invalid points: none');
  const d = points[0].length;
  let single = 0;
  for (const point of points) {
    let product = 1;
    for (let k = 0; k < d; k++) {
      const offset = Math.abs(point[k] - 0.5);
      product *= 1 + 0.5 * offset - 0.5 * offset * offset;
    }
    single += product;
  }
  let pairs = 0;
  for (const a of points) {
    for (const b of points) {
      let product = 1;
      for (let k = 0; k < d; k++) product *= 1 + 0.5 * Math.abs(a[k] - 0.5) + 0.5 * Math.abs(b[k] - 0.5) - 0.5 * Math.abs(a[k] - b[k]);
      pairs += product;
    }
  }
  return (13 / 12) ** d - (2 / n) * single + pairs / (n * n);
}
