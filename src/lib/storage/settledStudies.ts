/**
 * Saved searches that must not be offered for resuming, kept apart from their records: ones a
 * person dismissed, and ones that ended while their last save failed (the record then still
 * says "running"). A few ids in localStorage; when that is unavailable too, nothing is kept.
 */

/** The part of the Web Storage API this uses. */
export type KeyValueStore = Pick<Storage, 'getItem' | 'setItem'>;

const key = 'tuning-playground:settled-studies';
/** Most ids kept; the oldest go first (a search this old is long out of the list's first place). */
export const maxSettled = 200;

/** The page's localStorage, or null where reading it throws (blocked site data) or it is missing. */
export function pageStore(): KeyValueStore | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** Ids of the settled searches in `store`; empty when none, unreadable or damaged. */
export function readSettled(store: KeyValueStore | null): ReadonlySet<string> {
  try {
    const parsed: unknown = JSON.parse(store?.getItem(key) ?? '[]');
    return new Set(Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === 'string').slice(-maxSettled) : []);
  } catch {
    return new Set();
  }
}

/** Adds `id` to the settled searches in `store` and returns the new set (also when writing fails). */
export function settle(store: KeyValueStore | null, id: string): ReadonlySet<string> {
  const ids = [...readSettled(store)].filter((other) => other !== id);
  ids.push(id);
  const kept = ids.slice(-maxSettled);
  try {
    store?.setItem(key, JSON.stringify(kept));
  } catch {
    // Storage full or blocked: the id is still settled for this page.
  }
  return new Set(kept);
}
