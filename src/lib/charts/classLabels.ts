/**
 * Short labels for class names on a chart's axes: a prefix every name shares ("class ",
 * "Iris-") is dropped when what is left still tells the classes apart, and a name still too
 * long is cut with an ellipsis; never a bare shared prefix ("class / class").
 */

/** The longest prefix all `names` share, cut back to a word boundary (space, dash, underscore). */
export function sharedPrefix(names: readonly string[]): string {
  if (names.length < 2) return '';
  let prefix = names[0];
  for (const name of names) while (!name.startsWith(prefix)) prefix = prefix.slice(0, -1);
  const boundary = Math.max(prefix.lastIndexOf(' '), prefix.lastIndexOf('-'), prefix.lastIndexOf('_'));
  return boundary < 0 ? '' : prefix.slice(0, boundary + 1);
}

/** Labels of at most `maxChars` characters that stay distinct where they can. */
export function shortClassLabels(names: readonly string[], maxChars = 8): string[] {
  const prefix = sharedPrefix(names);
  const stripped = prefix ? names.map((name) => name.slice(prefix.length)) : [...names];
  const usable = stripped.every((name) => name.length > 0) && new Set(stripped).size === names.length ? stripped : [...names];
  return usable.map((name) => (name.length <= maxChars ? name : `${name.slice(0, maxChars - 1)}…`));
}
