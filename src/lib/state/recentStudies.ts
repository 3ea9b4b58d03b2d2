/**
 * Saved studies opened to look at (SavedStudies' open and compare): how one is read, and the last
 * few kept so opening or comparing one again reads nothing. A large study's trials stay in its
 * reader worker; the worker ends once no kept or shown study uses those trials.
 */
import type { HistoryColumns } from '../analysis/historyColumns';
import type { StudyExport } from '../storage/exportStudy';
import type { SavedData } from '../storage/savedData';
import type { StudyHead } from '../storage/studyReaderProtocol';
import { openStudy, type OnStudyUpdate, type StudyOpen, type TrialRows } from '../storage/studyRows';
import type { SavedStudySummary, StorageResult, StudyStorage } from '../storage/studyStorage';

/** A saved study opened to look at: its summary and head, its history as columns, and its trials fetched by range (kept in the reader worker when large). */
export interface OpenedStudy {
  summary: SavedStudySummary;
  study: StudyHead;
  columns: HistoryColumns;
  rows: TrialRows;
  /** While the file is still being read (a large study opens early): the trials read so far. */
  reading?: { trials: number };
}

/** A saved study read back whole (to resume it or replay it in the views), with the data saved with it, if any. */
export interface LoadedStudy {
  summary: SavedStudySummary;
  study: StudyExport;
  data?: SavedData;
}

/** Opens saved record `id` to look at; a damaged or missing one ends in a message; `onUpdate` hears the rest of a study opened before it was read to the end. */
export async function openRecord(storage: StudyStorage, id: string, onUpdate?: OnStudyUpdate): Promise<StorageResult<OpenedStudy>> {
  const record = await storage.record(id);
  if (!record.ok) return record;
  // Large studies are parsed and checked in a worker that keeps their trials: the page gets the head and columns.
  const read = await openStudy(record.value.json, onUpdate);
  if (!read.ok) return { ok: false, error: { kind: 'failed', message: `The saved study is damaged. ${read.message}` } };
  const { json: _json, data: _data, ...summary } = record.value;
  return { ok: true, value: { summary, study: read.head, columns: read.columns, rows: read.rows, ...(read.complete ? {} : { reading: { trials: read.trialCount } }) } };
}

/** The last `size` studies opened, newest last; `inUse` says which trials are still shown elsewhere. */
export class RecentStudies {
  // A plain map on purpose: bookkeeping, not state anything renders.
  readonly #kept = new Map<string, OpenedStudy>();
  readonly #size: number;
  readonly #inUse: (rows: TrialRows) => boolean;

  constructor(size: number, inUse: (rows: TrialRows) => boolean) {
    this.#size = size;
    this.#inUse = inUse;
  }

  /** The study kept under `id`, if any. */
  get(id: string): OpenedStudy | undefined {
    return this.#kept.get(id);
  }

  /** Keeps `study` as the newest, dropping the oldest past the size. */
  remember(id: string, study: OpenedStudy): void {
    this.forget(id);
    this.#kept.set(id, study);
    for (const old of this.#kept.keys()) if (this.#kept.size > this.#size) this.forget(old);
  }

  /** Drops the study kept under `id`, letting go of its trials unless still in use. */
  forget(id: string): void {
    const known = this.#kept.get(id);
    this.#kept.delete(id);
    if (known) this.release(known.rows);
  }

  /** Replaces each kept study whose trials are `rows` by `change(it)`, or drops it where that is null. */
  replace(rows: TrialRows, change: (study: OpenedStudy) => OpenedStudy | null): void {
    for (const [id, kept] of this.#kept) {
      if (kept.rows !== rows) continue;
      const changed = change(kept);
      if (changed) this.#kept.set(id, changed);
      else this.#kept.delete(id);
    }
  }

  /** Lets go of `rows` (ends their worker) unless a kept study or `inUse` still uses them. */
  release(rows: TrialRows): void {
    if (this.#inUse(rows)) return;
    for (const kept of this.#kept.values()) if (kept.rows === rows) return;
    rows.release();
  }
}

/** Where opened studies are shown: the one opened and those compared. */
export interface OpenedViews {
  opened: OpenedStudy | null;
  compared: OpenedStudy[];
}

/**
 * Shows a later state of the study whose trials are `rows` (more trials read, or all of them, with
 * `summary` then its final summary) in `views` and `recent`; a refusal takes it out of both and
 * is returned (else null).
 */
export function applyStudyUpdate(views: OpenedViews, recent: RecentStudies, rows: TrialRows, update: StudyOpen, summary?: SavedStudySummary): string | null {
  if (!update.ok) {
    if (views.opened?.rows === rows) views.opened = null;
    views.compared = views.compared.filter((entry) => entry.rows !== rows);
    recent.replace(rows, () => null);
    return update.message;
  }
  const change = (entry: OpenedStudy): OpenedStudy => {
    const { reading: _reading, ...rest } = entry;
    return { ...rest, summary: summary ?? entry.summary, study: update.head, columns: update.columns, ...(update.complete ? {} : { reading: { trials: update.trialCount } }) };
  };
  if (views.opened?.rows === rows) views.opened = change(views.opened);
  if (views.compared.some((entry) => entry.rows === rows)) views.compared = views.compared.map((entry) => (entry.rows === rows ? change(entry) : entry));
  recent.replace(rows, change);
  return null;
}
