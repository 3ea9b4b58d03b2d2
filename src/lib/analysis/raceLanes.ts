/**
 * A race's lanes as one list, whether live searches or saved studies replayed: names that tell
 * them apart, the check that they are on one problem (as the classroom merge does), and the winner
 * (the lowest best objective; every objective here is minimised). Pure: no Svelte, no storage.
 */
import { problemDifference, type StudyProblem } from './problemDifference';

/** One lane as far as naming and judging go: its name, its problem, and its best trial (null before any ended). */
export interface RaceEntry {
  name: string;
  problem: StudyProblem;
  best: { id: number; value: number } | null;
}

/** The winning lane: its index and name, its best, and the lanes that tie with it. */
export interface RaceWinner {
  index: number;
  name: string;
  value: number;
  trialId: number;
  tiedWith: string[];
}

/** `names` with repeats told apart by " (2)", " (3)"…, the first of each kept as it is. */
export function distinctNames(names: readonly string[]): string[] {
  const seen = new Map<string, number>();
  const taken = new Set(names);
  return names.map((name) => {
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    if (count === 1) return name;
    let suffix = count;
    while (taken.has(`${name} (${suffix})`)) suffix += 1;
    const renamed = `${name} (${suffix})`;
    taken.add(renamed);
    return renamed;
  });
}

/** Why the lanes cannot race (the first lane on a different problem from the first, in words), or null when they share one. */
export function raceMismatch(entries: readonly Pick<RaceEntry, 'name' | 'problem'>[]): string | null {
  const first = entries[0];
  for (const entry of entries.slice(1)) {
    const difference = problemDifference(first.problem, first.name, entry.problem, entry.name);
    if (difference) return `${entry.name} is on a different problem from ${first.name}, so they cannot race: ${difference}.`;
  }
  return null;
}

/** The lane with the lowest best objective (a tie goes to the one that reached it in fewer trials), or null when no lane has a result. */
export function raceWinner(entries: readonly RaceEntry[]): RaceWinner | null {
  let winner: RaceWinner | null = null;
  entries.forEach((entry, index) => {
    const best = entry.best;
    if (!best || !Number.isFinite(best.value)) return;
    if (!winner || best.value < winner.value || (best.value === winner.value && best.id < winner.trialId)) {
      winner = { index, name: entry.name, value: best.value, trialId: best.id, tiedWith: [] };
    }
  });
  const found = winner as RaceWinner | null;
  if (!found) return null;
  found.tiedWith = entries.filter((entry, index) => index !== found.index && entry.best?.value === found.value).map((entry) => entry.name);
  return found;
}
