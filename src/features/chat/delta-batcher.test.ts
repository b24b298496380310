import { describe, expect, it } from 'vitest';
import { createDeltaBatcher, type FrameScheduler } from './delta-batcher';

function createManualScheduler() {
  const callbacks = new Map<number, () => void>();
  let next = 1;
  const scheduler: FrameScheduler = {
    request: (callback) => { callbacks.set(next, callback); return next++; },
    cancel: (handle) => { callbacks.delete(handle); },
  };
  const runFrame = () => { const pending = [...callbacks.values()]; callbacks.clear(); pending.forEach((callback) => callback()); };
  return { scheduler, runFrame, pendingFrames: () => callbacks.size };
}

describe('createDeltaBatcher', () => {
  it('hands on all deltas of a frame joined, once', () => {
    const { scheduler, runFrame, pendingFrames } = createManualScheduler();
    const flushed: string[] = [];
    const batcher = createDeltaBatcher((joined) => flushed.push(joined), scheduler);
    for (const delta of ['a', 'b', 'c']) batcher.push(delta);
    expect(pendingFrames()).toBe(1);
    expect(flushed).toEqual([]);
    runFrame();
    expect(flushed).toEqual(['abc']);
    batcher.push('d');
    runFrame();
    expect(flushed).toEqual(['abc', 'd']);
  });

  it('flushes at once on demand and cancels the frame', () => {
    const { scheduler, pendingFrames } = createManualScheduler();
    const flushed: string[] = [];
    const batcher = createDeltaBatcher((joined) => flushed.push(joined), scheduler);
    batcher.push('end');
    batcher.flush();
    expect(flushed).toEqual(['end']);
    expect(pendingFrames()).toBe(0);
  });

  it('ignores empty deltas and drops pending ones on cancel', () => {
    const { scheduler, runFrame, pendingFrames } = createManualScheduler();
    const flushed: string[] = [];
    const batcher = createDeltaBatcher((joined) => flushed.push(joined), scheduler);
    batcher.push('');
    expect(pendingFrames()).toBe(0);
    batcher.push('x');
    batcher.cancel();
    runFrame();
    expect(flushed).toEqual([]);
  });

  it('after the first update, waits out the pacing interval across frames, and flush() never waits', () => {
    const { scheduler, runFrame } = createManualScheduler();
    let clock = 0;
    const flushed: string[] = [];
    const batcher = createDeltaBatcher((joined) => flushed.push(joined), scheduler, { minimumIntervalMs: 50, now: () => clock });
    batcher.push('first');
    runFrame();
    expect(flushed).toEqual(['first']);
    batcher.push('a');
    clock = 16;
    runFrame();
    batcher.push('b');
    clock = 33;
    runFrame();
    expect(flushed).toEqual(['first']);
    clock = 50;
    runFrame();
    expect(flushed).toEqual(['first', 'ab']);
    batcher.push('end');
    batcher.flush();
    expect(flushed).toEqual(['first', 'ab', 'end']);
  });
});
