// Where a provider adapter runs. By default streaming-client.ts runs it on the calling thread; the
// app swaps in the streaming worker (byok/worker/) so that fetch, SSE decoding and the provider
// transform leave the main thread (performance.md B2). This module imports no adapter, so the
// first screen can set the runner without loading any provider code (B1).
import type { ResolvedChatRequest } from './providers/provider-adapter';
import type { StreamChunk } from './types';

/** Runs the adapter of `request.provider` on a resolved request: the same chunks, the same errors. */
export type AdapterRunner = (request: ResolvedChatRequest) => AsyncIterable<StreamChunk>;

let runner: AdapterRunner | undefined;

/** Pass undefined to run adapters on the calling thread again (tests). */
export function setAdapterRunner(next: AdapterRunner | undefined): void {
  runner = next;
}

export function getAdapterRunner(): AdapterRunner | undefined {
  return runner;
}
