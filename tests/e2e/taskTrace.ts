/**
 * Main-thread tasks from a Chromium trace (playwright-core's browser.startTracing): each task's wall
 * time and its thread's CPU time. On a machine shared by many processes a task's wall time includes
 * the time the thread waited for a core, so a 20 ms task can read as 300 ms in
 * PerformanceObserver('longtask'); its CPU time is what the page's own work cost, and what the
 * task's wall time is on a quiet machine.
 */
import type { Browser, Page } from 'playwright-core';

/** One main-thread task: start in the trace's clock (µs), wall and CPU milliseconds. */
export interface TracedTask {
  start: number;
  wallMs: number;
  cpuMs: number;
}

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

/** Starts recording tasks and user-timing marks of `page`. */
export async function startTaskTrace(browser: Browser, page: Page): Promise<void> {
  await browser.startTracing(page, { categories: ['disabled-by-default-devtools.timeline', 'blink.user_timing', '__metadata'] });
}

/** Stops recording; the renderer main thread's tasks and the trace time of each performance.mark by name. */
export async function stopTaskTrace(browser: Browser): Promise<{ tasks: TracedTask[]; marks: Map<string, number> }> {
  const { traceEvents } = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] };
  const mainThreads = new Set(traceEvents.filter((event) => event.ph === 'M' && event.name === 'thread_name' && event.args?.name === 'CrRendererMain').map((event) => `${event.pid}:${event.tid}`));
  const tasks: TracedTask[] = [];
  const marks = new Map<string, number>();
  for (const event of traceEvents) {
    if (event.cat.includes('blink.user_timing') && (event.ph === 'R' || event.ph === 'I' || event.ph === 'n' || event.ph === 'b')) marks.set(event.name, event.ts);
    if (event.name !== 'RunTask' || event.ph !== 'X' || !mainThreads.has(`${event.pid}:${event.tid}`)) continue;
    tasks.push({ start: event.ts, wallMs: (event.dur ?? 0) / 1000, cpuMs: (event.tdur ?? event.dur ?? 0) / 1000 });
  }
  return { tasks, marks };
}
