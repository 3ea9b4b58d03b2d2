/**
 * The page's reactive state for training one model by hand: the dataset (generated, shipped,
 * uploaded or drawn), its split, the model settings and the trial being trained, with what the
 * trained model says about the picture and the validation rows. Talks to the trainer worker;
 * draws nothing.
 */
import { formatColumnList, parseColumnList } from '../core/columnList';
import { baselineLoss, baselineMeanSquaredError } from '../core/diagnose';
import type { ModelSettings } from '../core/modelSettings';
import { defaultSettings, settingDefinitions, validateSetting, type DatasetName } from '../core/settings';
import { csvToDataset } from '../datasets/csv';
import type { Dataset, Split, Task } from '../datasets/dataset';
import { datasetFromPoints, missingClasses, removeNearestPoint, type DrawnPoint } from '../datasets/drawnPoints';
import { datasetGenerators, generateDataset } from '../datasets/index';
import { parseCsvFile } from '../datasets/parseCsvFile';
import { loadRealDataset } from '../datasets/realData';
import type { SplitFractions } from '../datasets/split';
import { splitForTraining } from '../datasets/trainingSplit';
import { drawnExtent, paddedExtent, probeView, splitProbeOutputs, type BoundaryOutputs, type Extent, type ProbeOutputs, type ProbeView, type ValidationOutputs } from '../analysis/probe';
import { planProbeWithPlane, type ProjectionOutputs } from '../analysis/pcaPlane';
import type { PageSettings } from './pageSettings.svelte';
import type { Trainer } from './trainer.svelte';
import { trialData } from '../core/trialInputs';
import { invalidSetting } from '../core/modelChecks';
import { endToState, messageOf, type CsvUpload, type ManualTrial } from './manualTrial';

export type { CsvUpload, ManualTrial } from './manualTrial';

const generatorNames = new Set(datasetGenerators.map((generator) => generator.name));
const realNames = new Set(['digits', 'iris']);
/** The table's defaults, for data and a split that stand in while the chosen ones cannot be used. */
const fallback = defaultSettings();

/** State of the hand-training page, shared by its panels and charts. */
export class Playground {
  #errorMessage = $state('');
  /** The picker's choice; the dataset in use follows once it exists (a file read, a download done). */
  get choice(): DatasetName { return this.page.values.dataset; }
  set choice(value: DatasetName) { this.page.values.dataset = value; }
  /** Name of the dataset in use. */
  datasetName = $state<DatasetName>(settingDefinitions.dataset.default);
  get samples(): number { return this.page.values.samples; }
  set samples(value: number) { this.page.values.samples = value; }
  get noise(): number { return this.page.values.noise; }
  set noise(value: number) { this.page.values.noise = value; }
  get dataSeed(): number { return this.page.values.dataSeed; }
  set dataSeed(value: number) { this.page.values.dataSeed = value; }
  get classes(): number { return this.page.values.classes; }
  set classes(value: number) { this.page.values.classes = value; }
  get trainFraction(): number { return this.page.values.trainFraction; }
  set trainFraction(value: number) { this.page.values.trainFraction = value; }
  get validationFraction(): number { return this.page.values.validationFraction; }
  set validationFraction(value: number) { this.page.values.validationFraction = value; }
  get trainingSeed(): number { return this.page.values.trainingSeed; }
  set trainingSeed(value: number) { this.page.values.trainingSeed = value; }
  /** The model settings, bound by the model form (the page's settings object, read as ModelSettings). */
  get settings(): ModelSettings {
    return this.page.values;
  }
  set settings(model: ModelSettings) {
    Object.assign(this.page.values, model);
  }
  /** Points a person placed on the plane, and how many classes they may use. */
  drawnPoints = $state.raw<readonly DrawnPoint[]>([]);
  drawnClassCount = $state(2);
  /** Class a click on the plane adds. */
  selectedClass = $state(0);
  /** The last CSV file that parsed, and the target and task chosen for it. */
  csvUpload = $state.raw<CsvUpload | null>(null);
  csvTarget = $state('');
  csvTask = $state<Task>('classification');
  /** Columns left out of the features, as the page's settings (and so the link and the study) keep them: also names the current file lacks. */
  get csvIgnoredSetting(): string[] {
    const parsed = parseColumnList(this.page.values.csvIgnored);
    return parsed.ok ? parsed.value : [];
  }
  /** Columns of the uploaded table left out of the features (an id column, text the model cannot read). */
  get csvIgnored(): string[] {
    const columns = this.csvUpload?.table.columns;
    const left = this.csvIgnoredSetting;
    return columns ? left.filter((name) => columns.some((column) => column.name === name)) : left;
  }
  /** The last CSV dataset that built without an error. */
  csvDataset = $state.raw<Dataset | null>(null);
  /** The upload csvDataset was built from: another file than csvUpload while a new file is not in use yet. */
  csvBuiltFrom = $state.raw<CsvUpload | null>(null);
  /** Shipped datasets fetched so far. */
  realDatasets = $state.raw<Partial<Record<string, Dataset>>>({});
  /** Name of a shipped dataset or file being read, or ''. */
  loading = $state('');
  trial = $state.raw<ManualTrial | null>(null);
  /** The 2-D boundary of the trial (grid outputs), if the dataset has two features. */
  boundary = $state.raw<BoundaryOutputs | null>(null);
  /** The fitted curve of the trial ([curveResolution] outputs), for 1-D regression. */
  curve = $state.raw<ProbeOutputs | null>(null);
  /** The trial's outputs on the PC1–PC2 plane's grid, for data with more than two features. */
  projection = $state.raw<ProjectionOutputs | null>(null);
  /** The trial's outputs on its validation rows. */
  predictions = $state.raw<ValidationOutputs | null>(null);

  #lastGenerated: Dataset | null = null;
  generated: { dataset: Dataset | null; problem: string } = $derived.by(() => {
    if (!generatorNames.has(this.datasetName)) return { dataset: this.#lastGenerated, problem: '' };
    try {
      this.#lastGenerated = generateDataset(this.datasetName, { samples: this.samples, noise: this.noise, seed: this.dataSeed, classes: this.classes });
      return { dataset: this.#lastGenerated, problem: '' };
    } catch (error) {
      return { dataset: this.#lastGenerated, problem: `${messageOf(error)}; the page keeps the last valid points.` };
    }
  });

  dataset: Dataset = $derived.by(() => {
    const name = this.datasetName;
    if (name === 'drawn') return datasetFromPoints(this.drawnPoints, this.drawnClassCount);
    if (name === 'csv' && this.csvDataset) return this.csvDataset;
    if (realNames.has(name) && this.realDatasets[name]) return this.realDatasets[name];
    return this.generated.dataset ?? generateDataset(fallback.dataset, { samples: fallback.samples, noise: fallback.noise, seed: fallback.dataSeed });
  });

  testFraction: number = $derived(Math.round((1 - this.trainFraction - this.validationFraction) * 1e6) / 1e6);
  /** Why the split fractions cannot be used ('' when they can); the default split stands in meanwhile. */
  fractionsProblem: string = $derived.by(() => {
    for (const key of ['trainFraction', 'validationFraction', 'testFraction'] as const) {
      const checked = validateSetting(key, this[key]);
      if (!checked.ok) return `${checked.notice} The test share is what training and validation leave; the page uses ${fallback.trainFraction} / ${fallback.validationFraction} / ${fallback.testFraction} meanwhile.`;
    }
    return '';
  });
  fractions: SplitFractions = $derived(
    this.fractionsProblem ? { train: fallback.trainFraction, validation: fallback.validationFraction, test: fallback.testFraction } : { train: this.trainFraction, validation: this.validationFraction, test: Math.max(0, this.testFraction) },
  );
  trainingSplit = $derived(splitForTraining(this.dataset, this.fractions, this.dataSeed));
  split: Split = $derived(this.trainingSplit.split);
  /** A sentence when the split is not a held-out one (too few points), else ''. */
  splitNote: string = $derived(this.trainingSplit.note);
  view: ProbeView = $derived(probeView(this.dataset));
  extent: Extent = $derived(this.datasetName === 'drawn' ? drawnExtent : paddedExtent(this.dataset));
  /** Loss of ignoring the inputs on the training split: what "underfit" is judged against. */
  baselineLoss: number | undefined = $derived.by(() => {
    // Undefined while there is nothing to measure (no points drawn yet, an empty split).
    const targets = this.split.train.filter((row) => row < this.dataset.size).map((row) => this.dataset.targets[row]);
    if (targets.length === 0) return undefined;
    if (this.dataset.classCount === 0) return baselineMeanSquaredError(targets);
    const counts = new Array<number>(this.dataset.classCount).fill(0);
    for (const label of targets) if (label >= 0 && label < counts.length) counts[label] += 1;
    return counts.some((count) => count > 0) ? baselineLoss(counts) : undefined;
  });

  readonly trainer: Trainer;
  /** The page's settings object the data and model fields read and write. */
  readonly page: PageSettings;

  constructor(trainer: Trainer, page: PageSettings) {
    this.trainer = trainer;
    this.page = page;
  }

  /** The model settings alone, as a plain snapshot. */
  modelSettings(): ModelSettings {
    return this.page.modelSettings();
  }

  /** A message a person should read (a failed trial, a bad file, a bad setting); empty when all is well. */
  get errorMessage(): string {
    return this.#errorMessage || this.generated.problem || this.fractionsProblem;
  }

  set errorMessage(message: string) {
    this.#errorMessage = message;
  }

  /** Switches the picker; the data follows at once, or when its file has been read or fetched. */
  choose(name: DatasetName): void {
    this.choice = name;
    this.#errorMessage = '';
    if (realNames.has(name) && !this.realDatasets[name]) void this.#loadReal(name);
    else if (name !== 'csv' || this.csvDataset) this.datasetName = name;
  }

  async #loadReal(name: DatasetName): Promise<void> {
    this.loading = name;
    try {
      const dataset = await loadRealDataset(name);
      this.realDatasets = { ...this.realDatasets, [name]: dataset };
      if (this.choice === name) this.datasetName = name;
    } catch (error) {
      this.#errorMessage = messageOf(error);
      if (this.choice === name) this.choice = this.datasetName;
    } finally {
      if (this.loading === name) this.loading = '';
    }
  }

  /** Reads a picked CSV file; a bad file leaves the data in use as it was and says why. */
  async uploadCsv(file: File): Promise<void> {
    this.#errorMessage = '';
    this.loading = 'csv';
    try {
      const read = await parseCsvFile(file);
      if (!read.ok) {
        this.#errorMessage = read.error.message;
        return;
      }
      const table = read.value;
      const target = table.columns[table.columns.length - 1];
      // The columns left out stay in the settings: a file with those columns (the same file after a reload) leaves them out again.
      this.csvUpload = { fileName: file.name, table };
      this.csvTarget = target.name;
      this.csvTask = target.numeric && target.distinctValues > 20 ? 'regression' : 'classification';
      this.buildCsvDataset();
    } finally {
      if (this.loading === 'csv') this.loading = '';
    }
  }

  /** Builds the uploaded table into a dataset with the chosen target and task; on a problem keeps the last good one. */
  buildCsvDataset(): void {
    if (!this.csvUpload) return;
    const name = this.csvUpload.fileName.replace(/\.csv$/i, '') || 'upload';
    const ignore = this.csvIgnored.filter((column) => column !== this.csvTarget);
    // A text target can only be classes: choosing one after a numeric target leaves regression.
    if (this.csvUpload.table.columns.find((column) => column.name === this.csvTarget)?.numeric === false) this.csvTask = 'classification';
    const built = csvToDataset(this.csvUpload.table, { target: this.csvTarget, task: this.csvTask, name, ignore });
    if (!built.ok) {
      this.#errorMessage = built.error.message;
      return;
    }
    this.#errorMessage = '';
    this.csvDataset = built.value.dataset;
    this.csvBuiltFrom = this.csvUpload;
    if (this.choice === 'csv') this.datasetName = 'csv';
  }

  /** Leaves a column of the uploaded table out of the features (or takes it back in) and rebuilds the dataset. */
  setCsvColumnIgnored(column: string, ignored: boolean): void {
    const others = this.csvIgnoredSetting.filter((name) => name !== column);
    this.page.values.csvIgnored = formatColumnList(ignored ? [...others, column] : others);
    this.buildCsvDataset();
  }

  /**
   * A click on the drawing plane at (x, y) in data units: removes the point within `radius`
   * (data units) of it, if any, or every click with `remove`; otherwise adds a point of the selected class.
   */
  pickPoint(x: number, y: number, remove: boolean, radius: number): void {
    const without = removeNearestPoint(this.drawnPoints, x, y, radius);
    if (without !== this.drawnPoints || remove) {
      this.drawnPoints = without;
      return;
    }
    this.drawnPoints = [...this.drawnPoints, { x, y, label: Math.min(this.selectedClass, this.drawnClassCount - 1) }];
  }

  /** Why the data in use cannot train now ('' when it can). */
  get dataNotReady(): string {
    if (this.loading) return `The ${this.loading} data is still loading.`;
    if (this.choice === 'csv' && !this.csvDataset) return 'Pick a CSV file first.';
    if (this.datasetName === 'drawn') {
      const missing = missingClasses(this.drawnPoints, this.drawnClassCount);
      if (missing.length > 0) return `Draw at least one point of ${missing.map((label) => `class ${label + 1}`).join(' and ')} first.`;
    }
    if (this.dataset.size === 0) return 'There are no points to train on.';
    return '';
  }

  /** Trains the current settings on the training split; the curves fill in as epochs arrive. */
  train(): void {
    if (this.trial?.state === 'running') this.stop();
    this.#errorMessage = '';
    const problem = invalidSetting(this.modelSettings()) || this.dataNotReady;
    if (problem) {
      this.#errorMessage = problem;
      return;
    }
    const dataset = this.dataset;
    const validation = [...this.split.validation];
    const plan = planProbeWithPlane(dataset, this.extent, validation);
    let trial: ManualTrial = { id: 0, state: 'running', epochs: [], durationMs: 0, keptEpoch: 0, settings: $state.snapshot(this.settings), trainingSamples: this.split.train.length };
    const update = (next: ManualTrial) => {
      trial = next;
      if (this.trial?.id === trial.id) this.trial = trial;
    };
    const training = this.trainer.run(
      { seed: this.trainingSeed, settings: this.modelSettings(), data: trialData(dataset, [...this.split.train], validation), probe: plan.rows.length > 0 ? plan.rows : undefined },
      (records) => update({ ...trial, epochs: [...trial.epochs, ...records] }),
      (outputs, outputSize, epoch) => {
        if (this.trial?.id !== trial.id) return;
        const parts = splitProbeOutputs(outputs, outputSize, plan.pictureRows);
        const common = { trialId: trial.id, epoch, outputSize, dataset };
        if (plan.view === 'plane') this.boundary = { ...common, outputs: parts.picture };
        if (plan.view === 'curve') this.curve = { ...common, outputs: parts.picture };
        if (plan.plane) this.projection = { ...common, outputs: parts.picture, plane: plan.plane };
        this.predictions = { ...common, outputs: parts.validation, rows: validation };
      },
    );
    void training.done.then(({ end, durationMs, keptEpoch, error }) => {
      update({ ...trial, state: endToState(end), durationMs, keptEpoch, error });
      if (end === 'failed' && this.trial?.id === trial.id) this.#errorMessage = `Training failed: ${error ?? 'unknown error'}`;
    });
    const id = training.id;
    trial = { ...trial, id };
    this.trial = trial;
    this.predictions = null;
  }

  /** Stops the running trial after its current step. */
  stop(): void {
    if (this.trial?.state === 'running') this.trainer.stop(this.trial.id);
  }
}
