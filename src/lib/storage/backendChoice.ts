/**
 * The backend a person chose in the selector, remembered in localStorage so the next visit (and
 * a reopened study) trains on it again; anything unreadable falls back to 'auto'.
 */
import { backendOrder, type BackendName } from '../core/backendNames';
import type { KeyValueStore } from './settledStudies';

const key = 'tuning-playground:backend';

/** The remembered choice in `store`, or 'auto' when none, unreadable or unknown. */
export function readBackendChoice(store: KeyValueStore | null): BackendName | 'auto' {
  try {
    const value = store?.getItem(key);
    return (backendOrder as readonly string[]).includes(value ?? '') ? (value as BackendName) : 'auto';
  } catch {
    return 'auto';
  }
}

/** Remembers `choice` in `store`; a store that refuses (blocked site data) is ignored. */
export function saveBackendChoice(store: KeyValueStore | null, choice: BackendName | 'auto'): void {
  try {
    store?.setItem(key, choice);
  } catch {
    // Storage blocked: the choice lasts for this page only.
  }
}
