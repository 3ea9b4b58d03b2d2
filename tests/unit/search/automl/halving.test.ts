import { describe, expect, it } from 'vitest';
import { halve, nextRoundTrials, rankStandings, type FamilyStanding } from '../../../../src/lib/search/automl/halving';

const standing = (family: FamilyStanding['family'], best: number | null, trialMs = 10): FamilyStanding => ({ family, trials: 4, best, bestTrialId: best === null ? null : 1, trialMs, status: 'racing' });

describe('halving over families', () => {
  it('ranks by best score, families without one last, ties to the faster family', () => {
    const ranked = rankStandings([standing('knn', null), standing('forest', 0.1, 300), standing('tree', 0.1, 5), standing('linear', 0.3)]);
    expect(ranked.map((entry) => entry.family)).toEqual(['tree', 'forest', 'linear', 'knn']);
  });

  it('keeps the better half, rounded up, and gives each dropped family its figures', () => {
    const result = halve([standing('linear', 0.31), standing('tree', 0.05), standing('knn', 0.12), standing('forest', 0.04), standing('boosting', 0.2)], 1, 'validationError');
    expect(result.dropped.sort()).toEqual(['boosting', 'linear']);
    expect(result.standings.filter((entry) => entry.status === 'racing').map((entry) => entry.family).sort()).toEqual(['forest', 'knn', 'tree']);
    expect(result.standings.find((entry) => entry.family === 'linear')?.droppedAfter).toBe(1);
    const linear = result.decisions.find((decision) => decision.decision.startsWith('Linear model'));
    expect(linear?.because).toContain('validation error is 0.31 over 4 trials');
    expect(linear?.because).toContain('0.12 for k-nearest neighbours');
    expect(linear?.because).toContain('3 of 5');
  });

  it('says when a family lost a tie on speed', () => {
    const result = halve([standing('forest', 0.1, 400), standing('tree', 0.1, 5)], 2, 'validationError');
    expect(result.dropped).toEqual(['forest']);
    expect(result.decisions[0].because).toContain('a tie, which goes to the faster family');
  });

  it('sizes the next round from the time left and the measured trial times', () => {
    expect(nextRoundTrials(10_000, 2, [100, 400], 64)).toBe(10);
    expect(nextRoundTrials(10_000, 1, [10], 16)).toBe(16);
    expect(nextRoundTrials(300, 1, [100, 400], 16)).toBe(0);
    expect(nextRoundTrials(600, 3, [100, 400], 16)).toBe(1);
  });
});
