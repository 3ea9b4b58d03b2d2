import { describe, expect, it } from 'vitest';
import { trialTimeline } from '../../../src/lib/analysis/timeline';

const epochs = (count: number) => Array.from({ length: count }, () => ({}));

describe('trialTimeline', () => {
  it('puts trials that run at once in different lanes and reuses a lane once it is free', () => {
    const timeline = trialTimeline([
      { id: 1, state: 'complete', durationMs: 100, epochs: epochs(3), startedAtMs: 0, endedAtMs: 100, maxEpochs: 3 },
      { id: 2, state: 'pruned', durationMs: 40, epochs: epochs(1), startedAtMs: 0, endedAtMs: 40, maxEpochs: 9 },
      { id: 3, state: 'complete', durationMs: 60, epochs: epochs(2), startedAtMs: 40, endedAtMs: 100 },
      { id: 4, state: 'complete', durationMs: 50, epochs: epochs(2), startedAtMs: 100, endedAtMs: 150 },
      { id: 5, state: 'queued', durationMs: 0, epochs: [] },
    ]);
    expect(timeline.estimated).toBe(false);
    expect(timeline.lanes).toBe(2);
    expect(timeline.endMs).toBe(150);
    expect(timeline.rows.map((row) => [row.id, row.lane])).toEqual([[1, 0], [2, 1], [3, 1], [4, 0]]);
    expect(timeline.rows.map((row) => [row.epochStart, row.epochEnd])).toEqual([[0, 3], [0, 1], [1, 3], [3, 5]]);
    expect(timeline.endEpoch).toBe(5);
    expect(timeline.rows[1].maxEpochs).toBe(9);
    for (const a of timeline.rows) {
      for (const b of timeline.rows) {
        if (a !== b && a.lane === b.lane) expect(a.endMs <= b.startMs || b.endMs <= a.startMs).toBe(true);
      }
    }
  });

  it('lays an imported study without start times out one trial after another, and says it is estimated', () => {
    const timeline = trialTimeline([
      { id: 2, state: 'complete', durationMs: 30, epochs: epochs(2) },
      { id: 1, state: 'diverged', durationMs: 10, epochs: epochs(1) },
    ]);
    expect(timeline.estimated).toBe(true);
    expect(timeline.lanes).toBe(1);
    expect(timeline.rows.map((row) => [row.id, row.startMs, row.endMs])).toEqual([[1, 0, 10], [2, 10, 40]]);
  });

  it('draws a running trial up to now when told the time', () => {
    const timeline = trialTimeline([{ id: 1, state: 'running', durationMs: 0, epochs: epochs(1), startedAtMs: 20, endedAtMs: 0 }], { nowMs: 70 });
    expect(timeline.rows[0]).toMatchObject({ startMs: 20, endMs: 70 });
    expect(trialTimeline([])).toEqual({ rows: [], lanes: 0, endMs: 0, endEpoch: 0, estimated: false });
  });
});
