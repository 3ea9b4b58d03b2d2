/**
 * Trials that train at once share one device, so adding up their wall times counts every second
 * they overlapped once per trial: four trials side by side for 10 s add up to 40 s while the
 * search took 10 s. Here each moment of wall time is split equally among the trials running then
 * (processor sharing): a trial's share is the sum, over the stretches it ran, of the stretch's
 * length divided by how many trials ran in it. The shares add up to the busy time (the union of
 * the intervals), never more than the wall-clock span from the first start to the last end.
 */

/** One trial's interval on the study's clock, ms; `endMs` before `startMs` counts as a zero-length interval. */
export interface TimeInterval {
  startMs: number;
  endMs: number;
}

/** How the wall time of a set of intervals splits among them. */
export interface SharedTime {
  /** Each interval's share of the device, ms, in the order given. */
  shareMs: number[];
  /** Time in which at least one interval ran (their union), ms; equals the sum of the shares. */
  busyMs: number;
  /** From the earliest start to the latest end, ms (0 for none). */
  spanMs: number;
  /** The most intervals running at one moment. */
  mostAtOnce: number;
}

/** Splits every moment of wall time equally among the intervals running then (a sweep over start and end events). */
export function sharedTime(intervals: readonly TimeInterval[]): SharedTime {
  const shareMs = new Array<number>(intervals.length).fill(0);
  const events: { at: number; index: number; starts: boolean }[] = [];
  intervals.forEach(({ startMs, endMs }, index) => {
    if (!(endMs > startMs)) return;
    events.push({ at: startMs, index, starts: true }, { at: endMs, index, starts: false });
  });
  // At equal times ends come first, so back-to-back trials never share a moment.
  events.sort((a, b) => a.at - b.at || Number(a.starts) - Number(b.starts));
  const running = new Set<number>();
  let busyMs = 0;
  let mostAtOnce = 0;
  let previous = events.length > 0 ? events[0].at : 0;
  for (const event of events) {
    const stretch = event.at - previous;
    if (stretch > 0 && running.size > 0) {
      busyMs += stretch;
      const each = stretch / running.size;
      for (const index of running) shareMs[index] += each;
    }
    previous = event.at;
    if (event.starts) running.add(event.index);
    else running.delete(event.index);
    if (running.size > mostAtOnce) mostAtOnce = running.size;
  }
  let first = Infinity;
  let last = -Infinity;
  for (const { startMs, endMs } of intervals) {
    if (!(endMs > startMs)) continue;
    first = Math.min(first, startMs);
    last = Math.max(last, endMs);
  }
  return { shareMs, busyMs, spanMs: last > first ? last - first : 0, mostAtOnce };
}
