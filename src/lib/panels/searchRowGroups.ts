/**
 * The search form's rows in the order shown, with the rows few searches need folded into one
 * disclosure each: the widths of layers 2 and up ("per-layer widths") and Adam's β's. A group
 * stands where its first row would; a name in no group stays a row of its own.
 */

/** A folded set of rows: its key (for test ids), what its summary says, and its rows' names. */
export interface SearchRowGroup {
  key: string;
  label: string;
  names: string[];
}

/** One entry of the form: a row on its own, or a group of rows. */
export type SearchFormEntry = { kind: 'row'; name: string } | ({ kind: 'group' } & SearchRowGroup);

/** The groups: which rows each folds, by name. */
const groups: readonly { key: string; label: string; holds: (name: string) => boolean }[] = [
  { key: 'layer-widths', label: 'per-layer widths', holds: (name) => /^units[2-9]$/.test(name) },
  { key: 'adam-betas', label: "Adam β's", holds: (name) => name === 'beta1' || name === 'beta2' },
];

/** The form's entries for the rows `names` (in form order), each group where its first row is. */
export function searchFormEntries(names: readonly string[]): SearchFormEntry[] {
  const entries: SearchFormEntry[] = [];
  const placed = new Map<string, SearchRowGroup>();
  for (const name of names) {
    const group = groups.find((candidate) => candidate.holds(name));
    if (!group) {
      entries.push({ kind: 'row', name });
      continue;
    }
    const existing = placed.get(group.key);
    if (existing) {
      existing.names.push(name);
      continue;
    }
    const entry = { kind: 'group' as const, key: group.key, label: group.label, names: [name] };
    placed.set(group.key, entry);
    entries.push(entry);
  }
  return entries;
}

/** A group's summary: its label, the rows it holds ("units2–units6", "beta1, beta2"), and how many are searched. */
export function groupSummary(group: SearchRowGroup, searched: number): string {
  const span = group.names.length > 2 ? `${group.names[0]}–${group.names[group.names.length - 1]}` : group.names.join(', ');
  return `${group.label}… (${span})${searched > 0 ? ` · ${searched} searched` : ''}`;
}
