// Providers may send hundreds of tiny deltas a second; the screen needs at most one update per
// animation frame (performance.md B2, B4). Deltas are joined here and handed on once per frame.

export interface FrameScheduler {
  request(callback: () => void): number;
  cancel(handle: number): void;
}

export const animationFrameScheduler: FrameScheduler = {
  request: (callback) => requestAnimationFrame(() => callback()),
  cancel: (handle) => cancelAnimationFrame(handle),
};

export interface DeltaBatcher {
  push(delta: string): void;
  /** Hands on whatever is pending now (the end of a stream must not wait for a frame). */
  flush(): void;
  /** Drops whatever is pending without handing it on. */
  cancel(): void;
}

/**
 * After the first update, hand on at most once per `minimumIntervalMs`. Every update costs a
 * style, layout and paint of the growing reply; on a slow device 60 of them a second saturate the
 * main thread (npm run bench, B2), while 20 a second still read as smooth streaming.
 */
export interface DeltaPacing {
  minimumIntervalMs: number;
  now: () => number;
}

export function createDeltaBatcher(
  onFlush: (joined: string) => void,
  scheduler: FrameScheduler = animationFrameScheduler,
  pacing: DeltaPacing = { minimumIntervalMs: 0, now: () => 0 },
): DeltaBatcher {
  let pending: string[] = [];
  let handle: number | null = null;
  let lastFlushAt: number | null = null;

  function flush(): void {
    if (handle !== null) scheduler.cancel(handle);
    handle = null;
    if (pending.length === 0) return;
    const joined = pending.join('');
    pending = [];
    lastFlushAt = pacing.now();
    onFlush(joined);
  }

  /** A frame came: flush if the interval has passed (the first update never waits), else wait for the next frame. */
  function onFrame(): void {
    handle = null;
    const elapsed = lastFlushAt === null ? Infinity : pacing.now() - lastFlushAt;
    if (elapsed >= pacing.minimumIntervalMs) flush();
    else handle = scheduler.request(onFrame);
  }

  return {
    push(delta) {
      if (delta.length === 0) return;
      pending.push(delta);
      if (handle === null) handle = scheduler.request(onFrame);
    },
    flush,
    cancel() {
      if (handle !== null) scheduler.cancel(handle);
      handle = null;
      pending = [];
    },
  };
}
