/**
 * The page's saved studies: the list, the autosave of the running study as its trials end, the
 * study opened read-only, the two compared, and imports. Storage failures never stop a search:
 * they end in `notice`, and the study stays in memory with its JSON export on offer.
 */
import type { BackendName } from '../core/backendNames';
import { maxStudyCharacters, type StudyExport } from '../storage/exportStudy';
import { readStudyText } from '../storage/readStudyText';
import type { StudyHead } from '../storage/studyReaderProtocol';
import { openStudy, type StudyOpen, type TrialRows } from '../storage/studyRows';
import { applyStudyUpdate, openRecord, RecentStudies, type LoadedStudy, type OpenedStudy } from './recentStudies';
import type { Study } from './study.svelte';
import { buildRecord, defaultStudyName, newStudyId, openStudyStorage, type ResumeInfo, type SavedStudySummary, type StorageResult, type StudyStorage } from '../storage/studyStorage';
import { dataToSave, type SavedData } from '../storage/savedData';
import { pageStore, readSettled, settle, type KeyValueStore } from '../storage/settledStudies';

export type { LoadedStudy, OpenedStudy };

/** How a study is saved: its record's id and name, and the data kept with it (worked out once). */
interface Identity {
  id: string;
  name: string;
  data?: SavedData | 'too large' | null;
}

/** What resuming needs beyond the export, and whether the search has ended. */
function resumeInfo(study: Study, data: SavedData | 'too large' | null): ResumeInfo {
  const { setup } = study;
  return {
    budget: setup.budget,
    schedule: setup.schedule,
    parallel: setup.parallel,
    folds: setup.folds ?? 0,
    epochBudget: setup.epochBudget ?? 0,
    ended: study.status === 'finished' || study.status === 'stopped',
    endedTrials: study.progress.done,
    ...(data === 'too large' ? { dataMissing: true } : {}),
  };
}

/** Studies kept open after being read (a 200,000-trial study takes seconds to parse). */
const recentStudies = 3;

/** The saved-study state of the page; one instance, `savedStudies`. */
export class SavedStudies {
  /** Saved studies, newest first. */
  list = $state.raw<SavedStudySummary[]>([]);
  /** Why studies cannot be saved now (full, unavailable, blocked), or null. */
  notice = $state<string | null>(null);
  /** The study opened read-only. */
  opened = $state.raw<OpenedStudy | null>(null);
  /** Up to two studies drawn together. */
  compared = $state.raw<OpenedStudy[]>([]);
  /** Why the last import was refused, or null. */
  importError = $state<string | null>(null);
  /** Why the last list action (open, rename, delete) failed, or null. */
  actionError = $state<string | null>(null);
  /** Ids of saved searches never to offer for resuming: dismissed, or ended while their save failed. */
  settled = $state.raw<ReadonlySet<string>>(readSettled(null));

  #storage: Promise<StorageResult<StudyStorage>> | null = null;
  // Plain maps on purpose: bookkeeping, not state anything renders.
  readonly #ids = new WeakMap<Study, Identity>();
  // Ids of studies with a save queued behind the write in progress (it will write their latest state).
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  readonly #queued = new Set<string>();
  #writes: Promise<unknown> = Promise.resolve();
  readonly #recent = new RecentStudies(recentStudies, (rows) => this.opened?.rows === rows);
  readonly #openStorage: () => Promise<StorageResult<StudyStorage>>;
  readonly #store: KeyValueStore | null;

  /** `open` and `store` (where settled ids are kept) are the page's IndexedDB and localStorage unless a test passes others. */
  constructor(open: () => Promise<StorageResult<StudyStorage>> = openStudyStorage, store: KeyValueStore | null = pageStore()) {
    this.#openStorage = open;
    this.#store = store;
    this.settled = readSettled(store);
  }

  #open(): Promise<StorageResult<StudyStorage>> {
    this.#storage ??= this.#openStorage();
    return this.#storage;
  }

  /** Runs a storage call; on failure sets the notice and returns null. */
  async #use<T>(work: (storage: StudyStorage) => Promise<StorageResult<T>>): Promise<T | null> {
    const storage = await this.#open();
    if (!storage.ok) {
      this.notice = storage.error.message;
      return null;
    }
    const result = await work(storage.value);
    if (!result.ok) {
      this.notice = result.error.message;
      return null;
    }
    return result.value;
  }

  /** Reads the list from storage. */
  async refresh(): Promise<void> {
    const list = await this.#use((storage) => storage.list());
    if (list) this.list = list;
  }

  /**
   * Saves a study now, as itself (later saves of the same study replace it): no debounce, so a
   * trial that ended is on disk a write later, not a delay later. While a write is in progress,
   * saves of the same study wait behind it as one write of its latest state.
   */
  scheduleSave(study: Study, backend: BackendName): void {
    let identity = this.#ids.get(study);
    if (!identity) {
      const now = Date.now();
      identity = { id: newStudyId(now), name: '' };
      this.#ids.set(study, identity);
    }
    identity.data ??= dataToSave(study.setup.datasetInfo.name, study.setup.dataset, study.setup.split);
    const { id, data } = identity;
    if (this.#queued.has(id)) return;
    this.#queued.add(id);
    this.#writes = this.#writes.then(() => {
      // The study as it is when its turn comes, so one write carries every trial ended meanwhile.
      this.#queued.delete(id);
      return this.#save(identity, study.toExport(backend), resumeInfo(study, data), data ?? undefined);
    });
  }

  /** Resolves once every save asked for so far has been written (or has failed). */
  flush(): Promise<void> {
    return this.#writes.then(() => undefined);
  }

  /** Keeps saving a resumed study under its old record, so the list holds it once. */
  adopt(study: Study, id: string, name: string): void {
    this.#ids.set(study, { id, name });
  }

  /** The newest saved search that a reload interrupted, or null: never one dismissed, nor one that ended while its save failed. */
  get interrupted(): SavedStudySummary | null {
    return this.list.find((entry) => entry.resume && !entry.resume.ended && !this.settled.has(entry.id)) ?? null;
  }

  /** Stops offering a saved search for resuming, for good (it stays in the list). */
  dismiss(id: string): void {
    this.settled = settle(this.#store, id);
  }

  /** Reads a saved study back whole (for resuming or replaying it), or null with the reason in actionError. */
  async load(id: string): Promise<LoadedStudy | null> {
    const storage = await this.#open();
    if (!storage.ok) {
      this.notice = storage.error.message;
      return null;
    }
    const result = await storage.value.get(id, readStudyText);
    this.actionError = result.ok ? null : result.error.message;
    return result.ok ? result.value : null;
  }

  async #save(identity: Identity, exported: StudyExport, resume?: ResumeInfo, data?: SavedData | 'too large'): Promise<void> {
    const now = Date.now();
    const known = this.list.find((entry) => entry.id === identity.id);
    const name = known?.name ?? (identity.name || defaultStudyName(exported, now));
    identity.name = name;
    const saved = await this.#use((storage) => storage.put(buildRecord(exported, { id: identity.id, name, savedAt: now, resume, ...(data && data !== 'too large' ? { data } : {}) })));
    if (saved) {
      this.notice = null;
      this.list = [saved, ...this.list.filter((entry) => entry.id !== saved.id)];
    } else if (resume?.ended) {
      // The record still says the search runs: settle it elsewhere, so a reload doesn't offer it.
      this.settled = settle(this.#store, identity.id);
    }
  }

  /** Opens a saved study read-only. */
  async open(id: string): Promise<void> {
    const found = await this.#read(id);
    if (found) this.#show(found);
  }

  /** Closes the read-only view. */
  close(): void {
    this.#show(null);
  }

  /** Shows `study` read-only (or none), letting go of the trials of the one shown before unless kept. */
  #show(study: OpenedStudy | null): void {
    const before = this.opened;
    this.opened = study;
    if (before) this.#recent.release(before.rows);
  }

  async #read(id: string): Promise<OpenedStudy | null> {
    const known = this.#recent.get(id);
    const listed = this.list.find((entry) => entry.id === id);
    // The record may have been renamed or saved again since: only an unchanged one is reused.
    if (known && listed && listed.savedAt === known.summary.savedAt && listed.trialCount === known.summary.trialCount) {
      this.actionError = null;
      return { ...known, summary: listed };
    }
    const storage = await this.#open();
    if (!storage.ok) {
      this.notice = storage.error.message;
      return null;
    }
    let rows: TrialRows | null = null;
    const result = await openRecord(storage.value, id, (update) => {
      if (rows) this.#update(rows, update, (message) => (this.actionError = `The saved study is damaged. ${message}`));
    });
    this.actionError = result.ok ? null : result.error.message;
    if (result.ok) rows = result.value.rows;
    if (!result.ok) return null;
    this.#recent.remember(id, result.value);
    return result.value;
  }

  /** Adds a study to the comparison or takes it out; at most two, the oldest pick dropped. */
  async toggleCompare(id: string): Promise<void> {
    if (this.compared.some((entry) => entry.summary.id === id)) {
      this.compared = this.compared.filter((entry) => entry.summary.id !== id);
      return;
    }
    const found = await this.#read(id);
    if (found) this.compared = [...this.compared, found].slice(-2);
  }

  /** Renames a saved study. */
  async rename(id: string, name: string): Promise<void> {
    const renamed = await this.#use((storage) => storage.rename(id, name));
    if (!renamed) return;
    this.list = this.list.map((entry) => (entry.id === id ? renamed : entry));
    if (this.opened?.summary.id === id) this.opened = { ...this.opened, summary: renamed };
  }

  /** Deletes a saved study (the running study saves again as its next trial ends). */
  async remove(id: string): Promise<void> {
    const storage = await this.#open();
    if (!storage.ok) {
      this.notice = storage.error.message;
      return;
    }
    const removed = await storage.value.remove(id);
    if (!removed.ok) {
      this.actionError = removed.error.message;
      return;
    }
    this.list = this.list.filter((entry) => entry.id !== id);
    if (this.opened?.summary.id === id) this.opened = null;
    this.compared = this.compared.filter((entry) => entry.summary.id !== id);
    this.#recent.forget(id);
  }

  /**
   * Imports study JSON (text, or a file: then the worker reads it and storage keeps the file, so its
   * 20 MB never pass through the page as a string): refused with a message and no change, or
   * saved, listed and opened.
   */
  async importText(source: string | Blob, fileName: string): Promise<void> {
    const base = fileName.replace(/\.json$/i, '').slice(0, 80) || 'imported';
    // Strategy and dataset first, so imports tell themselves apart from each other and from saved searches.
    await this.#openText(source, (study) => `${study.strategy.name} on ${study.dataset.name}, ${base} (imported)`);
  }

  /** Saves a finished study (a lesson's search) under `name`, lists it and opens it read-only in the Search tab. */
  async keepAndOpen(study: Study, backend: BackendName, name: string): Promise<void> {
    await this.#openText(JSON.stringify(study.toExport(backend)), () => name);
  }

  async #openText(source: string | Blob, nameOf: (study: StudyHead) => string): Promise<void> {
    let rows: TrialRows | null = null;
    let ended: (state: StudyOpen) => void = () => {};
    const end = new Promise<StudyOpen>((resolve) => (ended = resolve));
    const parsed = await openStudy(source, (update) => {
      if (rows) this.#update(rows, update, (message) => (this.importError = message));
      if (!update.ok || update.complete) ended(update);
    });
    if (!parsed.ok) {
      this.importError = parsed.message;
      return;
    }
    this.importError = null;
    rows = parsed.rows;
    const now = Date.now();
    const summary: SavedStudySummary = { id: newStudyId(now), name: nameOf(parsed.head), savedAt: now, trialCount: parsed.trialCount, best: parsed.best };
    // Opened even when storage fails, and before a large file is read to the end: the import is worth looking at.
    const opened: OpenedStudy = { summary, study: parsed.head, columns: parsed.columns, rows: parsed.rows, ...(parsed.complete ? {} : { reading: { trials: parsed.trialCount } }) };
    this.#recent.remember(summary.id, opened);
    this.#show(opened);
    // Saved only once every trial is read and checked (a refusal at trial 150,000 saves nothing).
    const final = parsed.complete ? parsed : await end;
    if (!final.ok) return;
    const done = { ...summary, trialCount: final.trialCount, best: final.best };
    this.#update(parsed.rows, final, () => {}, done);
    // The record keeps the text or file it was read from: the 20 MB are never written out again.
    const saved = await this.#use((storage) => storage.put({ ...done, json: source }));
    if (saved) this.list = [saved, ...this.list];
  }

  /** Shows a later state of the study whose trials are `rows` wherever it is open, compared or kept; a refusal closes it and goes to `refused`. */
  #update(rows: TrialRows, update: StudyOpen, refused: (message: string) => void, summary?: SavedStudySummary): void {
    const message = applyStudyUpdate(this, this.#recent, rows, update, summary);
    if (message !== null) refused(message);
  }

  /** Imports a study file, refusing one too large before reading it. */
  async importFile(file: File): Promise<void> {
    // A file's bytes are at least its characters, so this refuses only what parseStudyJson would.
    if (file.size > maxStudyCharacters) {
      this.importError = `This file is not a study this app can open: it is larger than the limit of ${maxStudyCharacters / 1024 / 1024} MB.`;
      return;
    }
    await this.importText(file, file.name);
  }
}

/** The page's saved studies. */
export const savedStudies = new SavedStudies();
