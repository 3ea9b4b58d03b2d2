/**
 * The thresholds of the learning-curve diagnosis, and its rules as sentences for the page's help,
 * in the order diagnose() checks them.
 */
import { stepSizeBands } from './diagnosisContext';
import type { DiagnosisLabel } from './trial';

/** Every threshold the rules use; the page's help shows them through `diagnosisRules`. */
export const diagnosisThresholds = {
  /** Fewer epochs than this show no trend: such a curve is "not converged" unless it diverged. */
  minimumEpochs: 3,
  /** A training loss above this multiple of its first-epoch value (and above the baseline) has exploded. */
  explosionFactor: 10,
  /** A training loss this many times the baseline has diverged even in its first epoch: no learning gets there. */
  baselineExplosionFactor: 100,
  /** First-epoch losses below this count as this much, so that a near-zero start makes no tiny loss "exploded". */
  explosionFloor: 1e-3,
  /** A training loss ending above this multiple of the baseline, and not falling, is worse than ignoring the inputs. */
  worseThanBaselineFactor: 2,
  /** A rise by more than this ratio from one epoch to the next, undone by a fall of the same ratio, is a spike. */
  spikeRatio: 1.25,
  /** Moves smaller than this fraction of the curve's first value are noise, never spikes or setbacks. */
  negligibleChange: 0.05,
  /** A curve oscillates when it has at least this many spikes… */
  minimumSpikes: 2,
  /** …and at least this fraction of its epoch-to-epoch steps are spikes. */
  minimumSpikeShare: 0.1,
  /** A training loss ending more than this fraction above its own best has been knocked back. */
  trainingSetback: 0.25,
  /** Validation loss ending more than this fraction above its minimum, with the gap widening as much, is overfit. */
  overfitRise: 0.1,
  /** The validation minimum must lie at least this many epochs before the last one. */
  overfitEpochsAfterBest: 2,
  /** Where a curve ends is read as the mean of this fraction of its last epochs (at least one). */
  endWindow: 0.2,
  /** Whether a curve still falls is read from a line fitted to this fraction of its last epochs (at least 3). */
  slopeWindow: 0.25,
  /** A curve still falls when that line drops over the window by more than this fraction of all progress so far… */
  stillFallingShareOfProgress: 0.1,
  /** …and by more than this fraction of the curve's level per epoch. */
  stillFallingPerEpoch: 0.005,
  /** A training loss ending at this fraction of the baseline or above has learned too little. */
  underfitFraction: 0.7,
  /** A training loss ending at this fraction of the baseline or above has hardly moved from it: stuck, when the step size explains it. */
  stuckFraction: 0.9,
  /** Moves smaller than this fraction of the baseline loss are noise, never overfitting or instability (a loss of 1e-7 wobbling to 2e-7 is not a trend). */
  noiseFloor: 0.01,
} as const;

const limits = diagnosisThresholds;
/** A fraction as a whole percentage. */
export const percent = (fraction: number) => `${Math.round(fraction * 100)}%`;

/** The rules in the order they are checked (a label may appear twice), as sentences for the page's help. */
export const diagnosisRules: { label: DiagnosisLabel; rule: string }[] = [
  {
    label: 'diverged',
    rule:
      `a loss is NaN or infinite (or the trainer stopped the trial for that), or the training loss rises above ${limits.explosionFactor}× its first-epoch value ` +
      `(and above the baseline), or above ${limits.baselineExplosionFactor}× the baseline at any epoch.`,
  },
  {
    label: 'pruned',
    rule: 'the early-stopping schedule stopped the trial after a few epochs because it was behind the others: its curve is cut short on purpose.',
  },
  { label: 'not converged', rule: `fewer than ${limits.minimumEpochs} epochs: too short to see a trend.` },
  {
    label: 'diverged',
    rule: `the training loss ends above ${limits.worseThanBaselineFactor}× the baseline and is not falling.`,
  },
  {
    label: 'unstable',
    rule:
      `a loss jumps up by more than ${percent(limits.spikeRatio - 1)} and straight back down at least ${limits.minimumSpikes} times ` +
      `(and in at least ${percent(limits.minimumSpikeShare)} of the epochs), or the training loss ends more than ` +
      `${percent(limits.trainingSetback)} above its best; moves under ${percent(limits.noiseFloor)} of the baseline never count.`,
  },
  {
    label: 'overfit',
    rule:
      `the training loss ended below ${percent(limits.underfitFraction)} of the baseline (the model fits its training data), and ` +
      `validation loss reached its minimum at least ${limits.overfitEpochsAfterBest} epochs before the end, then ended more ` +
      `than ${percent(limits.overfitRise)} above it while the gap to the training loss widened by as much ` +
      `(and by more than ${percent(limits.noiseFloor)} of the baseline: smaller moves are noise).`,
  },
  {
    label: 'stuck',
    rule:
      `the training loss ended at ${percent(limits.stuckFraction)} or more of the baseline, in a model with hidden layers, with a ` +
      `learning rate that is large for its optimiser (Adam or RMSprop from ${stepSizeBands.adam.large}, SGD from ${stepSizeBands.sgd.large}) ` +
      `or tiny (Adam ${stepSizeBands.adam.tiny} or less, SGD ${stepSizeBands.sgd.tiny} or less).`,
  },
  {
    label: 'not converged',
    rule:
      `training and validation losses were both still falling over the last ${percent(limits.slopeWindow)} of the epochs ` +
      `(by more than ${percent(limits.stillFallingShareOfProgress)} of their progress so far).`,
  },
  {
    label: 'underfit',
    rule:
      `the training loss ended at ${percent(limits.underfitFraction)} or more of the baseline loss, the loss of predicting ` +
      `the class frequencies (or the mean target); without a baseline, of its first-epoch value.`,
  },
  { label: 'good fit', rule: 'none of the above: both losses fell and levelled off together.' },
];
