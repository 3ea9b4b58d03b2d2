/**
 * Summaries of repeated runs for the sweep charts: per x value, the mean, standard deviation,
 * minimum and maximum of the final training and validation losses over seeds; and, for a
 * validation curve, which values underfit and which overfit.
 */
import { diagnosisThresholds } from '../core/diagnose';
import { maxOf, minOf } from '../core/extent';

/** The final losses of one run of a sweep. */
export interface RunResult {
  /** The x value of the run (rows, or the swept setting's value). */
  x: number;
  /** Training loss at the kept epoch. */
  trainLoss: number;
  /** Validation loss at the kept epoch. */
  validationLoss: number;
}

/** Mean, sample standard deviation, minimum and maximum of a few numbers. */
export interface Spread {
  mean: number;
  /** Sample standard deviation (n − 1); 0 for a single value. */
  std: number;
  min: number;
  max: number;
}

/** Both losses at one x value, over the seeds that gave finite losses. */
export interface ScoreBand {
  x: number;
  /** Runs summarised (finite losses only). */
  count: number;
  /** Runs left out because a loss was NaN or infinite (diverged). */
  diverged: number;
  train: Spread;
  validation: Spread;
}

/** Mean, standard deviation (n − 1), min and max of values; throws on an empty list. */
export function spread(values: readonly number[]): Spread {
  if (values.length === 0) throw new RangeError('spread needs at least one value');
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  const squares = values.reduce((sum, value) => sum + (value - mean) ** 2, 0);
  return { mean, std: values.length > 1 ? Math.sqrt(squares / (values.length - 1)) : 0, min: minOf(values), max: maxOf(values) };
}

/** Groups runs by x (ascending) and summarises each group; x values whose every run diverged are left out. */
export function scoreBands(runs: readonly RunResult[]): ScoreBand[] {
  const groups = new Map<number, RunResult[]>();
  for (const run of runs) groups.set(run.x, [...(groups.get(run.x) ?? []), run]);
  return [...groups.entries()]
    .sort(([a], [b]) => a - b)
    .flatMap(([x, group]) => {
      const finite = group.filter((run) => Number.isFinite(run.trainLoss) && Number.isFinite(run.validationLoss));
      if (finite.length === 0) return [];
      return [{
        x,
        count: finite.length,
        diverged: group.length - finite.length,
        train: spread(finite.map((run) => run.trainLoss)),
        validation: spread(finite.map((run) => run.validationLoss)),
      }];
    });
}

/** What a validation curve says at one value of the swept setting. */
export type FitRegion = 'underfit' | 'good' | 'overfit';

/**
 * Labels each band of a validation curve. The best value is the one with the lowest mean
 * validation loss. Another value is worse when its validation loss is more than `overfitRise`
 * (10%) above the best; it then overfits if the gap between validation and training loss widened
 * by more than that much of the best loss (training got better while validation got worse), and
 * underfits otherwise (both got worse). Any value whose training loss reaches `underfitFraction`
 * (70%) of the baseline, the loss of ignoring the inputs, underfits, the best one included.
 */
export function fitRegions(bands: readonly ScoreBand[], options: { baselineLoss?: number } = {}): FitRegion[] {
  if (bands.length === 0) return [];
  const best = bands.reduce((lowest, band) => (band.validation.mean < lowest.validation.mean ? band : lowest));
  const tolerance = diagnosisThresholds.overfitRise * best.validation.mean;
  const bestGap = best.validation.mean - best.train.mean;
  return bands.map((band) => {
    if (options.baselineLoss !== undefined && band.train.mean >= diagnosisThresholds.underfitFraction * options.baselineLoss) return 'underfit';
    if (band.validation.mean <= best.validation.mean + tolerance) return 'good';
    return band.validation.mean - band.train.mean > bestGap + tolerance ? 'overfit' : 'underfit';
  });
}

/** Runs of neighbouring bands with one label: [{ region, first, last }] as indices into the bands. */
export function regionSpans(regions: readonly FitRegion[]): { region: FitRegion; first: number; last: number }[] {
  const spans: { region: FitRegion; first: number; last: number }[] = [];
  regions.forEach((region, index) => {
    const current = spans.at(-1);
    if (current && current.region === region) current.last = index;
    else spans.push({ region, first: index, last: index });
  });
  return spans;
}
