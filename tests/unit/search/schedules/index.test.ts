import { describe, expect, it } from 'vitest';
import { createSchedule, resolveScheduleOptions, scheduleNames } from '../../../../src/lib/search/schedules/index';
import { runSequentially } from './runTrials';

describe('createSchedule', () => {
  it.each(scheduleNames.map((entry) => entry.name))('creates the %s schedule by name', (name) => {
    const schedule = createSchedule(name, { maxEpochs: 9 });
    expect(runSequentially(schedule, [[1, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2]])).toEqual([9]);
    expect(schedule.report(2, 1, NaN)).toBe('stop');
  });

  it('throws on an unknown name', () => {
    expect(() => createSchedule('patience', { maxEpochs: 9 })).toThrow('invalid schedule: patience');
    expect(() => createSchedule('toString', { maxEpochs: 9 })).toThrow('invalid schedule: toString');
  });

  it('passes the options on, so schedules differ by them', () => {
    const curves = [[1, 1, 1], [2, 2, 2]];
    expect(runSequentially(createSchedule('successiveHalving', { maxEpochs: 3 }), curves)).toEqual([3, 1]);
    expect(runSequentially(createSchedule('successiveHalving', { maxEpochs: 3, minEpochs: 3 }), curves)).toEqual([3, 3]);
  });
});

describe('scheduleNames', () => {
  it('describes each schedule in one line', () => {
    expect(scheduleNames.map((entry) => entry.name)).toEqual(['none', 'median', 'successiveHalving', 'hyperband']);
    for (const entry of scheduleNames) {
      expect(entry.description).not.toContain('\n');
      expect(entry.description.length).toBeGreaterThan(20);
    }
  });
});

describe('resolveScheduleOptions', () => {
  it('fills in the defaults', () => {
    expect(resolveScheduleOptions({ maxEpochs: 20 })).toEqual({ maxEpochs: 20, minEpochs: 1, reductionFactor: 3, warmupTrials: 3 });
  });

  it.each([
    [{ maxEpochs: 0 }, 'invalid schedule option maxEpochs: 0'],
    [{ maxEpochs: 2.5 }, 'invalid schedule option maxEpochs: 2.5'],
    [{ maxEpochs: 5, minEpochs: 6 }, 'invalid schedule option minEpochs: 6'],
    [{ maxEpochs: 5, reductionFactor: 1 }, 'invalid schedule option reductionFactor: 1'],
    [{ maxEpochs: 5, reductionFactor: NaN }, 'invalid schedule option reductionFactor: NaN'],
    [{ maxEpochs: 5, warmupTrials: 0 }, 'invalid schedule option warmupTrials: 0'],
  ])('rejects %o', (options, message) => {
    expect(() => resolveScheduleOptions(options)).toThrow(message);
  });
});
