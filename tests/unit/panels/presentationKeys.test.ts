import { describe, expect, it } from 'vitest';
import { searchKeyAction } from '../../../src/lib/panels/presentationKeys';

describe('searchKeyAction', () => {
  it('space starts a search when none has run, pauses a running one and resumes a paused one', () => {
    expect(searchKeyAction(' ', { status: 'none', replayStep: null, trialCount: 0 })).toEqual({ kind: 'start' });
    expect(searchKeyAction(' ', { status: 'running', replayStep: null, trialCount: 3 })).toEqual({ kind: 'pause' });
    expect(searchKeyAction(' ', { status: 'paused', replayStep: null, trialCount: 3 })).toEqual({ kind: 'resume' });
    expect(searchKeyAction(' ', { status: 'finished', replayStep: null, trialCount: 12 })).toEqual({ kind: 'start' });
  });

  it('the right arrow steps one trial while the search is paused and the replay is live', () => {
    expect(searchKeyAction('ArrowRight', { status: 'paused', replayStep: null, trialCount: 4 })).toEqual({ kind: 'step' });
    expect(searchKeyAction('ArrowRight', { status: 'none', replayStep: null, trialCount: 0 })).toEqual({ kind: 'step' });
  });

  it('the arrows scrub the replay of a paused or ended search, and stepping past the last trial goes live', () => {
    expect(searchKeyAction('ArrowLeft', { status: 'finished', replayStep: null, trialCount: 12 })).toEqual({ kind: 'replay', replayStep: 11 });
    expect(searchKeyAction('ArrowLeft', { status: 'paused', replayStep: 0, trialCount: 12 })).toEqual({ kind: 'replay', replayStep: 0 });
    expect(searchKeyAction('ArrowRight', { status: 'finished', replayStep: 5, trialCount: 12 })).toEqual({ kind: 'replay', replayStep: 6 });
    expect(searchKeyAction('ArrowRight', { status: 'finished', replayStep: 11, trialCount: 12 })).toEqual({ kind: 'replay', replayStep: null });
  });

  it('the arrows do nothing while the search runs, and other keys never do', () => {
    expect(searchKeyAction('ArrowLeft', { status: 'running', replayStep: null, trialCount: 3 })).toBeNull();
    expect(searchKeyAction('ArrowRight', { status: 'running', replayStep: null, trialCount: 3 })).toBeNull();
    expect(searchKeyAction('x', { status: 'paused', replayStep: null, trialCount: 3 })).toBeNull();
    expect(searchKeyAction('ArrowRight', { status: 'finished', replayStep: null, trialCount: 3 })).toBeNull();
  });
});
