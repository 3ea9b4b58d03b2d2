/**
 * Saved studies in IndexedDB (through idb): one record per study, holding its study JSON text
 * so NaN and ±Infinity survive. Nothing here throws: every failure — no IndexedDB (private
 * mode), a SecurityError (storage blocked, e.g. a third-party iframe), a full quota, an upgrade
 * blocked by another tab — comes back as a StorageResult with a message a person can read.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { bestTrial } from '../core/trial';
import type { HistoryColumns } from '../analysis/historyColumns';
import { studyToJson, type StudyExport } from './exportStudy';
import { readStudyText, type StudyRead } from './readStudyText';
import { checkedSavedData, type SavedData } from './savedData';

/** One saved study as the store keeps it. */
export interface SavedStudyRecord {
  /** Key: chosen when the study is first saved, kept across updates. */
  id: string;
  /** Shown in the list; the person may rename it. */
  name: string;
  /** When it was last saved, ms since the Unix epoch. */
  savedAt: number;
  /** The study as `tuning-playground/study@2` JSON text (studyToJson), or the imported file holding it (never copied into the page). */
  json: string | Blob;
  /** Trials in the study, any state. */
  trialCount: number;
  /** The best completed trial, or null when none completed. */
  best: { id: number; value: number } | null;
  /** What a search interrupted by a reload needs to go on (settings the export does not carry). */
  resume?: ResumeInfo;
  /** The data of a search that cannot regenerate it (uploaded, drawn, shipped), so it can resume. */
  data?: SavedData;
}

/** The study settings that the study format does not carry, and whether the search had ended. */
export interface ResumeInfo {
  budget: number;
  schedule: string;
  parallel: number;
  folds: number;
  epochBudget: number;
  /** True once the search finished or was stopped: nothing to resume. */
  ended: boolean;
  /** Trials that had ended when saved (running ones train again on resuming). */
  endedTrials?: number;
  /** True when the data was neither regenerable nor saved (too large): the search cannot resume. */
  dataMissing?: boolean;
}

/** A saved study without its JSON text and data: what the list shows. */
export type SavedStudySummary = Omit<SavedStudyRecord, 'json' | 'data'>;

/** Why storage failed: unavailable (no IndexedDB), denied (SecurityError), quota, blocked, missing, failed. */
export type StorageErrorKind = 'unavailable' | 'denied' | 'quota' | 'blocked' | 'missing' | 'failed';

/** A storage failure, with a message for the page. */
export interface StorageError {
  kind: StorageErrorKind;
  message: string;
}

/** The value of a storage call, or why it failed. */
export type StorageResult<T> = { ok: true; value: T } | { ok: false; error: StorageError };

interface StudyDatabase extends DBSchema {
  studies: { key: string; value: SavedStudyRecord; indexes: { savedAt: number } };
}

const databaseName = 'tuning-playground';
const databaseVersion = 1;

/** The outcome of a storage failure in words: maps DOMException names to a kind and message. */
export function storageError(error: unknown): StorageError {
  const name = error instanceof Error || (typeof error === 'object' && error !== null && 'name' in error) ? String((error as { name: unknown }).name) : '';
  const detail = error instanceof Error ? error.message : String(error);
  if (name === 'QuotaExceededError') {
    return { kind: 'quota', message: 'The browser’s storage for this site is full, so this study was not saved. Export it as JSON to keep it.' };
  }
  if (name === 'SecurityError' || name === 'InvalidStateError') {
    return { kind: 'denied', message: 'This browser does not let the page save studies here (private browsing or blocked site data). Export them as JSON to keep them.' };
  }
  if (name === 'BlockedError' || name === 'VersionError') {
    return { kind: 'blocked', message: 'Saved studies are open in another tab with a different version of the app; close it and reload to save studies.' };
  }
  return { kind: 'failed', message: `Saving studies failed (${detail}). Export them as JSON to keep them.` };
}

const failure = <T>(error: StorageError): StorageResult<T> => ({ ok: false, error });

/** A fresh record id: time and a counter, unique within this page and sortable. */
let idCounter = 0;
export function newStudyId(now: number): string {
  idCounter += 1;
  return `${now.toString(36)}-${idCounter.toString(36)}`;
}

/** The name a study gets when first saved: strategy, dataset and the time, e.g. "random on spiral, 09:15". */
export function defaultStudyName(study: StudyExport, now: number): string {
  const time = new Date(now).toISOString().slice(0, 16).replace('T', ' ');
  return `${study.strategy.name} on ${study.dataset.name}, ${time}`;
}

/** The record kept for a study: its JSON text (`json`: the text it was read from, if any) and a summary (trial count, best trial). */
export function buildRecord(study: StudyExport, options: { id: string; name: string; savedAt: number; resume?: ResumeInfo; data?: SavedData; json?: string | Blob }): SavedStudyRecord {
  const best = bestTrial(study.trials);
  return {
    id: options.id,
    name: options.name,
    savedAt: options.savedAt,
    // An imported file, already read as this very study, saves writing 20 MB again.
    json: options.json ?? studyToJson(study),
    trialCount: study.trials.length,
    best: best && best.value !== null ? { id: best.id, value: best.value } : null,
    ...(options.resume ? { resume: options.resume } : {}),
    ...(options.data ? { data: options.data } : {}),
  };
}

function summaryOf({ json: _json, data: _data, ...summary }: SavedStudyRecord): SavedStudySummary {
  return summary;
}

/** The saved-study store; open it with openStudyStorage. */
export class StudyStorage {
  readonly #database: IDBPDatabase<StudyDatabase>;
  #closed = false;

  constructor(database: IDBPDatabase<StudyDatabase>) {
    this.#database = database;
  }

  async #attempt<T>(work: () => Promise<T>): Promise<StorageResult<T>> {
    if (this.#closed) {
      return failure({ kind: 'blocked', message: 'A newer version of the app took over saved studies in another tab; reload this page to save studies here.' });
    }
    try {
      return { ok: true, value: await work() };
    } catch (error) {
      return failure(storageError(error));
    }
  }

  /** Saves a record, replacing one with the same id. */
  put(record: SavedStudyRecord): Promise<StorageResult<SavedStudySummary>> {
    return this.#attempt(async () => {
      await this.#database.put('studies', record);
      return summaryOf(record);
    });
  }

  /** Every saved study, newest first, without their JSON. */
  list(): Promise<StorageResult<SavedStudySummary[]>> {
    return this.#attempt(async () => {
      const records = await this.#database.getAllFromIndex('studies', 'savedAt');
      return records.reverse().map(summaryOf);
    });
  }

  /**
   * One saved study with its history columns, read back through `read` (parseStudyJson inline, or
   * readStudyText's worker) so a damaged record ends in a message; its data only when whole.
   */
  async get(id: string, read: (json: string | Blob) => StudyRead | Promise<StudyRead> = readStudyText): Promise<StorageResult<{ summary: SavedStudySummary; study: StudyExport; columns: HistoryColumns; data?: SavedData }>> {
    const found = await this.record(id);
    if (!found.ok) return found;
    const parsed = await read(found.value.json);
    if (!parsed.ok) return failure({ kind: 'failed', message: `The saved study is damaged. ${parsed.message}` });
    const data = found.value.data ? checkedSavedData(found.value.data) : null;
    return { ok: true, value: { summary: summaryOf(found.value), study: parsed.study, columns: parsed.columns, ...(data ? { data } : {}) } };
  }

  /** One saved record as stored (its JSON unread), or 'missing'. */
  async record(id: string): Promise<StorageResult<SavedStudyRecord>> {
    const found = await this.#attempt(() => this.#database.get('studies', id));
    if (!found.ok || found.value) return found as StorageResult<SavedStudyRecord>;
    return failure({ kind: 'missing', message: 'That saved study is no longer there (deleted in another tab?).' });
  }

  /** Gives a saved study a new name (trimmed, at most 120 characters). */
  async rename(id: string, name: string): Promise<StorageResult<SavedStudySummary>> {
    const trimmed = name.trim().slice(0, 120);
    if (trimmed === '') return failure({ kind: 'failed', message: 'A study needs a name.' });
    const read = await this.#attempt(() => this.#database.get('studies', id));
    if (!read.ok) return read;
    if (!read.value) return failure({ kind: 'missing', message: 'That saved study is no longer there (deleted in another tab?).' });
    return this.put({ ...read.value, name: trimmed });
  }

  /** Deletes a saved study; deleting one that is gone is not an error. */
  remove(id: string): Promise<StorageResult<void>> {
    return this.#attempt(() => this.#database.delete('studies', id));
  }

  /** Closes the database; later calls fail with a 'blocked' message instead of throwing. */
  close(): void {
    this.#closed = true;
    this.#database.close();
  }
}

/** Opens the store; when IndexedDB is missing, refused or blocked, says why instead of throwing. */
export async function openStudyStorage(): Promise<StorageResult<StudyStorage>> {
  if (typeof indexedDB === 'undefined' || !indexedDB) {
    return failure({ kind: 'unavailable', message: 'This browser offers no storage for saved studies here (private browsing?). Export studies as JSON to keep them.' });
  }
  try {
    let storage: StudyStorage | null = null;
    const database = await new Promise<IDBPDatabase<StudyDatabase>>((resolve, reject) => {
      let blocked = false;
      openDB<StudyDatabase>(databaseName, databaseVersion, {
        upgrade(upgrading) {
          const store = upgrading.createObjectStore('studies', { keyPath: 'id' });
          store.createIndex('savedAt', 'savedAt');
        },
        blocked() {
          // Another tab holds an older version open: give up now rather than wait on it.
          blocked = true;
          reject(Object.assign(new Error('blocked by another tab'), { name: 'BlockedError' }));
        },
        blocking() {
          // Another tab wants a newer version: let it have the database.
          storage?.close();
        },
      }).then((database) => {
        if (blocked) database.close();
        else resolve(database);
      }, reject);
    });
    storage = new StudyStorage(database);
    return { ok: true, value: storage };
  } catch (error) {
    return failure(storageError(error));
  }
}
