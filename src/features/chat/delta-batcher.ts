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

export function createDeltaBatcher(onFlush: (joined: string) => void, scheduler: FrameScheduler = animationFrameScheduler): DeltaBatcher {
  let pending: string[] = [];
  let handle: number | null = null;

  function flush(): void {
    if (handle !== null) scheduler.cancel(handle);
    handle = null;
    if (pending.length === 0) return;
    const joined = pending.join('');
    pending = [];
    onFlush(joined);
  }

  return {
    push(delta) {
      if (delta.length === 0) return;
      pending.push(delta);
      if (handle === null) handle = scheduler.request(flush);
    },
    flush,
    cancel() {
      if (handle !== null) scheduler.cancel(handle);
      handle = null;
      pending = [];
    },
  };
}
