import { describe, expect, it } from 'vitest';
import { markKeyAction, movedIndex, tabStopId } from '../../../src/lib/charts/markKeys';

describe('markKeys', () => {
  it('markKeyAction selects on Enter and Space, moves on the arrows, Home and End, and ignores other keys', () => {
    expect(markKeyAction('Enter')).toBe('select');
    expect(markKeyAction(' ')).toBe('select');
    expect(markKeyAction('ArrowRight')).toBe('next');
    expect(markKeyAction('ArrowDown')).toBe('next');
    expect(markKeyAction('ArrowLeft')).toBe('previous');
    expect(markKeyAction('ArrowUp')).toBe('previous');
    expect(markKeyAction('Home')).toBe('first');
    expect(markKeyAction('End')).toBe('last');
    expect(markKeyAction('p')).toBeNull();
    expect(markKeyAction('Tab')).toBeNull();
  });

  it('movedIndex steps one mark at a time and stops at both ends', () => {
    expect(movedIndex('next', 0, 3)).toBe(1);
    expect(movedIndex('next', 2, 3)).toBe(2);
    expect(movedIndex('previous', 0, 3)).toBe(0);
    expect(movedIndex('previous', 2, 3)).toBe(1);
    expect(movedIndex('first', 2, 3)).toBe(0);
    expect(movedIndex('last', 0, 3)).toBe(2);
  });

  it('tabStopId keeps the focused mark in the Tab order, else the selected one, else the first', () => {
    expect(tabStopId([4, 5, 6], 6, 5)).toBe(6);
    expect(tabStopId([4, 5, 6], null, 5)).toBe(5);
    expect(tabStopId([4, 5, 6], 9, 8)).toBe(4);
    expect(tabStopId([], null, null)).toBeNull();
  });
});
