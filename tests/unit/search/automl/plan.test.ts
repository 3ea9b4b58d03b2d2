import { describe, expect, it } from 'vitest';
import { autoMlBudgets, type AutoMlBudget, type DataFacts } from '../../../../src/lib/search/automl/facts';
import { planAutoMl, roundCount } from '../../../../src/lib/search/automl/plan';
import { usefulDepth } from '../../../../src/lib/search/automl/familySpaces';

const moons: DataFacts = { name: 'moons', task: 'classification', trainRows: 180, validationRows: 60, features: 2, classes: 2 };
const families = (facts: DataFacts, budget: AutoMlBudget = 'minute') => planAutoMl(facts, budget, 1).families.map((family) => family.family);
const said = (facts: DataFacts, budget: AutoMlBudget, text: string) => planAutoMl(facts, budget, 1).decisions.filter((entry) => entry.decision.includes(text));

describe('planAutoMl', () => {
  it('gives every decision a sentence and a reason', () => {
    for (const budget of autoMlBudgets) {
      for (const facts of [moons, { ...moons, trainRows: 20_000, validationRows: 5000, features: 64, classes: 10 }, { ...moons, task: 'regression' as const, classes: 0, features: 1 }]) {
        const plan = planAutoMl(facts, budget.name, 1);
        expect(plan.decisions.length).toBeGreaterThan(8);
        for (const { decision, because } of plan.decisions) {
          expect(decision.length).toBeGreaterThan(10);
          expect(because.length).toBeGreaterThan(10);
        }
      }
    }
  });

  it('compares classifiers by validation error and regressions by validation loss', () => {
    expect(planAutoMl(moons, 'quick', 1).metric).toBe('validationError');
    expect(planAutoMl({ ...moons, task: 'regression', classes: 0 }, 'quick', 1).metric).toBe('validationLoss');
  });

  it('leaves k-NN out on 20,000 rows, saying why, and keeps it on 180', () => {
    const large = { ...moons, trainRows: 20_000, validationRows: 5000 };
    expect(families(moons)).toContain('knn');
    expect(families(large, 'fiveMinutes')).not.toContain('knn');
    expect(said(large, 'fiveMinutes', 'K-nearest neighbours is left out')[0].because).toContain('20000 training rows');
  });

  it('leaves the network out of a quick run on 300 rows but races it given five minutes', () => {
    const facts = { ...moons, trainRows: 300, validationRows: 100 };
    expect(families(facts, 'quick')).not.toContain('mlp');
    expect(said(facts, 'quick', 'Neural network (MLP) is left out')[0].because).toMatch(/expected to take about [\d.]+ s/);
    expect(families(facts, 'fiveMinutes')).toContain('mlp');
  });

  it('keeps at least one family however large the data', () => {
    const huge = { ...moons, trainRows: 2_000_000, validationRows: 500_000, features: 100 };
    expect(families(huge, 'quick').length).toBeGreaterThanOrEqual(1);
  });

  it('searches polynomial degrees with 2 features and not with 64', () => {
    const linearSpace = (facts: DataFacts) => planAutoMl(facts, 'fiveMinutes', 1, ['linear', 'tree']).families.find((family) => family.family === 'linear')?.space.map((dimension) => dimension.name);
    expect(linearSpace(moons)).toContain('degree');
    expect(linearSpace({ ...moons, features: 64 })).not.toContain('degree');
  });

  it('bounds tree depth by log2 of the training rows', () => {
    expect(usefulDepth(180)).toBe(8);
    expect(usefulDepth(3)).toBe(2);
    expect(usefulDepth(1_000_000)).toBe(12);
    const tree = planAutoMl(moons, 'quick', 1).families.find((family) => family.family === 'tree');
    expect(tree?.space.find((dimension) => dimension.name === 'maxDepth')).toEqual({ name: 'maxDepth', type: 'int', low: 1, high: 8 });
  });

  it('draws at random when no family can get more trials than TPE draws at random, and uses TPE otherwise', () => {
    const tight = planAutoMl({ ...moons, trainRows: 20_000, validationRows: 6000, features: 10 }, 'quick', 1);
    const ample = planAutoMl(moons, 'fiveMinutes', 1);
    const most = (plan: typeof tight) => plan.rounds.reduce((sum, round) => sum + round.trialsPerFamily, 0);
    expect(most(tight)).toBeLessThanOrEqual(10);
    expect(tight.strategy).toBe('random');
    expect(most(ample)).toBeGreaterThan(10);
    expect(ample.strategy).toBe('tpe');
  });

  it('plans rounds that halve the families down to one', () => {
    const plan = planAutoMl(moons, 'minute', 1);
    expect(plan.rounds.length).toBe(roundCount(plan.families.length));
    expect(plan.rounds.map((round) => round.families).at(-1)).toBe(1);
    expect(plan.rounds[0].trialsPerFamily).toBeGreaterThanOrEqual(2);
  });

  it('keeps the worst case inside the budget whenever one trial of each family fits', () => {
    let checked = 0;
    for (const budget of autoMlBudgets) {
      for (const trainRows of [20, 150, 600, 2000, 8000, 40_000]) {
        for (const features of [1, 2, 8, 64]) {
          for (const classes of [0, 2, 10]) {
            const facts: DataFacts = { name: 'grid', task: classes === 0 ? 'regression' : 'classification', trainRows, validationRows: Math.ceil(trainRows / 3), features, classes };
            const plan = planAutoMl(facts, budget.name, 1);
            const cheapest = Math.min(...plan.families.map((family) => family.estimatedTrialMs));
            if (cheapest * plan.families.length > plan.budgetMs / plan.rounds.length) continue;
            expect(plan.worstCaseMs, `${budget.name} ${trainRows}×${features}, ${classes} classes`).toBeLessThanOrEqual(plan.budgetMs);
            checked += 1;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(150);
  });

  it('gives the same plan for the same facts and budget', () => {
    expect(planAutoMl(moons, 'minute', 3)).toEqual(planAutoMl(moons, 'minute', 3));
  });
});
