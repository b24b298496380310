// When the reply renderer's deferred work runs: in a later task (mounting a backlog in slices) or
// when the page is idle (upgrading finished blocks nobody is looking at). Injected, so tests can
// run each task by hand and count the slices.
export interface SliceScheduler {
  /** Runs `task` in a later task, after the browser had a chance to paint; returns a cancel. */
  later(task: () => void): () => void;
  /** Runs `task` when the page is idle; it gets how many ms of that idle period are left. */
  idle(task: (timeLeft: () => number) => void): () => void;
  now(): number;
}

/** After this long without an idle period, idle work runs anyway (a page that is never idle). */
const IDLE_TIMEOUT_MS = 1000;
/** Where there is no requestIdleCallback (Safari), idle work waits this long and gets one slice. */
const IDLE_FALLBACK_DELAY_MS = 50;
const IDLE_FALLBACK_SLICE_MS = 8;

/** A message-channel task: not clamped like nested timers, and a frame can run before it. */
function later(task: () => void): () => void {
  const channel = new MessageChannel();
  let cancelled = false;
  channel.port1.onmessage = () => {
    channel.port1.close();
    if (!cancelled) task();
  };
  channel.port2.postMessage(null);
  return () => {
    cancelled = true;
    channel.port1.close();
  };
}

function idle(task: (timeLeft: () => number) => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback((deadline) => task(() => deadline.timeRemaining()), { timeout: IDLE_TIMEOUT_MS });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(() => {
    const end = performance.now() + IDLE_FALLBACK_SLICE_MS;
    task(() => end - performance.now());
  }, IDLE_FALLBACK_DELAY_MS);
  return () => clearTimeout(handle);
}

export const browserSliceScheduler: SliceScheduler = { later, idle, now: () => performance.now() };
