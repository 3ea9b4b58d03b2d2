/**
 * What a guided lesson is made of: its steps, preset, run and predictions (the data of lessons.ts).
 */
import type { ModelSettings } from '../core/modelSettings';
import type { Settings, StrategyName } from '../core/settings';
import type { LessonRunResult, Reveal } from './revealRules';

/** One hand-trained model of a lesson: the settings laid over the preset's. */
export interface ModelVariant {
  id: string;
  label: string;
  settings: Partial<ModelSettings>;
}

/** What a lesson's Run button does once the preset is applied. */
export type LessonRun =
  /** Trains each variant once on the preset's data; runs are named by variant id. With `weights`, each run keeps its final weights. */
  | { kind: 'models'; variants: ModelVariant[]; weights?: boolean }
  /**
   * Runs the search form once per strategy, in order; with `testBest` the last search's best trial is then scored once on the
   * test split. With `repetitions`, each strategy runs that many times (search seeds seed, seed + 1, …) and the result carries
   * the best value of every repetition as `distribution`: one draw of a few trials cannot carry a claim about strategies.
   */
  | { kind: 'searches'; strategies: StrategyName[]; testBest?: boolean; repetitions?: number }
  /**
   * Trains the preset's model on differently drawn validation splits of the training and validation rows (runs `split-1` …
   * `split-n`: the first fold of a k-fold deal with seeds seed, seed + 1, …) and on the k folds of one deal (runs `fold-1` … `fold-k`).
   */
  | { kind: 'splits'; repeats: number; folds: number };

/** One choice of a prediction. */
export interface PredictionChoice {
  id: string;
  label: string;
}

/** A guess the student commits before the run, and the rule that answers it from the run. */
export interface Prediction {
  question: string;
  choices: PredictionChoice[];
  /** The answer compared with `guess`, or null when the result holds nothing to answer with. */
  reveal(guess: string, result: LessonRunResult): Reveal | null;
}

/** A guided scenario. */
export interface Lesson {
  /** What `#lesson=` names; lowercase words and dashes. */
  id: string;
  title: string;
  /** Short paragraphs in plain language, read in order. */
  steps: string[];
  /** Settings for a GPU: each lesson's run takes about a minute on a laptop. */
  preset: Partial<Settings>;
  /** Laid over `preset` on the CPU or WASM backends: fewer, smaller trials. */
  smallPreset: Partial<Settings>;
  run: LessonRun;
  predictions: Prediction[];
  /** Where the facts come from. */
  references?: string[];
  /** For the teacher: a question to ask the class, the common misconception, and what to point at on the screen. */
  teacherNote?: { question: string; misconception: string; pointAt: string };
}

/** A lesson's claim: a sentence, and whether a run's result bears it out (checked over seeds by check:lessons). */
export interface LessonClaim {
  statement: string;
  holds(result: LessonRunResult): boolean;
}
