/**
 * Gantt rows of a study: each trial's start and end over wall time and the epochs it trained, in
 * lanes so that trials running at once never overlap (Hyperband's brackets and ASHA's promotions
 * show as bars of growing length). The study records start and end times while it runs
 * (startedAtMs, endedAtMs); the study@2 export does not carry them, so an imported study is laid
 * out one trial after another in id order from its durations, and says so (estimated).
 */

/** A trial as far as the timeline goes. */
export interface TimelineTrial {
  id: number;
  state: string;
  /** Wall-clock training time, ms. */
  durationMs: number;
  /** Its epoch records; only their number is read. */
  epochs: readonly unknown[];
  /** Epochs the schedule gave it, when known. */
  maxEpochs?: number;
  /** Start and end, ms since the study started, when the study recorded them. */
  startedAtMs?: number;
  endedAtMs?: number;
}

/** One bar of the Gantt chart. */
export interface TimelineRow {
  id: number;
  state: string;
  /** Lane from 0: trials in one lane never overlap in time. */
  lane: number;
  /** Start and end, ms since the study started. */
  startMs: number;
  endMs: number;
  /** Start and end on the epoch axis: its lane's trials laid end to end by the epochs each trained. */
  epochStart: number;
  epochEnd: number;
  /** Epochs trained, and the epochs it was given (equal to epochs when unknown). */
  epochs: number;
  maxEpochs: number;
}

/** The Gantt chart of a study. */
export interface Timeline {
  /** Rows in order of start (then id). */
  rows: TimelineRow[];
  /** Number of lanes: the most trials that ran at once. */
  lanes: number;
  /** When the last trial ended, ms, and the longest lane in epochs. */
  endMs: number;
  endEpoch: number;
  /** True when start times were not recorded and the trials are laid out one after another. */
  estimated: boolean;
}

/** Gantt rows of the trials that started (queued ones are left out); a running trial ends at nowMs when given. */
export function trialTimeline(trials: readonly TimelineTrial[], options: { nowMs?: number } = {}): Timeline {
  const started = trials.filter((trial) => trial.state !== 'queued');
  const estimated = started.some((trial) => trial.startedAtMs === undefined);
  let clock = 0;
  const spans = estimated
    ? [...started].sort((a, b) => a.id - b.id).map((trial) => {
        const span = { trial, startMs: clock, endMs: clock + trial.durationMs };
        clock = span.endMs;
        return span;
      })
    : started.map((trial) => {
        const startMs = trial.startedAtMs!;
        const running = trial.state === 'running' && options.nowMs !== undefined;
        const endMs = running ? options.nowMs! : (trial.endedAtMs ?? startMs + trial.durationMs);
        return { trial, startMs, endMs: Math.max(startMs, endMs) };
      });
  spans.sort((a, b) => a.startMs - b.startMs || a.trial.id - b.trial.id);
  // Interval partitioning: each trial takes the first lane that is free when it starts.
  const laneEnds: number[] = [];
  const laneEpochs: number[] = [];
  const rows = spans.map(({ trial, startMs, endMs }): TimelineRow => {
    let lane = laneEnds.findIndex((end) => end <= startMs);
    if (lane < 0) {
      lane = laneEnds.push(endMs) - 1;
      laneEpochs.push(0);
    } else laneEnds[lane] = endMs;
    const epochs = trial.epochs.length;
    const epochStart = laneEpochs[lane];
    laneEpochs[lane] += epochs;
    const maxEpochs = Math.max(epochs, trial.maxEpochs ?? epochs);
    return { id: trial.id, state: trial.state, lane, startMs, endMs, epochStart, epochEnd: epochStart + epochs, epochs, maxEpochs };
  });
  const endMs = rows.reduce((end, row) => Math.max(end, row.endMs), 0);
  return { rows, lanes: laneEnds.length, endMs, endEpoch: laneEpochs.reduce((end, epochs) => Math.max(end, epochs), 0), estimated };
}
