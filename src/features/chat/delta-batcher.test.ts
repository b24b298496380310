import { describe, expect, it } from 'vitest';
import type { StreamChunk } from '../../byok/types';
import { createDeltaBatcher, flushedAtEnd, SCREENFUL_RATE, SCREENFUL_RATE_MS, streamUpdateInterval, type UpdateScheduler } from './delta-batcher';

function createManualScheduler() {
  let clock = 0;
  let next = 1;
  const frames = new Map<number, () => void>();
  const timers = new Map<number, { callback: () => void; at: number }>();
  const scheduler: UpdateScheduler = {
    frame: (callback) => { frames.set(next, callback); return next++; },
    cancelFrame: (handle) => { frames.delete(handle); },
    timer: (callback, delayMs) => { timers.set(next, { callback, at: clock + delayMs }); return next++; },
    cancelTimer: (handle) => { timers.delete(handle); },
    now: () => clock,
  };
  const runFrame = () => { const due = [...frames.values()]; frames.clear(); due.forEach((callback) => callback()); };
  /** Moves the clock and fires the timers that came due. */
  const advance = (ms: number) => {
    clock += ms;
    for (const [handle, timer] of [...timers]) {
      if (timer.at <= clock) { timers.delete(handle); timer.callback(); }
    }
  };
  return { scheduler, runFrame, advance, frames: () => frames.size, timers: () => timers.size };
}

describe('createDeltaBatcher', () => {
  it('hands on the first deltas in the next frame, joined, once', () => {
    const { scheduler, runFrame, frames } = createManualScheduler();
    const flushed: string[] = [];
    const batcher = createDeltaBatcher((joined) => flushed.push(joined), scheduler, () => 50);
    for (const delta of ['a', 'b', 'c']) batcher.push(delta);
    expect(frames()).toBe(1);
    expect(flushed).toEqual([]);
    runFrame();
    expect(flushed).toEqual(['abc']);
  });

  it('after an update, waits on a timer (no frames) and then asks for exactly one frame', () => {
    const { scheduler, runFrame, advance, frames, timers } = createManualScheduler();
    const flushed: string[] = [];
    const batcher = createDeltaBatcher((joined) => flushed.push(joined), scheduler, () => 50);
    batcher.push('first');
    runFrame();
    batcher.push('a');
    advance(10);
    batcher.push('b');
    expect(frames()).toBe(0);
    expect(timers()).toBe(1);
    advance(39);
    expect(frames()).toBe(0);
    advance(1);
    expect(frames()).toBe(1);
    batcher.push('c');
    expect(frames()).toBe(1);
    runFrame();
    expect(flushed).toEqual(['first', 'abc']);
    expect(frames() + timers()).toBe(0);
  });

  it('asks for a frame at once when the interval has already passed', () => {
    const { scheduler, runFrame, advance, frames, timers } = createManualScheduler();
    const flushed: string[] = [];
    const batcher = createDeltaBatcher((joined) => flushed.push(joined), scheduler, () => 50);
    batcher.push('first');
    runFrame();
    advance(80);
    batcher.push('late');
    expect(timers()).toBe(0);
    expect(frames()).toBe(1);
    runFrame();
    expect(flushed).toEqual(['first', 'late']);
  });

  it('flushes at once on demand and cancels whatever it was waiting for', () => {
    const { scheduler, frames, timers, runFrame } = createManualScheduler();
    const flushed: string[] = [];
    const batcher = createDeltaBatcher((joined) => flushed.push(joined), scheduler, () => 50);
    batcher.push('one');
    runFrame();
    batcher.push('end');
    batcher.flush();
    expect(flushed).toEqual(['one', 'end']);
    expect(frames() + timers()).toBe(0);
  });

  it('ignores empty deltas and drops pending ones on cancel', () => {
    const { scheduler, runFrame, frames } = createManualScheduler();
    const flushed: string[] = [];
    const batcher = createDeltaBatcher((joined) => flushed.push(joined), scheduler);
    batcher.push('');
    expect(frames()).toBe(0);
    batcher.push('x');
    batcher.cancel();
    runFrame();
    expect(flushed).toEqual([]);
  });

  it('passes the characters handed on so far to the interval', () => {
    const { scheduler, runFrame, advance } = createManualScheduler();
    const asked: number[] = [];
    const batcher = createDeltaBatcher(() => undefined, scheduler, (characters) => { asked.push(characters); return 10; });
    batcher.push('12345');
    runFrame();
    advance(1);
    batcher.push('678');
    advance(20);
    runFrame();
    advance(1);
    batcher.push('9');
    expect(asked).toEqual([5, 8]);
  });

  it('passes how fast the text came: characters per second since the first update, not the last stretch alone', () => {
    const { scheduler, runFrame, advance } = createManualScheduler();
    const rates: number[] = [];
    const batcher = createDeltaBatcher(() => undefined, scheduler, (_characters, rate) => { rates.push(rate); return 10; });
    batcher.push('x'.repeat(10));
    runFrame();
    advance(1);
    batcher.push('y'.repeat(300));
    advance(99);
    runFrame();
    advance(1);
    batcher.push('z'.repeat(100));
    advance(99);
    runFrame();
    advance(1);
    batcher.push('.');
    expect(rates).toEqual([Infinity, 3_000, 2_000]);
  });

  it('passes the last two updates\' own rate when both are higher than the average: a slow start does not hide a fast stream, one burst does not make a slow one fast', () => {
    const { scheduler, runFrame, advance } = createManualScheduler();
    const rates: number[] = [];
    const batcher = createDeltaBatcher(() => undefined, scheduler, (_characters, rate) => { rates.push(rate); return 10; });
    const update = (characters: number): void => {
      advance(1);
      batcher.push('x'.repeat(characters));
      advance(99);
      runFrame();
    };
    update(10);
    for (let slow = 0; slow < 9; slow += 1) update(10);
    update(1_000);
    advance(1);
    batcher.push('.');
    // One burst: the average since the first update, (9 × 10 + 1,000) characters in 1 s.
    expect(rates.at(-1)).toBe(1_090);
    advance(99);
    runFrame();
    update(1_000);
    update(1_000);
    advance(1);
    batcher.push('.');
    // The last two updates: 1,000 characters in 0.1 s each.
    expect(rates.at(-1)).toBe(10_000);
  });
});

describe('streamUpdateInterval', () => {
  it('updates every frame for the first words, then about 20 times a second, slowing as the reply grows, never below 150 ms', () => {
    const paced = 2_000;
    expect(streamUpdateInterval(0, paced)).toBe(0);
    expect(streamUpdateInterval(23, paced)).toBe(0);
    expect(streamUpdateInterval(24, paced)).toBe(50);
    expect(streamUpdateInterval(4_000, paced)).toBe(50);
    expect(streamUpdateInterval(32_000, paced)).toBeCloseTo(100);
    expect(streamUpdateInterval(60_000, paced)).toBe(150);
    expect(streamUpdateInterval(1_000_000, paced)).toBe(150);
  });

  it('updates every 400 ms while the text comes faster than a screenful every 400 ms, whatever the reply\'s length', () => {
    expect(streamUpdateInterval(10, SCREENFUL_RATE * 10)).toBe(0);
    expect(streamUpdateInterval(4_000, SCREENFUL_RATE)).toBe(SCREENFUL_RATE_MS);
    expect(streamUpdateInterval(60_000, SCREENFUL_RATE * 3)).toBe(SCREENFUL_RATE_MS);
    expect(streamUpdateInterval(4_000, SCREENFUL_RATE - 1)).toBe(50);
    expect(streamUpdateInterval(4_000, Infinity)).toBe(50);
  });
});

describe('flushedAtEnd', () => {
  it('hands on the waiting text as soon as a chunk that is not text arrives, before the consumer gets that chunk', async () => {
    const { scheduler } = createManualScheduler();
    const flushed: string[] = [];
    const batcher = createDeltaBatcher((joined) => flushed.push(joined), scheduler, () => 1000);
    batcher.push('first');
    batcher.flush();
    async function* provider(): AsyncGenerator<StreamChunk> {
      yield { type: 'content', delta: 'last words' };
      yield { type: 'usage', usage: { inputTokens: 1, outputTokens: 2, totalTokens: 3 } };
      // Where the ledger write would keep `done` back: the text must already be out.
      expect(flushed).toEqual(['first', 'last words']);
      yield { type: 'done', finishReason: 'stop' };
    }
    const seen: Array<{ type: string; flushed: number }> = [];
    for await (const chunk of flushedAtEnd(provider(), [batcher])) {
      if (chunk.type === 'content') batcher.push(chunk.delta);
      seen.push({ type: chunk.type, flushed: flushed.length });
    }
    // The text is still waiting for its update when the content chunk has been read...
    expect(seen[0]).toEqual({ type: 'content', flushed: 1 });
    // ...and out before the usage chunk reaches the consumer.
    expect(seen[1]).toEqual({ type: 'usage', flushed: 2 });
    expect(flushed).toEqual(['first', 'last words']);
  });

  it('says the stream has ended once every chunk is through, after the last hand-on; not after an error', async () => {
    const { scheduler } = createManualScheduler();
    const events: string[] = [];
    const batcher = createDeltaBatcher((joined) => events.push(`flushed ${joined}`), scheduler, () => 1000);
    async function* provider(fail: boolean): AsyncGenerator<StreamChunk> {
      yield { type: 'content', delta: 'words' };
      if (fail) throw new Error('cut off');
      yield { type: 'done', finishReason: 'stop' };
    }
    for await (const chunk of flushedAtEnd(provider(false), [batcher], () => events.push('ended'))) {
      if (chunk.type === 'content') batcher.push(chunk.delta);
      events.push(chunk.type);
    }
    expect(events).toEqual(['content', 'flushed words', 'done', 'ended']);
    events.length = 0;
    await expect((async () => {
      for await (const chunk of flushedAtEnd(provider(true), [batcher], () => events.push('ended'))) if (chunk.type === 'content') batcher.push(chunk.delta);
    })()).rejects.toThrow('cut off');
    expect(events).toEqual(['flushed words']);
  });

  it('says the stream has ended as soon as the consumer has taken `done`, while the stream still holds on (the usage ledger write), and only once', async () => {
    const { scheduler } = createManualScheduler();
    const events: string[] = [];
    const batcher = createDeltaBatcher((joined) => events.push(`flushed ${joined}`), scheduler, () => 1000);
    let letGo = (): void => undefined;
    async function* provider(): AsyncGenerator<StreamChunk> {
      yield { type: 'content', delta: 'words' };
      yield { type: 'done', finishReason: 'stop' };
      await new Promise<void>((resolve) => (letGo = resolve));
    }
    const consumed = (async () => {
      for await (const chunk of flushedAtEnd(provider(), [batcher], () => events.push('ended'))) {
        if (chunk.type === 'content') batcher.push(chunk.delta);
        events.push(chunk.type);
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(events).toEqual(['content', 'flushed words', 'done', 'ended']);
    letGo();
    await consumed;
    expect(events).toEqual(['content', 'flushed words', 'done', 'ended']);
  });
});

