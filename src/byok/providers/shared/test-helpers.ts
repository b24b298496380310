// Test-only helpers (imported by *.test.ts, never by app code): byte streams in chosen chunk
// sizes, fake fetch Responses, a recording fetch, and fixture loading.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BYOKError } from '../../types';
import type { BYOKProvider, FinishReason, StreamChunk, ToolCall, Usage } from '../../types';
import { decodeProviderStream } from './run-provider-stream';
import type { StreamTransformer } from './run-provider-stream';

export type ByteStream = ReadableStream<Uint8Array<ArrayBuffer>>;

export function encodeUtf8(text: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(text);
}

/** The text's UTF-8 bytes in pieces of the given sizes (cycled), so characters split anywhere. */
export function createChunkedStream(text: string, chunkSizes: number | readonly number[] = Number.MAX_SAFE_INTEGER): ByteStream {
  const bytes = encodeUtf8(text);
  const sizes = typeof chunkSizes === 'number' ? [chunkSizes] : chunkSizes;
  const pieces: Uint8Array<ArrayBuffer>[] = [];
  for (let offset = 0, turn = 0; offset < bytes.length; turn += 1) {
    const size = Math.max(1, sizes[turn % sizes.length] ?? 1);
    pieces.push(bytes.slice(offset, offset + size));
    offset += size;
  }
  return new ReadableStream({
    start(controller) {
      // Each piece stays a separate read, which is what exercises the decoder's boundaries.
      for (const piece of pieces) controller.enqueue(piece);
      controller.close();
    },
  });
}

/** Deterministic pseudo-random chunk sizes (mulberry32), so a failing seed can be replayed. */
export function createRandomChunkSizes(seed: number, count: number, maximum: number): number[] {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
  return Array.from({ length: count }, () => 1 + Math.floor(next() * maximum));
}

export interface FakeResponseInit {
  status?: number;
  headers?: Record<string, string>;
  chunkSizes?: number | readonly number[];
}

export function createFakeResponse(body: string | ByteStream, init: FakeResponseInit = {}): Response {
  const stream = typeof body === 'string' ? createChunkedStream(body, init.chunkSizes) : body;
  return new Response(stream, { status: init.status ?? 200, headers: init.headers ?? {} });
}

export function createEventStreamResponse(body: string | ByteStream, chunkSizes?: number | readonly number[]): Response {
  return createFakeResponse(body, { headers: { 'content-type': 'text/event-stream' }, ...(chunkSizes ? { chunkSizes } : {}) });
}

export function createJsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return createFakeResponse(text, { status, headers: { 'content-type': 'application/json', ...headers } });
}

/** A body that sends `prefix` and then never ends: only an abort can stop the reader. */
export function createHangingStream(prefix: string): ByteStream {
  let sent = false;
  return new ReadableStream({
    pull(controller) {
      if (!sent) {
        sent = true;
        controller.enqueue(encodeUtf8(prefix));
        return;
      }
      return new Promise<void>(() => undefined);
    },
  });
}

export interface RecordedRequest {
  url: string;
  init: RequestInit;
  headers: Record<string, string>;
  body: unknown;
}

export type FetchFunction = (input: string, init: RequestInit) => Promise<Response>;

export function createRecordingFetch(respond: (request: RecordedRequest) => Response | Promise<Response>): {
  fetch: FetchFunction;
  requests: RecordedRequest[];
} {
  const requests: RecordedRequest[] = [];
  const fetchFunction: FetchFunction = async (input, init) => {
    const headers = Object.fromEntries(new Headers(init.headers).entries());
    const body: unknown = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
    const request: RecordedRequest = { url: input, init, headers, body };
    requests.push(request);
    return respond(request);
  };
  return { fetch: fetchFunction, requests };
}

export function readFixture(provider: BYOKProvider, name: string): string {
  return readFileSync(fileURLToPath(new URL(`../${provider}/__fixtures__/${name}`, import.meta.url)), 'utf8');
}

/** Gemini frames with CRLF; fixtures are normalised so a checkout that rewrote line ends still tests it. */
export function convertToCrlf(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}

export interface TransformRun {
  chunks: StreamChunk[];
  error?: BYOKError;
}

/** Bytes → SSE → a provider transform, collecting what comes out (errors as values). */
export async function runStreamTransform(
  body: ByteStream,
  provider: BYOKProvider,
  createTransform: () => StreamTransformer,
): Promise<TransformRun> {
  const reader = decodeProviderStream(body, provider, createTransform).getReader();
  const chunks: StreamChunk[] = [];
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return { chunks };
      if (value.type === 'error') return { chunks, error: value.error };
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof BYOKError) return { chunks, error };
    throw error;
  }
}

export interface StreamSummary {
  content: string;
  /** Only present when the stream carried reasoning, so plain fixtures keep their expectations. */
  reasoning?: string;
  replay?: unknown[];
  toolCalls: ToolCall[];
  usage?: Usage;
  finishReason?: FinishReason;
  doneCount: number;
  errorCode?: string;
}

export function summariseChunks(chunks: StreamChunk[], error?: BYOKError): StreamSummary {
  const summary: StreamSummary = { content: '', toolCalls: [], doneCount: 0 };
  for (const chunk of chunks) {
    if (chunk.type === 'content') summary.content += chunk.delta;
    else if (chunk.type === 'reasoning') summary.reasoning = (summary.reasoning ?? '') + chunk.delta;
    else if (chunk.type === 'replay') summary.replay = chunk.replay.items;
    else if (chunk.type === 'tool_call') summary.toolCalls.push(chunk.toolCall);
    else if (chunk.type === 'usage') summary.usage = chunk.usage;
    else {
      summary.finishReason = chunk.finishReason;
      summary.doneCount += 1;
    }
  }
  if (error) summary.errorCode = error.code;
  return summary;
}

export async function collectAsync<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

export interface FixtureExpectation {
  fixture: string;
  expected: StreamSummary;
}

/** Every chunk size from 1 byte to the whole body, then `randomRuns` random chunkings. */
export function listChunkings(byteLength: number, randomRuns = 25): Array<number | number[]> {
  const chunkings: Array<number | number[]> = [];
  for (let size = 1; size <= byteLength; size += 1) chunkings.push(size);
  for (let seed = 1; seed <= randomRuns; seed += 1) chunkings.push(createRandomChunkSizes(seed, 64, 40));
  return chunkings;
}

/**
 * Replays a fixture through decoder + transform in every chunking; all must give exactly the
 * chunks of the whole-body run, and that run must mean what the provider meant.
 */
export async function replayFixtureInEveryChunking(
  provider: BYOKProvider,
  text: string,
  createTransform: () => StreamTransformer,
): Promise<{ reference: TransformRun; mismatches: string[] }> {
  const reference = await runStreamTransform(createChunkedStream(text), provider, createTransform);
  const expected = JSON.stringify({ chunks: reference.chunks, error: reference.error?.code });
  const mismatches: string[] = [];
  const chunkings = listChunkings(encodeUtf8(text).length);
  // Runs are independent; overlapping them keeps the suite fast (streams wait on the event loop).
  for (let start = 0; start < chunkings.length; start += 128) {
    await Promise.all(
      chunkings.slice(start, start + 128).map(async (chunking) => {
        const run = await runStreamTransform(createChunkedStream(text, chunking), provider, createTransform);
        const actual = JSON.stringify({ chunks: run.chunks, error: run.error?.code });
        if (actual !== expected) mismatches.push(`chunking ${JSON.stringify(chunking)}`);
      }),
    );
  }
  return { reference, mismatches };
}
