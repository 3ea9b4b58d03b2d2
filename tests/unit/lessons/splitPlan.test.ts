import { describe, expect, it } from 'vitest';
import { splitRuns } from '../../../src/lib/lessons/splitPlan';

const dataset = { targets: Float32Array.from({ length: 60 }, (_, i) => i % 2), classCount: 2 };
const rows = Array.from({ length: 50 }, (_, i) => i);

describe('the rows of the cross-validation lesson', () => {
  it('draws the single splits and the folds over the given rows only, scoring each on a fifth', () => {
    const runs = splitRuns(dataset, rows, 3, 5, 7);
    expect(runs.map((run) => run.id)).toEqual(['split-1', 'split-2', 'split-3', 'fold-1', 'fold-2', 'fold-3', 'fold-4', 'fold-5']);
    for (const run of runs) {
      expect(run.scored.length).toBe(10);
      expect([...run.train, ...run.scored].sort((a, b) => a - b)).toEqual(rows);
    }
  });

  it('scores every row exactly once over the folds, and draws a different validation part for each single split', () => {
    const runs = splitRuns(dataset, rows, 3, 5, 7);
    const folded = runs.filter((run) => run.id.startsWith('fold-')).flatMap((run) => run.scored).sort((a, b) => a - b);
    expect(folded).toEqual(rows);
    const singles = new Set(runs.filter((run) => run.id.startsWith('split-')).map((run) => run.scored.join(',')));
    expect(singles.size).toBe(3);
  });
});
