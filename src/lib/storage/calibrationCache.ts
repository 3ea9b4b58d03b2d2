/**
 * The backend calibrations this browser measured, kept in localStorage by key (shape bucket and
 * WebGPU adapter), so "fastest available" measures a workload's shape once per browser.
 */
import type { Measurement } from '../core/backendDecision';
import type { KeyValueStore } from './settledStudies';

const storageKey = 'tuning-playground:calibrations';
/** Most calibrations kept; the oldest go first. */
export const maxCalibrations = 32;

function isMeasurement(value: unknown): value is Measurement {
  const entry = value as Measurement;
  return typeof entry === 'object' && entry !== null && typeof entry.candidate === 'string' && typeof entry.rate === 'number' && Number.isFinite(entry.rate);
}

/** The cached calibrations in `store`, by key; empty when none, unreadable or damaged (damaged entries are dropped). */
export function readCalibrations(store: KeyValueStore | null): Record<string, Measurement[]> {
  try {
    const parsed: unknown = JSON.parse(store?.getItem(storageKey) ?? '{}');
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
    const kept: Record<string, Measurement[]> = {};
    for (const [key, value] of Object.entries(parsed)) {
      if (Array.isArray(value) && value.length > 0 && value.every(isMeasurement)) kept[key] = value;
    }
    return kept;
  } catch {
    return {};
  }
}

/** Adds one calibration (newest last, at most maxCalibrations kept); a failed write keeps nothing new. */
export function saveCalibration(store: KeyValueStore | null, key: string, measurements: Measurement[]): void {
  const entries = Object.entries(readCalibrations(store)).filter(([other]) => other !== key);
  entries.push([key, measurements]);
  try {
    store?.setItem(storageKey, JSON.stringify(Object.fromEntries(entries.slice(-maxCalibrations))));
  } catch {
    // Blocked or full storage: the next visit measures again.
  }
}
