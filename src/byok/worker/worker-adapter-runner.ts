// The page's side of the streaming worker: an AdapterRunner for streaming-client.ts that yields
// the same StreamChunks the adapter yields in the worker, and throws the same BYOKErrors. The key
// is posted to the worker in the one `start` message of its request, never stored there.
import type { ResolvedChatRequest } from '../providers/provider-adapter';
import { BYOKError, type StreamChunk } from '../types';
import type { AdapterRunner } from '../adapter-runner';
import type { PageToWorker, WorkerToPage } from './stream-worker-protocol';

export interface StreamWorker {
  postMessage(message: PageToWorker): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<WorkerToPage>) => void): void;
  addEventListener(type: 'error', listener: (event: Event) => void): void;
}

type Listener = (message: WorkerToPage) => void;

function abortedError(request: ResolvedChatRequest): BYOKError {
  return new BYOKError('STREAM_ABORTED', 'The request was cancelled.', { provider: request.provider });
}

/** A queue the worker's messages fill and the generator drains, waking it when something arrives. */
function createInbox() {
  const messages: WorkerToPage[] = [];
  let wake: (() => void) | null = null;
  return {
    put(message: WorkerToPage) {
      messages.push(message);
      wake?.();
      wake = null;
    },
    async next(): Promise<WorkerToPage> {
      while (messages.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      return messages.shift() as WorkerToPage;
    },
  };
}

export function createWorkerAdapterRunner(startWorker: () => StreamWorker): AdapterRunner {
  let worker: StreamWorker | null = null;
  let nextId = 1;
  const listeners = new Map<number, Listener>();

  function connect(): StreamWorker {
    if (worker) return worker;
    const started = startWorker();
    started.addEventListener('message', (event) => listeners.get(event.data.id)?.(event.data));
    // The worker could not load or crashed: every open request ends with a clear error.
    started.addEventListener('error', () => {
      for (const [id, listener] of listeners) listener({ type: 'error', id, error: { code: 'UNKNOWN', message: 'The streaming worker stopped. Reload the page and send again.' } });
      worker = null;
    });
    worker = started;
    return started;
  }

  return async function* runInWorker(request: ResolvedChatRequest): AsyncGenerator<StreamChunk> {
    const { signal, ...cloneable } = request;
    if (signal?.aborted) throw abortedError(request);
    const id = nextId++;
    const inbox = createInbox();
    const target = connect();
    listeners.set(id, inbox.put);
    const abort = (): void => target.postMessage({ type: 'abort', id });
    signal?.addEventListener('abort', abort, { once: true });
    let ended = false;
    try {
      target.postMessage({ type: 'start', id, request: cloneable });
      for (;;) {
        const message = await inbox.next();
        if (message.type === 'chunks') yield* message.chunks;
        else if (message.type === 'end') break;
        else {
          const { code, message: text, ...details } = message.error;
          throw signal?.aborted ? abortedError(request) : new BYOKError(code, text, details);
        }
      }
      ended = true;
    } finally {
      signal?.removeEventListener('abort', abort);
      listeners.delete(id);
      // The consumer stopped early (break, return, an error of its own): the worker stops too.
      if (!ended && !signal?.aborted) abort();
    }
  };
}
