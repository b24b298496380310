// One streaming call, the same for every provider: safe fetch → status / content-type check →
// SSE decoding → the provider's stream transform → StreamChunks. Errors leave here as BYOKError
// with the key scrubbed from the message.
import { BYOKError, BYOK_ERROR_CODES } from '../../types';
import type { BYOKProvider, StreamChunk } from '../../types';
import { createErrorFromResponse } from './provider-error';
import type { ProviderErrorMapper } from './provider-error';
import { createAbortedError, providerFetch } from './provider-fetch';
import { PROVIDER_LABELS } from './provider-labels';
import { scrubSecret } from './scrub-secret';
import { decodeServerSentEvents } from './server-sent-events';
import type { ServerSentEvent } from './server-sent-events';

/**
 * What a stream transform emits. Errors travel in order as values rather than by erroring the
 * TransformStream, which would discard chunks still queued ahead of the error.
 */
export type TransformOutput = StreamChunk | { type: 'error'; error: BYOKError };
export type StreamTransformer = Transformer<ServerSentEvent, TransformOutput>;

export interface ProviderStreamOptions {
  provider: BYOKProvider;
  url: string;
  headers: Record<string, string>;
  body: unknown;
  apiKey: string;
  signal?: AbortSignal;
  mapError: ProviderErrorMapper;
  createTransform: () => StreamTransformer;
}

export async function* runProviderStream(options: ProviderStreamOptions): AsyncGenerator<StreamChunk> {
  const { provider, signal, apiKey } = options;
  try {
    const response = await providerFetch(options.url, {
      provider,
      method: 'POST',
      headers: options.headers,
      body: JSON.stringify(options.body),
      ...(signal ? { signal } : {}),
    });
    const contentType = response.headers.get('content-type') ?? '';
    if (!response.ok || !contentType.includes('text/event-stream') || !response.body) {
      throw await createErrorFromResponse(response, provider, options.mapError);
    }
    yield* readChunks(decodeProviderStream(response.body, provider, options.createTransform), provider, signal);
  } catch (error) {
    throw normaliseStreamError(error, provider, apiKey, signal);
  }
}

/** Bytes → SSE events → the provider's transform. Exported for the fixture tests. */
export function decodeProviderStream(
  body: ReadableStream<Uint8Array<ArrayBuffer>>,
  provider: BYOKProvider,
  createTransform: () => StreamTransformer,
): ReadableStream<TransformOutput> {
  return decodeServerSentEvents(body, { provider }).pipeThrough(new TransformStream(createTransform()));
}

/** Reads the chunk stream; the caller's abort cancels the read at once instead of waiting. */
async function* readChunks(
  stream: ReadableStream<TransformOutput>,
  provider: BYOKProvider,
  signal?: AbortSignal,
): AsyncGenerator<StreamChunk> {
  const reader = stream.getReader();
  const cancel = (): void => void reader.cancel().catch(() => undefined);
  signal?.addEventListener('abort', cancel, { once: true });
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (signal?.aborted) throw createAbortedError(provider);
      if (done) {
        finished = true;
        return;
      }
      if (value.type === 'error') throw value.error;
      yield value;
    }
  } finally {
    signal?.removeEventListener('abort', cancel);
    // The consumer stopped early (break / return) or an error occurred: release the connection.
    if (!finished) cancel();
  }
}

function normaliseStreamError(
  error: unknown,
  provider: BYOKProvider,
  apiKey: string,
  signal: AbortSignal | undefined,
): BYOKError {
  if (signal?.aborted) return createAbortedError(provider);
  if (error instanceof BYOKError) return scrubError(error, apiKey);
  // The body failed mid-way (connection reset, network lost): whatever arrived is all there is.
  return new BYOKError(
    BYOK_ERROR_CODES.STREAM_INTERRUPTED,
    `The connection to ${PROVIDER_LABELS[provider]} broke during the reply; it may be incomplete.`,
    { provider },
  );
}

export function scrubError(error: BYOKError, apiKey: string): BYOKError {
  const message = scrubSecret(error.message, apiKey);
  if (message === error.message) return error;
  return new BYOKError(error.code, message, {
    ...(error.provider ? { provider: error.provider } : {}),
    ...(error.status === undefined ? {} : { status: error.status }),
    ...(error.retryAfterMs === undefined ? {} : { retryAfterMs: error.retryAfterMs }),
  });
}
