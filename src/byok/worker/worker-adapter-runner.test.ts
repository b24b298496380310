// The streaming worker, run in-process with structured cloning on both hops: the page gets the
// chunks the adapter yields (text deltas joined) and the same errors; the key crosses only in the
// request's own `start` message; Stop aborts the worker's fetch.
import { afterEach, describe, expect, it } from 'vitest';
import type { ResolvedChatRequest } from '../providers/provider-adapter';
import { getProviderAdapter } from '../providers';
import { setFetchForTests } from '../providers/shared/provider-fetch';
import { createEventStreamResponse, createFakeResponse, encodeUtf8, readFixture } from '../providers/shared/test-helpers';
import { BYOKError, type BYOKProvider, type StreamChunk } from '../types';
import { createChunkBatch } from './chunk-batch';
import { OUTPUTS_PER_STEP } from '../providers/shared/run-provider-stream';
import { FIRST_WORDS_CHARACTERS, runWorkerStream } from './stream-worker-core';
import type { PageToWorker, WorkerToPage } from './stream-worker-protocol';
import { createWorkerAdapterRunner, type StreamWorker } from './worker-adapter-runner';

const KEY = 'sk-proj-CANARY-worker0123456789abcdef';
const timers = { set: (callback: () => void, delayMs: number) => setTimeout(callback, delayMs), clear: (handle: unknown) => clearTimeout(handle as number) };

/** A worker in this process: every message is structured-cloned, as postMessage does. */
function createInProcessWorker() {
  const sent: PageToWorker[] = [];
  const received: WorkerToPage[] = [];
  const listeners: Array<(event: MessageEvent<WorkerToPage>) => void> = [];
  const running = new Map<number, AbortController>();
  const toPage = (message: WorkerToPage): void => {
    const copy = structuredClone(message);
    received.push(copy);
    setTimeout(() => listeners.forEach((listener) => listener({ data: copy } as MessageEvent<WorkerToPage>)), 0);
  };
  const onWorker = (message: PageToWorker): void => {
    if (message.type === 'abort') return void running.get(message.id)?.abort();
    const controller = new AbortController();
    running.set(message.id, controller);
    void runWorkerStream(message.id, message.request, controller.signal, toPage, timers);
  };
  const worker: StreamWorker = {
    postMessage(message) {
      const copy = structuredClone(message);
      sent.push(copy);
      setTimeout(() => onWorker(copy), 0);
    },
    addEventListener(type: 'message' | 'error', listener: (event: never) => void) {
      if (type === 'message') listeners.push(listener as (event: MessageEvent<WorkerToPage>) => void);
    },
  };
  return { worker, sent, received };
}

function requestFor(provider: BYOKProvider, signal?: AbortSignal): ResolvedChatRequest {
  const models: Record<BYOKProvider, string> = { openai: 'gpt-4o', anthropic: 'claude-sonnet-4-5', google: 'gemini-2.5-flash', xai: 'grok-4', mistral: 'mistral-large-latest' };
  return { provider, model: models[provider], messages: [{ role: 'user', content: 'Hi' }], apiKey: KEY, baseUrl: 'https://provider.example/v1', ...(signal ? { signal } : {}) };
}

async function collect(chunks: AsyncIterable<StreamChunk>): Promise<{ chunks: StreamChunk[]; error: BYOKError | null }> {
  const seen: StreamChunk[] = [];
  try {
    for await (const chunk of chunks) seen.push(chunk);
    return { chunks: seen, error: null };
  } catch (error) {
    return { chunks: seen, error: error as BYOKError };
  }
}

function joined(chunks: StreamChunk[]): StreamChunk[] {
  const batch = createChunkBatch();
  chunks.forEach((chunk) => batch.add(chunk));
  return batch.take();
}

afterEach(() => setFetchForTests(undefined));

const CASES: Array<[BYOKProvider, string]> = [
  ['openai', 'openai-text.sse'], ['openai', 'openai-parallel-tool-calls.sse'], ['openai', 'openai-stream-error.sse'], ['openai', 'openai-cut-off.sse'],
  ['anthropic', 'anthropic-text.sse'], ['anthropic', 'anthropic-tool-call.sse'], ['anthropic', 'anthropic-multibyte.sse'],
  ['google', 'google-text.sse'], ['google', 'google-safety-after-output.sse'],
  ['mistral', 'mistral-text.sse'], ['xai', 'xai-text.sse'],
];

describe('streaming through the worker', () => {
  it.each(CASES)('%s %s: the same chunks and the same error as the adapter on this thread, in any network read size', async (provider, fixture) => {
    const body = readFixture(provider, fixture);
    // The worker reads a batch per network read: a byte at a time, mixed sizes, the whole body at once.
    for (const sizes of [[7, 31, 3], 1, Number.MAX_SAFE_INTEGER]) {
      setFetchForTests(async () => createEventStreamResponse(body, sizes));
      const direct = await collect(getProviderAdapter(provider).streamChat(requestFor(provider)));
      const { worker } = createInProcessWorker();
      const viaWorker = await collect(createWorkerAdapterRunner(() => worker)(requestFor(provider)));
      // The first words go out alone (B4), so the batches differ; joined, both are the same stream.
      expect(joined(viaWorker.chunks)).toEqual(joined(direct.chunks));
      expect(viaWorker.error?.code).toBe(direct.error?.code);
      expect(viaWorker.error?.message).toBe(direct.error?.message);
      expect(viaWorker.error === null || viaWorker.error instanceof BYOKError).toBe(true);
    }
  });

  it('maps an HTTP error to the same BYOKError, and sends the key only in that request\'s start message', async () => {
    setFetchForTests(async () => createFakeResponse(JSON.stringify({ error: { message: 'Incorrect API key provided', type: 'invalid_request_error', code: 'invalid_api_key' } }), { status: 401, headers: { 'content-type': 'application/json' } }));
    const direct = await collect(getProviderAdapter('openai').streamChat(requestFor('openai')));
    const { worker, sent, received } = createInProcessWorker();
    const viaWorker = await collect(createWorkerAdapterRunner(() => worker)(requestFor('openai')));
    expect(viaWorker.error?.code).toBe('INVALID_API_KEY');
    expect(viaWorker.error?.message).toBe(direct.error?.message);
    expect(sent.filter((message) => JSON.stringify(message).includes(KEY)).map((message) => message.type)).toEqual(['start']);
    expect(JSON.stringify(received)).not.toContain(KEY);
  });

  it('Stop aborts the fetch in the worker and ends with STREAM_ABORTED', async () => {
    let fetchSignal: AbortSignal | undefined;
    setFetchForTests(async (_url, init) => {
      fetchSignal = init.signal ?? undefined;
      const body = new ReadableStream<Uint8Array<ArrayBuffer>>({
        start(controller) {
          controller.enqueue(encodeUtf8('data: {"choices":[{"index":0,"delta":{"content":"Hello"}}]}\n\n'));
        },
      });
      return createEventStreamResponse(body);
    });
    const controller = new AbortController();
    const { worker, sent } = createInProcessWorker();
    const seen: StreamChunk[] = [];
    let error: BYOKError | null = null;
    try {
      for await (const chunk of createWorkerAdapterRunner(() => worker)(requestFor('openai', controller.signal))) {
        seen.push(chunk);
        controller.abort();
      }
    } catch (caught) {
      error = caught as BYOKError;
    }
    expect(seen).toEqual([{ type: 'content', delta: 'Hello' }]);
    expect(error?.code).toBe('STREAM_ABORTED');
    expect(sent.map((message) => message.type)).toEqual(['start', 'abort']);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(fetchSignal?.aborted).toBe(true);
  });
});

describe('batching in the worker', () => {
  it('posts each delta at once as it comes until the first words are out (a first delta may be only "#"), then in batches', async () => {
    const deltas = ['#', ' Mock', ' markdown', ' reply', '\n\n', 'Section', ' one', ' goes', ' on', ' here', '.'];
    const events = deltas.map((delta) => `data: ${JSON.stringify({ choices: [{ index: 0, delta: { content: delta } }] })}\n\n`);
    // Each event in a network read of its own, as a provider sends them.
    setFetchForTests(async () => createEventStreamResponse(`${events.join('')}data: [DONE]\n\n`, events.map((event) => event.length)));
    const posted: WorkerToPage[] = [];
    // A batch timer that never fires by itself: held text goes out with the end of the stream.
    const heldTimers = { set: () => 1, clear: () => undefined };
    await runWorkerStream(1, requestFor('openai'), new AbortController().signal, (message) => posted.push(message), heldTimers);
    const texts = posted.flatMap((message) => (message.type === 'chunks' ? [message.chunks.map((chunk) => ('delta' in chunk ? chunk.delta : '')).join('')] : []));
    // '#', ' Mock', ' markdown', ' reply' (19 characters), '\n\n' (21), 'Section' (28): each at once.
    expect(texts.slice(0, 6)).toEqual(['#', ' Mock', ' markdown', ' reply', '\n\n', 'Section']);
    expect(texts.slice(0, 5).join('').length).toBeLessThan(FIRST_WORDS_CHARACTERS);
    expect(texts.slice(6).join('')).toBe(' one goes on here.');
  });

  it('posts what one network read brings in one message: the last words with the usage and done', async () => {
    const words = Array.from({ length: 40 }, (_, index) => `word${index} `);
    const events = words.map((delta) => `data: ${JSON.stringify({ choices: [{ index: 0, delta: { content: delta } }] })}\n\n`);
    const ending = `data: ${JSON.stringify({ choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] })}\n\n`
      + `data: ${JSON.stringify({ choices: [], usage: { prompt_tokens: 3, completion_tokens: 40, total_tokens: 43 } })}\n\ndata: [DONE]\n\n`;
    const tail = events.slice(30).join('') + ending;
    // Thirty events a read of their own, then the last ten and the end of the stream in one read.
    setFetchForTests(async () => createEventStreamResponse(events.slice(0, 30).join('') + tail, [...events.slice(0, 30).map((event) => event.length), tail.length]));
    const posted: WorkerToPage[] = [];
    await runWorkerStream(1, requestFor('openai'), new AbortController().signal, (message) => posted.push(message), { set: () => 1, clear: () => undefined });
    const last = posted.at(-2);
    expect(posted.at(-1)).toEqual({ type: 'end', id: 1 });
    expect(last?.type === 'chunks' ? last.chunks.map((chunk) => chunk.type) : []).toEqual(['content', 'usage', 'usage', 'done']);
    const texts = posted.flatMap((message) => (message.type === 'chunks' ? message.chunks.flatMap((chunk) => ('delta' in chunk ? [chunk.delta] : [])) : []));
    expect(texts.join('')).toBe(words.join(''));
  });

  it('posts a long network read in steps as it is decoded, not all at its end (a reader that fell behind a fast stream)', async () => {
    const words = Array.from({ length: 2 * OUTPUTS_PER_STEP + 120 }, (_, index) => `word${index} `);
    const events = words.map((delta) => `data: ${JSON.stringify({ choices: [{ index: 0, delta: { content: delta } }] })}\n\n`);
    const first = events.slice(0, 10).join('');
    const rest = `${events.slice(10).join('')}data: [DONE]\n\n`;
    // The first words in a read of their own, then everything else in one read.
    setFetchForTests(async () => createEventStreamResponse(first + rest, [first.length, rest.length]));
    const posted: WorkerToPage[] = [];
    // A timer that never fires: as in a long read, which is decoded in one task.
    await runWorkerStream(1, requestFor('openai'), new AbortController().signal, (message) => posted.push(message), { set: () => 1, clear: () => undefined });
    const sizes = posted.flatMap((message) => (message.type === 'chunks' ? [message.chunks.map((chunk) => ('delta' in chunk ? chunk.delta : '')).join('').split(' ').length - 1] : []));
    // After the first words: two steps as they are decoded, then the rest with the end of the stream.
    expect(sizes.slice(-3).map((size) => size >= OUTPUTS_PER_STEP)).toEqual([true, true, false]);
    const texts = posted.flatMap((message) => (message.type === 'chunks' ? message.chunks.flatMap((chunk) => ('delta' in chunk ? [chunk.delta] : [])) : []));
    expect(texts.join('')).toBe(words.join(''));
  });
});

