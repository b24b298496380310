// What the streaming worker does for one request, kept apart from the worker global so it is
// tested in Node: runs THE SAME adapter code as the page would (getProviderAdapter(...).streamChat,
// read in batches, one per network read: streamChatBatches), and posts its chunks in batches: the
// first words at once (performance.md B4), then at most one message per POST_INTERVAL_MS; what
// comes with something that is not text (the end: usage and done) goes out at once, and so does a
// batch of OUTPUTS_PER_STEP chunks (a long network read, handed on in steps while the rest of it
// is decoded). The key is in `request` only, held for this request and dropped when it ends
// (security.md; see README "Streaming in a worker").
import { getProviderAdapter } from '../providers';
import { OUTPUTS_PER_STEP } from '../providers/shared/run-provider-stream';
import { BYOKError } from '../types';
import { createChunkBatch } from './chunk-batch';
import type { SerialisedError, WorkerChatRequest, WorkerToPage } from './stream-worker-protocol';

/** About 40 messages a second at most: the page updates the screen far less often than that. */
export const POST_INTERVAL_MS = 25;
/**
 * Text is posted as it comes until this much has gone out. A reply's first deltas may be only
 * Markdown syntax ("#", "- ", "```"), which shows nothing: the words after them must not wait out a
 * batch interval (performance.md B4). The page's own batcher does the same (delta-batcher.ts).
 */
export const FIRST_WORDS_CHARACTERS = 24;

export interface WorkerTimers {
  set(callback: () => void, delayMs: number): unknown;
  clear(handle: unknown): void;
}

export function serialiseError(error: unknown): SerialisedError {
  if (error instanceof BYOKError) {
    return {
      code: error.code, message: error.message,
      ...(error.provider ? { provider: error.provider } : {}),
      ...(error.status === undefined ? {} : { status: error.status }),
      ...(error.retryAfterMs === undefined ? {} : { retryAfterMs: error.retryAfterMs }),
    };
  }
  return { code: 'UNKNOWN', message: error instanceof Error ? error.message : String(error) };
}

/** Streams one request; resolves when its last message is posted. `signal` is the page's abort. */
export async function runWorkerStream(
  id: number,
  request: WorkerChatRequest,
  signal: AbortSignal,
  post: (message: WorkerToPage) => void,
  timers: WorkerTimers,
): Promise<void> {
  const batch = createChunkBatch();
  let timer: unknown = null;
  let textCharacters = 0;
  /** Chunks added since the last post, before joining: a long read's steps are not held back. */
  let added = 0;
  const postBatch = (): void => {
    if (timer !== null) timers.clear(timer);
    timer = null;
    added = 0;
    if (batch.size > 0) post({ type: 'chunks', id, chunks: batch.take() });
  };
  try {
    // The chunks of each network read together: one generator step per read on every hop.
    for await (const chunks of getProviderAdapter(request.provider).streamChatBatches({ ...request, signal })) {
      let postNow = false;
      for (const chunk of chunks) {
        batch.add(chunk);
        const isText = 'delta' in chunk;
        // The first words, and anything that is not text (tool calls, usage, done), go out at once.
        if (!isText || textCharacters < FIRST_WORDS_CHARACTERS) postNow = true;
        if (isText) textCharacters += chunk.delta.length;
      }
      added += chunks.length;
      // The batch timer cannot fire while a long read is decoded (one task): its steps go at once.
      if (postNow || added >= OUTPUTS_PER_STEP) postBatch();
      else if (timer === null) timer = timers.set(postBatch, POST_INTERVAL_MS);
    }
    postBatch();
    post({ type: 'end', id });
  } catch (error) {
    postBatch();
    post({ type: 'error', id, error: serialiseError(error) });
  }
}
