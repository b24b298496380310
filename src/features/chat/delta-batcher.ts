// Providers may send hundreds of tiny deltas a second; the screen needs far fewer updates
// (performance.md B2–B4). Deltas are joined here and handed on in exactly one animation frame per
// update: the first ones at once (the first words are painted in the next frame), later ones after a
// timer that waits out the update interval, then one frame. No frame is requested while waiting,
// so an idle stretch costs no frames at all.

import type { StreamChunk } from '../../byok/types';

export interface UpdateScheduler {
  frame(callback: () => void): number;
  cancelFrame(handle: number): void;
  timer(callback: () => void, delayMs: number): number;
  cancelTimer(handle: number): void;
  now(): number;
}

export const browserUpdateScheduler: UpdateScheduler = {
  frame: (callback) => requestAnimationFrame(() => callback()),
  cancelFrame: (handle) => cancelAnimationFrame(handle),
  timer: (callback, delayMs) => window.setTimeout(callback, delayMs),
  cancelTimer: (handle) => window.clearTimeout(handle),
  now: () => performance.now(),
};

/**
 * The least time between two updates, given how many characters were handed on so far and how fast
 * they came: characters per second, the higher of the average since the first update and the slower
 * of the last two updates' own (so neither a slow start nor one slow stretch under a busy machine
 * hides a fast stream, and one burst does not make a slow one fast); Infinity until a second update.
 */
export type UpdateInterval = (handedOnCharacters: number, charactersPerSecond: number) => number;

/**
 * Text faster than this (about 1,500 tokens a second, more than a screenful of about 2,500
 * characters every 400 ms) outruns any reader: each update replaces most of the screen, and costs
 * a screenful's render, style, layout and paint however little of it is read. Such a stream is
 * updated about 2.5 times a second (performance.md B2 at full speed: the app's main-thread CPU ÷
 * the naive renderer's). 500 tokens a second (about 2,000 characters) stays well below it.
 */
export const SCREENFUL_RATE = 6_000;
export const SCREENFUL_RATE_MS = 400;

/**
 * About 20 updates a second for a short reply, slowing to about 7 a second for a very long one:
 * each update still costs a style, layout and paint of what is on screen, and a reader of a long
 * reply does not need it to move more often (npm run bench, B2 and B3).
 */
export const streamUpdateInterval: UpdateInterval = (characters, charactersPerSecond) => {
  // The first few characters may be only Markdown syntax ("# ", "- ", "```"), which shows nothing:
  // until the first words are through, every frame may update (performance.md B4).
  const FIRST_WORDS = 24;
  if (characters < FIRST_WORDS) return 0;
  if (charactersPerSecond >= SCREENFUL_RATE && Number.isFinite(charactersPerSecond)) return SCREENFUL_RATE_MS;
  const FAST_MS = 50;
  const SLOW_MS = 150;
  const SLOWING_FROM = 4_000;
  const SLOWEST_AT = 60_000;
  const progress = Math.min(1, Math.max(0, (characters - SLOWING_FROM) / (SLOWEST_AT - SLOWING_FROM)));
  return FAST_MS + (SLOW_MS - FAST_MS) * progress;
};

export interface DeltaBatcher {
  push(delta: string): void;
  /** Hands on whatever is pending now (the end of a stream must not wait for a frame). */
  flush(): void;
  /** Drops whatever is pending without handing it on. */
  cancel(): void;
}

export function createDeltaBatcher(
  onFlush: (joined: string) => void,
  scheduler: UpdateScheduler = browserUpdateScheduler,
  interval: UpdateInterval = () => 0,
): DeltaBatcher {
  let pending: string[] = [];
  let timerHandle: number | null = null;
  let frameHandle: number | null = null;
  let lastFlushAt: number | null = null;
  let firstFlushAt: number | null = null;
  /** Characters handed on after the first update, over the time since it. */
  let handedOnSinceFirst = 0;
  let handedOn = 0;
  /** Characters per second of the last two updates' text, each since the update before it. */
  let lastRate = 0;
  let rateBefore = 0;

  function stopWaiting(): void {
    if (timerHandle !== null) scheduler.cancelTimer(timerHandle);
    if (frameHandle !== null) scheduler.cancelFrame(frameHandle);
    timerHandle = null;
    frameHandle = null;
  }

  function flush(): void {
    stopWaiting();
    if (pending.length === 0) return;
    const joined = pending.join('');
    pending = [];
    handedOn += joined.length;
    const previousFlushAt = lastFlushAt;
    lastFlushAt = scheduler.now();
    if (previousFlushAt !== null) [rateBefore, lastRate] = [lastRate, (joined.length * 1000) / Math.max(lastFlushAt - previousFlushAt, 1)];
    if (firstFlushAt === null) firstFlushAt = lastFlushAt;
    else handedOnSinceFirst += joined.length;
    onFlush(joined);
  }

  function requestFrame(): void {
    timerHandle = null;
    frameHandle = scheduler.frame(flush);
  }

  return {
    push(delta) {
      if (delta.length === 0) return;
      pending.push(delta);
      if (timerHandle !== null || frameHandle !== null) return;
      const average = firstFlushAt === null || lastFlushAt === firstFlushAt ? Infinity : (handedOnSinceFirst * 1000) / ((lastFlushAt as number) - firstFlushAt);
      const rate = Math.max(average, Math.min(lastRate, rateBefore));
      const wait = lastFlushAt === null ? 0 : interval(handedOn, rate) - (scheduler.now() - lastFlushAt);
      if (wait <= 0) requestFrame();
      else timerHandle = scheduler.timer(requestFrame, wait);
    },
    flush,
    cancel() {
      stopWaiting();
      pending = [];
    },
  };
}

/**
 * Passes the chunks on, and hands on the deltas still waiting for their update when a chunk that
 * is not text arrives (the provider's usage and `done` follow the last text: the last words go out
 * with the first of them, performance.md B2 last byte → final paint), and when the stream ends.
 * `onEnd` runs once, when the stream has ended normally: as soon as the consumer has taken `done`,
 * the stream's last chunk, not when the stream lets go (byok finishes the usage ledger write then),
 * and after that last hand-on; never after an error or a consumer's stop.
 */
export async function* flushedAtEnd(chunks: AsyncIterable<StreamChunk>, batchers: DeltaBatcher[], onEnd?: () => void): AsyncGenerator<StreamChunk> {
  let ended = false;
  const end = (): void => {
    if (ended) return;
    ended = true;
    onEnd?.();
  };
  try {
    for await (const chunk of chunks) {
      if (!('delta' in chunk)) for (const batcher of batchers) batcher.flush();
      yield chunk;
      if (chunk.type === 'done') end();
    }
  } finally {
    for (const batcher of batchers) batcher.flush();
  }
  end();
}
