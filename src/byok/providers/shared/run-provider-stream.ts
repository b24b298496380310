// One streaming call, the same for every provider: safe fetch → status / content-type check →
// SSE decoding → the provider's stream transform → StreamChunks. Errors leave here as BYOKError
// with the key scrubbed from the message.
import { BYOKError, BYOK_ERROR_CODES } from '../../types';
import type { BYOKProvider, StreamChunk } from '../../types';
import type { ProviderAdapter, ResolvedChatRequest } from '../provider-adapter';
import { createErrorFromResponse } from './provider-error';
import type { ProviderErrorMapper } from './provider-error';
import { createAbortedError, providerFetch } from './provider-fetch';
import { PROVIDER_LABELS } from './provider-labels';
import { scrubSecret } from './scrub-secret';
import { createServerSentEventDecoder } from './server-sent-events';
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

/**
 * The call's chunks in batches: those of each network read together, in order (the streaming
 * worker takes them so: one generator step per read, not one per chunk on every hop, B2). An error
 * output ends the stream: the chunks before it come as a batch of their own, then it is thrown.
 */
export async function* runProviderStreamBatches(options: ProviderStreamOptions): AsyncGenerator<StreamChunk[]> {
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
    for await (const outputs of readProviderStream(response.body, provider, options.createTransform, signal)) {
      const failed = outputs.findIndex((output) => output.type === 'error');
      const chunks = (failed === -1 ? outputs : outputs.slice(0, failed)) as StreamChunk[];
      if (chunks.length > 0) yield chunks;
      if (failed !== -1) throw (outputs[failed] as { error: BYOKError }).error;
    }
  } catch (error) {
    throw normaliseStreamError(error, provider, apiKey, signal);
  }
}

/** The same chunks one at a time: what ProviderAdapter.streamChat yields. */
export async function* runProviderStream(options: ProviderStreamOptions): AsyncGenerator<StreamChunk> {
  for await (const chunks of runProviderStreamBatches(options)) yield* chunks;
}

/**
 * An adapter's streamChat and streamChatBatches, both running `optionsFor(request)` through the
 * code above. The options are built when the stream is first read, as inside a generator.
 */
export function providerStreams(optionsFor: (request: ResolvedChatRequest) => ProviderStreamOptions): Pick<ProviderAdapter, 'streamChat' | 'streamChatBatches'> {
  return {
    async *streamChat(request) {
      yield* runProviderStream(optionsFor(request));
    },
    async *streamChatBatches(request) {
      yield* runProviderStreamBatches(optionsFor(request));
    },
  };
}

/**
 * The most outputs one step hands on. A network read is normally a few events, but a reader that
 * fell behind a fast stream gets everything buffered in one read: at the end of a 10,000-token
 * reply that was half of it, decoded in one go (about 20 ms in the streaming worker) before the
 * page saw any of it. In steps of this many, the page works on the first ones while the rest
 * are decoded (performance.md B2, last byte → final paint).
 */
export const OUTPUTS_PER_STEP = 500;

/**
 * Bytes → SSE events → the provider's transform, driven by hand: one await per network chunk
 * rather than several promise jobs per event in a chain of TransformStreams, and the outputs of
 * each network chunk handed on together (a long one in steps of OUTPUTS_PER_STEP). Outputs queued
 * before an error are all handed on first. The caller's abort cancels the body read at once.
 */
export async function* readProviderStream(
  body: ReadableStream<Uint8Array<ArrayBuffer>>,
  provider: BYOKProvider,
  createTransform: () => StreamTransformer,
  signal?: AbortSignal,
): AsyncGenerator<TransformOutput[]> {
  const reader = body.getReader();
  const cancel = (): void => void reader.cancel().catch(() => undefined);
  signal?.addEventListener('abort', cancel, { once: true });
  const run = startTransform(createTransform());
  const decoder = createServerSentEventDecoder({ provider });
  let finished = false;
  try {
    await run.start();
    while (!run.stopped) {
      const { done, value } = await reader.read();
      if (signal?.aborted) throw createAbortedError(provider);
      for (const event of done ? decoder.end() : decoder.feed(value)) {
        // Every transform is synchronous today: an await per event would cost a promise job each.
        const pending = run.transform(event);
        if (pending) await pending;
        if (run.size >= OUTPUTS_PER_STEP) yield run.take();
      }
      if (done) await run.flush();
      const outputs = run.take();
      if (outputs.length > 0) yield outputs;
      if (done) break;
    }
    finished = true;
  } finally {
    signal?.removeEventListener('abort', cancel);
    // The consumer stopped early (break / return) or an error occurred: release the connection.
    if (!finished) cancel();
  }
}

/** A Transformer run without a TransformStream: enqueue collects, terminate stops. */
function startTransform(transformer: StreamTransformer) {
  let outputs: TransformOutput[] = [];
  let stopped = false;
  const controller = {
    desiredSize: 1,
    enqueue: (output: TransformOutput) => void (stopped || outputs.push(output)),
    error: (reason: unknown) => {
      throw reason;
    },
    terminate: () => {
      stopped = true;
    },
  } as TransformStreamDefaultController<TransformOutput>;
  return {
    get stopped() {
      return stopped;
    },
    start: async () => transformer.start?.(controller),
    transform: (event: ServerSentEvent): void | PromiseLike<void> => (stopped ? undefined : transformer.transform?.(event, controller)),
    flush: async () => {
      if (!stopped) await transformer.flush?.(controller);
    },
    get size() {
      return outputs.length;
    },
    take: (): TransformOutput[] => {
      const taken = outputs;
      outputs = [];
      return taken;
    },
  };
}

/** The same pipeline as a ReadableStream, for the fixture tests that replay recorded bodies. */
export function decodeProviderStream(
  body: ReadableStream<Uint8Array<ArrayBuffer>>,
  provider: BYOKProvider,
  createTransform: () => StreamTransformer,
): ReadableStream<TransformOutput> {
  const outputs = readProviderStream(body, provider, createTransform);
  return new ReadableStream<TransformOutput>({
    async pull(controller) {
      const next = await outputs.next();
      if (next.done) controller.close();
      else for (const output of next.value) controller.enqueue(output);
    },
    async cancel() {
      await outputs.return(undefined);
    },
  });
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
