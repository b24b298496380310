// Chat replies stream from a dedicated worker (performance.md B2): fetch, SSE decoding and the
// provider transforms leave the main thread, which only renders. The worker is started on the
// first reply; a browser without module workers streams on the main thread as before.
import { setAdapterRunner } from '../byok/adapter-runner';
import { createWorkerAdapterRunner } from '../byok/worker/worker-adapter-runner';

export function streamRepliesInWorker(): void {
  if (typeof Worker !== 'function') return;
  setAdapterRunner(createWorkerAdapterRunner(() => new Worker(new URL('../byok/worker/stream-worker.ts', import.meta.url), { type: 'module', name: 'vivim-stream' })));
}
