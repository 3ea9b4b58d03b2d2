/**
 * The early-stopping schedules by name, for the settings table and the study runner.
 */
import { hyperband } from './hyperband';
import { medianStopping } from './medianStopping';
import { none } from './none';
import type { Schedule, ScheduleOptions } from './schedule';
import { successiveHalving } from './successiveHalving';

export type { Decision, Schedule, ScheduleOptions, TrialBudget } from './schedule';
export { resolveScheduleOptions } from './schedule';
export { none } from './none';
export { medianStopping, MedianStopping } from './medianStopping';
export { successiveHalving, SuccessiveHalving } from './successiveHalving';
export { hyperband, Hyperband } from './hyperband';

/** The schedules a person can pick, with a line for the page. */
export const scheduleNames = [
  { name: 'none', description: 'Every trial trains for all its epochs; only a diverged trial stops early.' },
  {
    name: 'median',
    description: 'Stops a trial whose best loss so far is worse than the median of earlier trials at the same epoch.',
  },
  {
    name: 'successiveHalving',
    description: 'Judges trials after 1, 3, 9… epochs; only the best third at each of these rungs trains on (ASHA).',
  },
  {
    name: 'hyperband',
    description: 'Successive halving in brackets, from judging after the first epoch to never stopping, to hedge the bet.',
  },
] as const;

/** Name of a schedule in `scheduleNames`. */
export type ScheduleName = (typeof scheduleNames)[number]['name'];

const factories: Record<ScheduleName, (options: ScheduleOptions) => Schedule> = {
  none,
  median: medianStopping,
  successiveHalving,
  hyperband,
};

/** Creates the schedule with this name; throws `invalid schedule: name` for an unknown one. */
export function createSchedule(name: ScheduleName | string, options: ScheduleOptions): Schedule {
  if (!Object.hasOwn(factories, name)) throw new Error(`invalid schedule: ${name}`);
  return factories[name as ScheduleName](options);
}
