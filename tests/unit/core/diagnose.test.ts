import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  baselineLoss,
  baselineMeanSquaredError,
  detectDivergence,
  diagnose,
  diagnosisRules,
  diagnosisThresholds,
} from '../../../src/lib/core/diagnose';
import { diagnosisLabels, type DiagnosisLabel, type EpochRecord } from '../../../src/lib/core/trial';
import { createRandom } from '../../../src/lib/core/random';

const ln2 = Math.log(2);

/** Epoch records from per-epoch training and validation losses (epochs from 1). */
function curves(train: number[], validation: number[]): EpochRecord[] {
  return train.map((trainLoss, i) => ({ epoch: i + 1, trainLoss, validationLoss: validation[i] }));
}

/** `epochs` values decaying exponentially from `start` towards `floor`, with time constant `timeConstant` epochs. */
function decay(start: number, floor: number, timeConstant: number, epochs: number): number[] {
  return Array.from({ length: epochs }, (_, i) => floor + (start - floor) * Math.exp(-i / timeConstant));
}

/** `epochs` values on a straight line from `start` to `end`. */
function line(start: number, end: number, epochs: number): number[] {
  return Array.from({ length: epochs }, (_, i) => start + ((end - start) * i) / (epochs - 1));
}

/** Multiplies each value by 1 + uniform noise in [-amount, amount], from a seeded generator. */
function noisy(values: number[], amount: number, seed: number): number[] {
  const random = createRandom(seed);
  return values.map((value) => value * (1 + random.uniform(-amount, amount)));
}

/** Validation falls to `bottom` at `turnEpoch`, then climbs linearly to `end` by the last epoch. */
function valley(start: number, bottom: number, turnEpoch: number, end: number, epochs: number): number[] {
  const falling = decay(start, bottom, turnEpoch / 4, turnEpoch);
  return [...falling, ...line(falling[turnEpoch - 1], end, epochs - turnEpoch + 1).slice(1)];
}

const alternate = (high: number, low: number, epochs: number) =>
  Array.from({ length: epochs }, (_, i) => (i % 2 === 0 ? high : low) * (1 - i / (4 * epochs)));

interface Case {
  name: string;
  epochs: EpochRecord[];
  baseline?: number;
  label: DiagnosisLabel;
}

const cases: Case[] = [
  {
    name: 'losses that fall and level off together',
    epochs: curves(decay(0.69, 0.1, 4, 30), decay(0.7, 0.14, 4, 30)),
    baseline: ln2,
    label: 'good fit',
  },
  {
    name: 'noisy losses that level off together (noisy but fine)',
    epochs: curves(noisy(decay(0.69, 0.1, 4, 30), 0.02, 1), noisy(decay(0.7, 0.14, 4, 30), 0.06, 2)),
    baseline: ln2,
    label: 'good fit',
  },
  {
    name: 'a good curve without a baseline',
    epochs: curves(decay(0.69, 0.1, 4, 30), decay(0.7, 0.14, 4, 30)),
    label: 'good fit',
  },
  {
    name: 'a flat curve far below the baseline (learned in the first epoch)',
    epochs: curves(Array(10).fill(0.05), Array(10).fill(0.07)),
    baseline: ln2,
    label: 'good fit',
  },
  {
    name: 'a single high last validation epoch',
    epochs: curves(decay(0.69, 0.1, 4, 30), [...decay(0.7, 0.14, 4, 29), 0.2]),
    baseline: ln2,
    label: 'good fit',
  },
  {
    name: 'one spike in an otherwise smooth curve',
    epochs: curves(decay(0.69, 0.1, 4, 30).map((value, i) => (i === 12 ? value * 2 : value)), decay(0.7, 0.14, 4, 30)),
    baseline: ln2,
    label: 'good fit',
  },
  {
    name: 'validation loss that bottoms out and rises while training loss keeps falling',
    epochs: curves(decay(0.69, 0.02, 6, 40), valley(0.7, 0.3, 10, 0.6, 40)),
    baseline: ln2,
    label: 'overfit',
  },
  {
    name: 'a noisy overfitting curve',
    epochs: curves(noisy(decay(0.69, 0.02, 6, 40), 0.02, 3), noisy(valley(0.7, 0.3, 10, 0.6, 40), 0.05, 4)),
    baseline: ln2,
    label: 'overfit',
  },
  {
    name: 'a regression curve whose validation error climbs after epoch 8',
    epochs: curves(decay(1, 0.01, 3, 25), valley(1.1, 0.2, 8, 0.5, 25)),
    baseline: 1,
    label: 'overfit',
  },
  {
    name: 'a linear model on spirals: both losses stay near the baseline',
    epochs: curves(decay(0.7, 0.66, 2, 30), decay(0.71, 0.67, 2, 30)),
    baseline: ln2,
    label: 'underfit',
  },
  {
    name: 'a regression model that explains little of the variance',
    epochs: curves(decay(1, 0.8, 2, 20), decay(1.05, 0.85, 2, 20)),
    baseline: 1,
    label: 'underfit',
  },
  {
    name: 'a flat curve at the baseline',
    epochs: curves(Array(10).fill(0.69), Array(10).fill(0.7)),
    baseline: ln2,
    label: 'underfit',
  },
  {
    name: 'a flat curve without a baseline',
    epochs: curves(Array(10).fill(0.69), Array(10).fill(0.7)),
    label: 'underfit',
  },
  {
    name: 'both losses still falling steadily at the end (learning rate too low)',
    epochs: curves(line(0.69, 0.45, 20), line(0.7, 0.47, 20)),
    baseline: ln2,
    label: 'not converged',
  },
  {
    name: 'both losses on a slow exponential that has far to go',
    epochs: curves(decay(0.69, 0.05, 30, 15), decay(0.7, 0.08, 30, 15)),
    baseline: ln2,
    label: 'not converged',
  },
  { name: 'a single epoch', epochs: curves([0.6], [0.62]), baseline: ln2, label: 'not converged' },
  { name: 'two epochs', epochs: curves([0.6, 0.5], [0.62, 0.55]), baseline: ln2, label: 'not converged' },
  { name: 'two epochs far above the baseline', epochs: curves([8.1, 8], [8.3, 8.2]), baseline: ln2, label: 'not converged' },
  {
    name: 'NaN in the middle, finite again afterwards',
    epochs: curves([0.7, 0.5, NaN, 0.4, 0.35], [0.7, 0.52, NaN, 0.45, 0.4]),
    baseline: ln2,
    label: 'diverged',
  },
  { name: 'an infinite loss in the only epoch', epochs: curves([Infinity], [Infinity]), label: 'diverged' },
  { name: 'a NaN validation loss only', epochs: curves([0.7, 0.5, 0.4], [0.7, NaN, 0.45]), label: 'diverged' },
  {
    name: 'a training loss that explodes past ten times its start',
    epochs: curves([0.7, 2, 9, 40], [0.7, 2.5, 10, 45]),
    baseline: ln2,
    label: 'diverged',
  },
  {
    name: 'a loss stuck far above the baseline (saturated by a huge step)',
    epochs: curves([8.1, 8, 8.2, 8, 8.1, 8], [8.3, 8.2, 8.4, 8.1, 8.2, 8.2]),
    baseline: ln2,
    label: 'diverged',
  },
  {
    name: 'a training loss that bounces up and down every epoch',
    epochs: curves(alternate(0.7, 0.4, 20), alternate(0.72, 0.42, 20)),
    baseline: ln2,
    label: 'unstable',
  },
  {
    name: 'a validation loss that bounces while training is smooth',
    epochs: curves(decay(0.69, 0.1, 4, 20), alternate(0.5, 0.25, 20)),
    baseline: ln2,
    label: 'unstable',
  },
  {
    name: 'a training loss knocked back far above its best',
    epochs: curves([...decay(0.69, 0.2, 3, 12), ...line(0.25, 0.5, 8)], [...decay(0.7, 0.22, 3, 12), ...line(0.27, 0.52, 8)]),
    baseline: ln2,
    label: 'unstable',
  },
];

describe('diagnose', () => {
  it.each(cases)('labels $name as $label', ({ epochs, baseline, label }) => {
    expect(diagnose(epochs, { baselineLoss: baseline }).label).toBe(label);
  });

  it('has at least one synthetic curve for every label that the curve alone can give', () => {
    const needContext = new Set<DiagnosisLabel>(['stuck', 'pruned']);
    expect(new Set(cases.map((entry) => entry.label))).toEqual(new Set(diagnosisLabels.filter((label) => !needContext.has(label))));
  });

  it('returns the epoch of the lowest validation loss as bestEpoch', () => {
    const overfit = diagnose(curves(decay(0.69, 0.02, 6, 40), valley(0.7, 0.3, 10, 0.6, 40)));
    expect(overfit.bestEpoch).toBe(10);
  });

  it('skips non-finite validation losses when choosing bestEpoch', () => {
    expect(diagnose(curves([0.7, 0.5, NaN], [0.7, 0.5, NaN])).bestEpoch).toBe(2);
    expect(diagnose(curves([NaN], [NaN])).bestEpoch).toBeNull();
  });

  it('says no epoch finished for an empty curve', () => {
    const result = diagnose([]);
    expect(result.label).toBe('not converged');
    expect(result.bestEpoch).toBeNull();
  });

  it('explains an overfit curve with its numbers and suggests regularisation', () => {
    const result = diagnose(curves(decay(0.69, 0.02, 6, 40), valley(0.7, 0.3, 10, 0.6, 40)));
    expect(result.explanation).toContain('epoch 10');
    expect(result.explanation).toContain('0.3');
    expect(result.suggestion).toMatch(/L2 or dropout/);
  });

  it('names the epoch where the loss became NaN', () => {
    expect(diagnose(curves([0.7, 0.5, NaN, 0.4], [0.7, 0.5, NaN, 0.4])).explanation).toContain('NaN (not a number) at epoch 3');
  });

  it('compares an underfit loss with the baseline when one is given', () => {
    const epochs = curves(decay(0.7, 0.66, 2, 30), decay(0.71, 0.67, 2, 30));
    expect(diagnose(epochs, { baselineLoss: ln2 }).explanation).toContain('baseline of 0.693');
    expect(diagnose(epochs).explanation).toContain('first-epoch value');
  });

  it('gives every label its own explanation and suggestions no other label gives', () => {
    const byLabel = new Map<DiagnosisLabel, Set<string>>();
    for (const entry of cases) {
      const result = diagnose(entry.epochs, { baselineLoss: entry.baseline });
      expect(result.explanation.length).toBeGreaterThan(20);
      byLabel.set(result.label, (byLabel.get(result.label) ?? new Set()).add(result.suggestion));
    }
    const all = [...byLabel.values()].flatMap((suggestions) => [...suggestions]);
    expect(new Set(all).size).toBe(all.length);
  });

  it('never throws and always returns a known label, whatever the losses', () => {
    const loss = fc.oneof(fc.double({ min: 0, max: 100 }), fc.constantFrom(NaN, Infinity, 0));
    fc.assert(
      fc.property(fc.array(fc.tuple(loss, loss), { maxLength: 40 }), fc.option(fc.double({ min: 0.01, max: 5 }), { nil: undefined }), (pairs, baseline) => {
        const result = diagnose(
          pairs.map(([trainLoss, validationLoss], i) => ({ epoch: i + 1, trainLoss, validationLoss })),
          { baselineLoss: baseline },
        );
        expect(diagnosisLabels).toContain(result.label);
        expect(result.suggestion.length).toBeGreaterThan(0);
      }),
    );
  });
});

describe('diagnosisRules', () => {
  it('lists a rule for every label, in the order they are checked, diverged first and good fit last', () => {
    expect(new Set(diagnosisRules.map((entry) => entry.label))).toEqual(new Set(diagnosisLabels));
    expect(diagnosisRules[0].label).toBe('diverged');
    expect(diagnosisRules.at(-1)?.label).toBe('good fit');
  });

  it('quotes the thresholds the code uses', () => {
    const text = diagnosisRules.map((entry) => entry.rule).join(' ');
    expect(text).toContain(`${diagnosisThresholds.explosionFactor}×`);
    expect(text).toContain(`${Math.round(diagnosisThresholds.underfitFraction * 100)}%`);
  });
});

describe('baselineLoss', () => {
  it('is ln 2 for two balanced classes', () => {
    expect(baselineLoss([50, 50])).toBeCloseTo(0.693147, 6);
  });

  it('is the entropy of the class frequencies, in nats', () => {
    expect(baselineLoss([0.9, 0.1])).toBeCloseTo(0.325083, 6);
    expect(baselineLoss([1, 1, 1])).toBeCloseTo(Math.log(3), 12);
  });

  it('is 0 when every example has the same class', () => {
    expect(baselineLoss([0, 12, 0])).toBe(0);
  });

  it('rejects negative or all-zero frequencies', () => {
    expect(() => baselineLoss([1, -1])).toThrow('invalid class frequency: -1');
    expect(() => baselineLoss([0, 0])).toThrow('invalid class frequencies');
  });
});

describe('baselineMeanSquaredError', () => {
  it('is the population variance of the targets', () => {
    expect(baselineMeanSquaredError([1, 2, 3, 4])).toBeCloseTo(1.25, 12);
    expect(baselineMeanSquaredError(new Float32Array([5, 5, 5]))).toBe(0);
  });

  it('rejects an empty target list', () => {
    expect(() => baselineMeanSquaredError([])).toThrow('invalid targets');
  });
});

describe('detectDivergence', () => {
  it('stops on NaN and infinite losses', () => {
    expect(detectDivergence(NaN, 0.7)).toBe(true);
    expect(detectDivergence(Infinity, 0.7)).toBe(true);
    expect(detectDivergence(-Infinity, 0.7)).toBe(true);
  });

  it('stops when the loss passes ten times the first epoch and the baseline', () => {
    expect(detectDivergence(7.5, 0.7, ln2)).toBe(true);
    expect(detectDivergence(6.5, 0.7, ln2)).toBe(false);
  });

  it('lets a loss past ten times a tiny first epoch go on while it stays below the baseline', () => {
    expect(detectDivergence(0.05, 0.001, ln2)).toBe(false);
    expect(detectDivergence(0.05, 0.001)).toBe(true);
  });

  it('does not call a tiny loss exploded after a near-zero first epoch', () => {
    expect(detectDivergence(1e-6, 0)).toBe(false);
  });

  it('stops a loss that exploded in its first epoch: over a hundred times the baseline', () => {
    expect(detectDivergence(33418, 33418, ln2)).toBe(true);
    expect(detectDivergence(60, 60, ln2)).toBe(false);
    expect(detectDivergence(33418, 33418)).toBe(false);
  });
});
