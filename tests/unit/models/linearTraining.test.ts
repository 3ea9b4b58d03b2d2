import { describe, expect, it } from 'vitest';
import { tableFromDataset } from '../../../src/lib/models/table';
import { defaultLinearModelOptions, type LinearModelOptions } from '../../../src/lib/models/linearModel';
import { fitLinearModel, linearSteps } from '../../../src/lib/models/linearTraining';
import type { FeatureTable } from '../../../src/lib/models/table';
import { accuracyOf, crossEntropy } from '../../../src/lib/models/losses';
import { expectClose, irisBinary, irisPetalWidth, irisRaw, wave } from './referenceData';

// Reference numbers: scikit-learn 1.2.1 (Debian python3-sklearn), tests/unit/models/sklearnReference.py.
// Every reference standardises the columns first (StandardScaler), as standardize: true does.
const precise: LinearModelOptions = { ...defaultLinearModelOptions, maxIterations: 100000, tolerance: 1e-12 };
const coefficients = (train: FeatureTable, options: Partial<LinearModelOptions>) => {
  const model = fitLinearModel(train, { ...precise, ...options });
  return [...model.weights, ...model.intercepts];
};

describe('linear regression', () => {
  it('Lasso at alpha 0.05 keeps only petal length, with exactly zero weights elsewhere, as sklearn', () => {
    const weights = coefficients(irisPetalWidth(), { penalty: 'l1', alpha: 0.05 });
    expectClose(weights, [0, 0, 0.68148177, 1.19933333], 1e-7);
    expect(weights[0]).toBe(0);
    expect(weights[1]).toBe(0);
  });

  it('elastic net at alpha 0.1, l1Ratio 0.5 matches sklearn’s ElasticNet', () => {
    expectClose(coefficients(irisPetalWidth(), { penalty: 'elasticNet', alpha: 0.1, l1Ratio: 0.5 }), [0.01713271, 0, 0.63480597, 1.19933333], 1e-7);
  });

  it('Ridge at alpha 1/15 is sklearn’s Ridge at alpha n·α = 10 (closed form)', () => {
    expectClose(coefficients(irisPetalWidth(), { penalty: 'l2', alpha: 1 / 15 }), [0.06636276, 0.00025819, 0.63163163, 1.19933333], 1e-7);
  });

  it('degree-2 Lasso at alpha 0.01 picks the same three of nine polynomial terms as sklearn', () => {
    const weights = coefficients(irisPetalWidth(), { penalty: 'l1', alpha: 0.01, degree: 2 });
    expectClose(weights, [0, 0, 0.5596849, -0.06060843, 0, 0, 0, 0.22246928, 0, 1.19933333], 1e-6);
    expect(weights.filter((weight, index) => index < 9 && weight === 0)).toHaveLength(6);
  });

  it('without a penalty it is least squares: a straight line is recovered exactly', () => {
    const table = { ...wave(), targets: wave().features.map((x) => 2 * x - 1) };
    const model = fitLinearModel(table, { ...precise, penalty: 'none', standardize: false });
    expect(model.weights[0]).toBeCloseTo(2, 5);
    expect(model.intercepts[0]).toBeCloseTo(-1, 5);
  });

  it('records one epoch per coordinate-descent sweep, its training MSE never rising', () => {
    const table = irisPetalWidth();
    const records = [...linearSteps(table, table, { ...defaultLinearModelOptions, penalty: 'l1', alpha: 0.01 })].map((step) => step.record);
    expect(records.length).toBeGreaterThan(1);
    expect(records.map((record) => record.epoch)).toEqual(records.map((_, index) => index + 1));
    for (let index = 1; index < records.length; index++) expect(records[index].trainLoss).toBeLessThanOrEqual(records[index - 1].trainLoss + 1e-12);
  });
});

describe('logistic regression', () => {
  it('multinomial with an L2 penalty matches sklearn’s LogisticRegression (C = 1 / (n·α))', () => {
    const iris = tableFromDataset(irisRaw());
    expectClose(coefficients(iris, { penalty: 'l2', alpha: 0.01, tolerance: 1e-10 }), [
      -0.97617827, 1.04012491, -1.69380678, -1.58629714, 0.49128633, -0.37428158, -0.24268222, -0.71289422,
      0.48489195, -0.66584333, 1.936489, 2.29919136, -0.23595185, 1.79139457, -1.55544272,
    ], 1e-3);
  });

  it('multinomial with an L1 penalty zeroes the same eight weights as sklearn’s saga', () => {
    const iris = tableFromDataset(irisRaw());
    const weights = coefficients(iris, { penalty: 'l1', alpha: 0.02, tolerance: 1e-10 });
    expectClose(weights, [
      0, 0.59696048, -3.51070956, 0, 0, 0, 0, 0, 0, 0, 1.54948087, 3.52163007, -0.2151289, 1.66083754, -1.44570864,
    ], 1e-4);
    expect([0, 3, 4, 5, 6, 7, 8, 9].map((index) => weights[index])).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    expect(weights.slice(0, 12).filter((weight) => weight !== 0)).toHaveLength(4);
  });

  it('binary with an L1 penalty uses one weight vector (sigmoid) and matches sklearn', () => {
    const weights = coefficients(irisBinary(), { penalty: 'l1', alpha: 0.02, tolerance: 1e-10 });
    expectClose(weights, [0, -0.41399959, 1.98573653, 2.59143999, 0.16764267], 1e-4);
    expect(weights[0]).toBe(0);
  });

  it('records each proximal-gradient step as an epoch whose loss is the cross-entropy of the model after it', () => {
    const iris = tableFromDataset(irisRaw());
    const steps = [...linearSteps(iris, iris, { ...defaultLinearModelOptions, maxIterations: 40 })];
    expect(steps).toHaveLength(40);
    const last = steps[39];
    expect(last.record.trainLoss).toBeCloseTo(crossEntropy(last.model.outputs(iris.features), iris.targets, 3), 12);
    expect(last.record.trainAccuracy).toBe(accuracyOf(last.model.predict(iris.features), iris.targets));
    expect(last.record.trainLoss).toBeLessThan(steps[0].record.trainLoss);
  });

  it('rejects a negative penalty and an unknown penalty kind', () => {
    expect(() => fitLinearModel(irisBinary(), { ...precise, alpha: -1 })).toThrow('alpha must be a number ≥ 0, got -1');
    expect(() => fitLinearModel(irisBinary(), { ...precise, penalty: 'l3' as never })).toThrow('invalid penalty: l3');
  });
});
