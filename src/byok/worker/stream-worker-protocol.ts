// The messages between the page and the streaming worker (stream-worker.ts). Plain data only:
// everything here survives structured cloning. The key travels in exactly one message, `start`.
import type { ResolvedChatRequest } from '../providers/provider-adapter';
import type { BYOKErrorCode, BYOKProvider, StreamChunk } from '../types';

/** The request as the worker gets it: no AbortSignal (it cannot be cloned; `abort` replaces it). */
export type WorkerChatRequest = Omit<ResolvedChatRequest, 'signal'>;

export type PageToWorker =
  | { type: 'start'; id: number; request: WorkerChatRequest }
  | { type: 'abort'; id: number };

export interface SerialisedError {
  code: BYOKErrorCode;
  message: string;
  provider?: BYOKProvider;
  status?: number;
  retryAfterMs?: number;
}

export type WorkerToPage =
  /** The adapter's chunks in order; neighbouring text deltas of one kind arrive joined. */
  | { type: 'chunks'; id: number; chunks: StreamChunk[] }
  | { type: 'end'; id: number }
  | { type: 'error'; id: number; error: SerialisedError };
