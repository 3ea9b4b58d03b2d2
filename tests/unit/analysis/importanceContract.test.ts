import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parameterImportance } from '../../../src/lib/analysis/importance';
import { fromUnit, type Dimension } from '../../../src/lib/core/space';

const dimensionArbitrary: fc.Arbitrary<Omit<Dimension, 'name'>> = fc.oneof(
  fc.constant({ type: 'real' as const, low: 0, high: 1 }),
  fc.constant({ type: 'log' as const, low: 1e-5, high: 10 }),
  fc.constant({ type: 'int' as const, low: 1, high: 4 }),
  fc.constant({ type: 'real' as const, low: 2, high: 2 }),
  fc.constant({ type: 'choice' as const, values: ['a', 'b', 'c'] }),
  fc.constant({ type: 'choice' as const, values: [1] }),
);

/** Any objective value a study can hold: ordinary, huge, tiny, repeated, diverged. */
const valueArbitrary = fc.oneof(
  fc.double({ min: -10, max: 10, noNaN: true }),
  fc.constantFrom(0, 1e-12, 1e9, Number.NaN, Infinity, -Infinity),
);

const caseArbitrary = fc
  .array(dimensionArbitrary, { minLength: 1, maxLength: 4 })
  .map((dimensions) => dimensions.map((dimension, index) => ({ ...dimension, name: `setting${index}` }) as Dimension))
  .chain((space) =>
    fc.record({
      space: fc.constant(space),
      observations: fc.array(
        fc.record({ unit: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: space.length, maxLength: space.length }), value: valueArbitrary }),
        { maxLength: 25 },
      ),
      seed: fc.nat(1000),
    }),
  );

describe('parameterImportance contract', () => {
  it('always returns one finite share per setting in [0, 1], summing to 1, sorted, each inside its band', () => {
    fc.assert(
      fc.property(caseArbitrary, ({ space, observations, seed }) => {
        const result = parameterImportance(space, observations.map(({ unit, value }) => ({ params: fromUnit(space, unit), value })), { seed });
        expect(result).toHaveLength(space.length);
        expect(result.reduce((sum, entry) => sum + entry.importance, 0)).toBeCloseTo(1, 9);
        result.forEach((entry, index) => {
          expect(Number.isFinite(entry.importance)).toBe(true);
          expect(0 <= entry.low && entry.low <= entry.importance && entry.importance <= entry.high && entry.high <= 1).toBe(true);
          if (index > 0) expect(result[index - 1].importance).toBeGreaterThanOrEqual(entry.importance);
        });
      }),
      { numRuns: 60, seed: 16 },
    );
  }, 60_000);
});
