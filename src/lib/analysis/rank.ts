/**
 * Ranks of objective values, lower is better: competition ranking ("1224"), so tied values share
 * the best of their ranks. Non-finite values (diverged) rank after every finite one, all tied.
 */

/** Rank of each value (1 = best), shape [n], in the input's order. */
export function ranks(values: readonly number[]): number[] {
  const key = (value: number) => (Number.isFinite(value) ? value : Infinity);
  const order = values.map((_, index) => index).sort((a, b) => key(values[a]) - key(values[b]) || a - b);
  const result = new Array<number>(values.length);
  order.forEach((index, position) => {
    const previous = order[position - 1];
    result[index] = position > 0 && key(values[previous]) === key(values[index]) ? result[previous] : position + 1;
  });
  return result;
}
