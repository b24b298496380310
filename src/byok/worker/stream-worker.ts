// The dedicated worker that streams chat replies off the main thread (performance.md B2): fetch,
// SSE decoding, JSON parsing and the provider transform run here, and the page gets batched
// chunks. Started by worker-adapter-runner.ts; one worker serves every request of the page.
/// <reference lib="webworker" />
import { runWorkerStream } from './stream-worker-core';
import type { PageToWorker, WorkerToPage } from './stream-worker-protocol';

declare const self: DedicatedWorkerGlobalScope;

const running = new Map<number, AbortController>();
const post = (message: WorkerToPage): void => self.postMessage(message);
const timers = { set: (callback: () => void, delayMs: number) => setTimeout(callback, delayMs), clear: (handle: unknown) => clearTimeout(handle as number) };

self.onmessage = (event: MessageEvent<PageToWorker>) => {
  const message = event.data;
  if (message.type === 'abort') {
    running.get(message.id)?.abort();
    return;
  }
  const controller = new AbortController();
  running.set(message.id, controller);
  // The request (and the key in it) is referenced only by this call; it is gone when it ends.
  void runWorkerStream(message.id, message.request, controller.signal, post, timers).finally(() => running.delete(message.id));
};
