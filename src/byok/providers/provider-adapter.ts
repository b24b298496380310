// THE interface every provider implements. A provider folder imports only this file,
// providers/shared/ and byok/types.ts (docs/architecture.md).
import type { BYOKProvider, ChatRequest, StreamChunk } from '../types';

/** A chat request whose key and endpoint are already resolved (from the request or the vault). */
export interface ResolvedChatRequest extends ChatRequest {
  apiKey: string;
  /** API root including the version path, e.g. https://api.openai.com/v1. */
  baseUrl: string;
}

export interface ListModelsOptions {
  apiKey: string;
  baseUrl: string;
  signal?: AbortSignal;
}

/** One model as the provider's own `GET /models` reports it. */
export interface RemoteModel {
  id: string;
  displayName?: string;
  contextWindow?: number;
  maxOutputTokens?: number;
}

export interface ProviderAdapter {
  readonly provider: BYOKProvider;
  /**
   * Streams one chat turn. Yields content / tool_call / usage chunks and ends with exactly one
   * `done` chunk, or throws a BYOKError (before or after chunks were yielded).
   */
  streamChat(request: ResolvedChatRequest): AsyncGenerator<StreamChunk>;
  /**
   * The same chunks from the same code, in batches: those of each network read together, in order
   * (the streaming worker reads them so, one step per read rather than per chunk, performance.md B2).
   */
  streamChatBatches(request: ResolvedChatRequest): AsyncGenerator<StreamChunk[]>;
  /** The provider's free `GET /models`; errors mapped to BYOKError as in providers.md §1. */
  listModels(options: ListModelsOptions): Promise<RemoteModel[]>;
}
