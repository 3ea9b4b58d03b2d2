import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isActive, validateSpace, type Dimension, type Params } from '../../../src/lib/core/space';
import { createStrategy, strategyNames } from '../../../src/lib/search';
import { PbtController } from '../../../src/lib/search/pbt';

/**
 * Conditional spaces like the issue's: per-layer units that exist only when the layer exists,
 * and optimiser-specific settings (momentum only with momentum SGD, β's only with Adam), plus
 * some unconditional dimensions.
 */
const conditionalSpace = fc
  .record({
    maxLayers: fc.integer({ min: 1, max: 4 }),
    minLayers: fc.integer({ min: 0, max: 1 }),
    unitsHigh: fc.integer({ min: 3, max: 64 }),
    optimizers: fc.subarray(['sgd', 'momentum', 'adam', 'rmsprop'], { minLength: 2 }),
    withLearningRate: fc.boolean(),
    withBetas: fc.boolean(),
  })
  .map(({ maxLayers, minLayers, unitsHigh, optimizers, withLearningRate, withBetas }) => {
    const space: Dimension[] = [];
    if (withLearningRate) space.push({ name: 'learningRate', type: 'log', low: 1e-4, high: 1 });
    space.push({ name: 'layers', type: 'int', low: minLayers, high: maxLayers });
    for (let layer = 1; layer <= maxLayers; layer++) {
      space.push({ name: `units${layer}`, type: 'int', low: 2, high: unitsHigh, when: { dimension: 'layers', atLeast: layer } });
    }
    space.push({ name: 'optimizer', type: 'choice', values: optimizers });
    space.push({ name: 'momentum', type: 'real', low: 0, high: 0.99, when: { dimension: 'optimizer', in: ['momentum'] } });
    if (withBetas) {
      space.push({ name: 'beta1', type: 'real', low: 0.5, high: 0.999, when: { dimension: 'optimizer', in: ['adam'] } });
      space.push({ name: 'beta2', type: 'log', low: 0.9, high: 0.9999, when: { dimension: 'optimizer', in: ['adam'] } });
    }
    return space;
  });

/** Every active dimension has a value inside its range; every inactive one is absent; nothing else is set. */
function expectOnlyActive(space: Dimension[], params: Params): void {
  for (const dimension of space) {
    const value = params[dimension.name];
    if (!isActive(dimension, params)) {
      expect(Object.hasOwn(params, dimension.name), `${dimension.name} is inactive at ${JSON.stringify(params)}`).toBe(false);
      continue;
    }
    expect(value, `${dimension.name} is active at ${JSON.stringify(params)}`).toBeDefined();
    if (dimension.type === 'choice') expect(dimension.values).toContain(value);
    else {
      expect(value as number).toBeGreaterThanOrEqual(dimension.low);
      expect(value as number).toBeLessThanOrEqual(dimension.high);
    }
  }
  for (const key of Object.keys(params)) expect(space.some((dimension) => dimension.name === key)).toBe(true);
}

/** A made-up objective that depends on the active dimensions, so model-based strategies have something to fit. */
function objective(params: Params): number {
  let value = Object.keys(params).length * 0.1;
  for (const [name, param] of Object.entries(params)) value += typeof param === 'number' ? Math.sin(param + name.length) : param.length * 0.05;
  return value;
}

describe('conditional search spaces', () => {
  it('the generated spaces are valid', () => {
    fc.assert(fc.property(conditionalSpace, (space) => validateSpace(space)));
  });

  for (const name of strategyNames) {
    it(`${name} never sets an inactive dimension and always sets the active ones`, () => {
      const slow = name === 'bayesian';
      fc.assert(
        fc.property(conditionalSpace, fc.integer({ min: 0, max: 1000 }), fc.boolean(), (space, seed, failSome) => {
          const budget = slow ? 12 : 30;
          const strategy = createStrategy(name, space, { seed, budget, startupTrials: 5, candidates: slow ? 100 : undefined, refineStarts: slow ? 1 : undefined });
          let asked = 0;
          for (let i = 0; i < budget; i++) {
            const params = strategy.ask();
            if (!params) break;
            asked++;
            expectOnlyActive(space, params);
            strategy.tell(params, failSome && i % 4 === 3 ? null : objective(params));
          }
          expect(asked).toBeGreaterThan(0);
        }),
        { numRuns: slow ? 6 : 25 },
      );
    }, 120_000);
  }

  it("PBT's explore never sets an inactive dimension and draws a newly active one", () => {
    fc.assert(
      fc.property(conditionalSpace, fc.integer({ min: 0, max: 1000 }), (space, seed) => {
        const controller = new PbtController(space, { seed, population: 8, resampleProbability: 0.5 });
        for (const params of controller.params) expectOnlyActive(space, params);
        for (let step = 1; step <= 6; step++) {
          const scores = controller.params.map((params, member) => objective(params) + member * 0.01);
          for (const decision of controller.step(scores, step * 5)) expectOnlyActive(space, decision.params);
        }
      }),
      { numRuns: 30 },
    );
  });
});
