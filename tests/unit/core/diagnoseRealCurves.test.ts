import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diagnose, type DiagnoseOptions } from '../../../src/lib/core/diagnose';
import { stepSize, hasStrongRegularisation } from '../../../src/lib/core/diagnosisContext';
import type { ModelSettings } from '../../../src/lib/core/modelSettings';
import type { EpochRecord } from '../../../src/lib/core/trial';

/** Curves recorded from the real trainer by scripts/recordCurves.ts (TF.js CPU backend). */
interface RecordedCase {
  name: string;
  settings: Partial<ModelSettings>;
  end: string;
  baselineLoss: number;
  trainingSamples: number;
  epochs: EpochRecord[];
}

const fixture = JSON.parse(readFileSync(new URL('./fixtures/realCurves.json', import.meta.url), 'utf8')) as { cases: RecordedCase[] };
const recorded = (name: string): RecordedCase => {
  const found = fixture.cases.find((entry) => entry.name === name);
  if (!found) throw new Error(`no recorded curve named ${name}`);
  return found;
};
/** The context the page gives: baseline, classes, the trial's settings, its data size and how it ended. */
const context = (entry: RecordedCase, extra: DiagnoseOptions = {}): DiagnoseOptions => ({
  baselineLoss: entry.baselineLoss,
  classes: 2,
  ...entry.settings,
  trainingSamples: entry.trainingSamples,
  state: entry.end === 'diverged' ? 'diverged' : 'complete',
  ...extra,
});
const raisesLearningRate = /raise the learning rate|higher learning rate|larger learning rate/i;
const lowersLearningRate = /lower the learning rate/i;

describe('diagnose on curves recorded from real training', () => {
  it.each(['adam-lr-0.79-stuck', 'adam-lr-0.3-stuck', 'sgd-lr-3-stuck'])('calls %s stuck by a learning rate too large, and says to lower it', (name) => {
    const entry = recorded(name);
    const result = diagnose(entry.epochs, context(entry));
    expect(result.label).toBe('stuck');
    expect(result.explanation).toContain(`learning rate of ${entry.settings.learningRate}`);
    expect(result.explanation).toContain('baseline of 0.693');
    expect(result.suggestion).toMatch(lowersLearningRate);
    expect(result.suggestion).not.toMatch(raisesLearningRate);
  });

  it.each(['adam-lr-0.00001-tiny', 'sgd-lr-0.0001-tiny'])('calls %s stuck by a learning rate too small, and says to raise it', (name) => {
    const entry = recorded(name);
    const result = diagnose(entry.epochs, context(entry));
    expect(result.label).toBe('stuck');
    expect(result.explanation).toMatch(/tiny for it/);
    expect(result.suggestion).toMatch(raisesLearningRate);
    expect(result.suggestion).not.toMatch(lowersLearningRate);
  });

  it('never advises a higher learning rate for Adam at 0.79 stuck at the baseline, even without its settings', () => {
    const entry = recorded('adam-lr-0.79-stuck');
    const result = diagnose(entry.epochs, { baselineLoss: entry.baselineLoss, classes: 2 });
    expect(result.suggestion).not.toMatch(/a higher learning rate/);
    expect(result.suggestion).toMatch(/ten times larger or smaller/);
  });

  it('calls the Underfit preset underfit, with and without its settings, and points at the missing hidden layer', () => {
    const entry = recorded('underfit-preset');
    expect(diagnose(entry.epochs, { baselineLoss: entry.baselineLoss }).label).toBe('underfit');
    const result = diagnose(entry.epochs, context(entry));
    expect(result.label).toBe('underfit');
    expect(result.explanation).toMatch(/straight boundary/);
    expect(result.suggestion).toMatch(/add a hidden layer/i);
  });

  it('calls the Overfit preset overfit and names the training points it memorised', () => {
    const entry = recorded('overfit-preset');
    const result = diagnose(entry.epochs, context(entry));
    expect(result.label).toBe('overfit');
    expect(result.suggestion).toMatch(/add L2 or dropout/i);
    expect(result.suggestion).toContain(`${entry.trainingSamples} points`);
  });

  it('does not advise adding regularisation to an overfit trial whose regularisation is already strong', () => {
    const entry = recorded('overfit-preset');
    const result = diagnose(entry.epochs, context(entry, { l2: 0.05, dropout: 0.5 }));
    expect(result.label).toBe('overfit');
    expect(result.suggestion).toMatch(/already strong \(L2 0\.05, dropout 0\.5\)/);
    expect(result.suggestion).not.toMatch(/add L2|stronger L2/i);
  });

  it('names the 100×-baseline rule for the Diverge preset, not the 10×-first-epoch rule', () => {
    const entry = recorded('diverged-preset');
    const result = diagnose(entry.epochs, context(entry));
    expect(result.label).toBe('diverged');
    expect(result.explanation).toMatch(/more than 100 times the baseline of 0\.693/);
    expect(result.explanation).not.toMatch(/times its first value/);
    expect(result.suggestion).toMatch(/try 1, ten times smaller/);
  });

  it('calls a well-tuned spiral network a good fit', () => {
    const entry = recorded('good-fit');
    expect(diagnose(entry.epochs, context(entry)).label).toBe('good fit');
  });

  it('blames strong L2 for an underfit network and says to weaken it, not to add any', () => {
    const entry = recorded('strong-l2-underfit');
    const result = diagnose(entry.epochs, context(entry));
    expect(result.label).toBe('underfit');
    expect(result.explanation).toContain('L2 0.3');
    expect(result.suggestion).toMatch(/^Weaken the regularisation \(now L2 0\.3\)/);
  });

  it('never calls a loss that fell to nearly zero overfit or unstable', () => {
    const entry = recorded('separable-near-zero');
    expect(diagnose(entry.epochs, context(entry)).label).toBe('good fit');
  });

  it('labels a pruned trial "pruned at epoch n", not "not converged"', () => {
    const entry = recorded('good-fit');
    const result = diagnose(entry.epochs.slice(0, 5), context(entry, { state: 'pruned' }));
    expect(result.label).toBe('pruned');
    expect(result.explanation).toMatch(/^Pruned at epoch 5 of the 50 planned/);
  });
});

describe('diagnose on hand-made curves with context', () => {
  const epochsOf = (train: number[], validation: number[]): EpochRecord[] => train.map((trainLoss, i) => ({ epoch: i + 1, trainLoss, validationLoss: validation[i] }));

  it('does not call drawn data overfit when its validation loss moves from 7.95e-8 to 9.54e-8', () => {
    const train = Array.from({ length: 40 }, (_, i) => 0.5 * Math.exp(-i / 2) + 1e-8);
    const validation = Array.from({ length: 40 }, (_, i) => (i < 20 ? 0.5 * Math.exp(-i / 2) + 7.95e-8 : 7.95e-8 + ((9.54e-8 - 7.95e-8) * (i - 19)) / 20));
    const result = diagnose(epochsOf(train, validation), { baselineLoss: Math.log(2), classes: 2, trainingSamples: 12 });
    expect(result.label).toBe('good fit');
  });

  it('names the 10×-first-epoch rule when that is the one that fired', () => {
    const result = diagnose(epochsOf([0.7, 2, 9, 40], [0.7, 2.5, 10, 45]), { baselineLoss: Math.log(2), optimizer: 'sgd', learningRate: 5 });
    expect(result.explanation).toMatch(/grew to 9 at epoch 3, more than 10 times its first value \(0\.7\)/);
    expect(result.explanation).toContain('SGD at a learning rate of 5');
  });

  it('puts lowering a large learning rate first when an underfit network trained with one (Adam at 0.79 ending at 87% of the baseline)', () => {
    const train = Array.from({ length: 40 }, (_, i) => 0.6 + 0.1 * Math.exp(-i / 3));
    const result = diagnose(epochsOf(train, train.map((value) => value + 0.01)), { baselineLoss: Math.log(2), optimizer: 'adam', learningRate: 0.79, hiddenLayers: 2, units: 16 });
    expect(result.label).toBe('underfit');
    expect(result.suggestion).toMatch(/^Lower the learning rate \(try 0\.079/);
    expect(result.suggestion).not.toMatch(raisesLearningRate);
  });

  it('does not call a good fit trained at a large learning rate nothing to fix: it says to try a smaller one (Adam at 1.2)', () => {
    const train = Array.from({ length: 40 }, (_, i) => 0.33 + 0.3 * Math.exp(-i / 2));
    const validation = train.map((value) => value + 0.03);
    const large = diagnose(epochsOf(train, validation), { baselineLoss: Math.log(2), optimizer: 'adam', learningRate: 1.2 });
    expect(large.label).toBe('good fit');
    expect(large.suggestion).toMatch(/learning rate is large for Adam: try 0\.12/);
    const moderate = diagnose(epochsOf(train, validation), { baselineLoss: Math.log(2), optimizer: 'adam', learningRate: 0.01 });
    expect(moderate.suggestion).toMatch(/^Nothing to fix/);
  });

  it('leaves a good fit whose loss fell to nearly zero at nothing to fix, even at a large learning rate (separable data)', () => {
    const entry = recorded('separable-near-zero');
    const result = diagnose(entry.epochs, context(entry, { learningRate: 0.5 }));
    expect(result.label).toBe('good fit');
    expect(result.suggestion).toMatch(/^Nothing to fix/);
  });

  it('uses ln(classes) as the baseline when only the class count is given', () => {
    const flat = epochsOf(Array(10).fill(1.09), Array(10).fill(1.1));
    expect(diagnose(flat, { classes: 3, optimizer: 'adam', learningRate: 0.5 }).label).toBe('stuck');
  });

  it('never gives advice that contradicts the step size or the regularisation', () => {
    const loss = fc.double({ min: 1e-9, max: 3, noNaN: true });
    const settings = fc.record({
      optimizer: fc.constantFrom('adam', 'sgd', 'momentum', 'rmsprop' as const),
      learningRate: fc.constantFrom(1e-5, 1e-3, 0.03, 0.3, 3),
      l2: fc.constantFrom(0, 0.001, 0.1),
      dropout: fc.constantFrom(0, 0.5),
      hiddenLayers: fc.constantFrom(0, 2),
    });
    fc.assert(
      fc.property(fc.array(fc.tuple(loss, loss), { minLength: 1, maxLength: 30 }), settings, (pairs, trial) => {
        const options: DiagnoseOptions = { baselineLoss: Math.log(2), ...trial };
        const { suggestion } = diagnose(pairs.map(([trainLoss, validationLoss], i) => ({ epoch: i + 1, trainLoss, validationLoss })), options);
        if (stepSize(options) === 'large') expect(suggestion).not.toMatch(raisesLearningRate);
        if (stepSize(options) === 'tiny') expect(suggestion).not.toMatch(lowersLearningRate);
        if (hasStrongRegularisation(options)) expect(suggestion).not.toMatch(/add L2|stronger L2/i);
      }),
    );
  });
});
