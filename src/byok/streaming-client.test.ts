import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setAdapterRunner } from './adapter-runner';
import { setFetchForTests } from './providers/shared/provider-fetch';
import { createEventStreamResponse, createHangingStream, createJsonResponse, createRecordingFetch, readFixture } from './providers/shared/test-helpers';
import { collectStream, sendChat, streamChat } from './streaming-client';
import { BYOKError } from './types';
import type { ChatRequest, StreamChunk } from './types';

const vault = vi.hoisted(() => ({
  unlocked: true,
  credentials: { apiKey: 'sk-proj-VAULTkey0123456789abcdefghij', baseUrl: 'https://vault.example/v1' } as { apiKey: string; baseUrl: string } | null,
}));

vi.mock('./api-key-manager', () => ({
  isVaultUnlocked: () => vault.unlocked,
  getKeyCredentials: vi.fn(async () => {
    if (!vault.unlocked) throw new BYOKError('VAULT_LOCKED', 'locked');
    if (!vault.credentials) throw new BYOKError('KEY_NOT_FOUND', 'none');
    return vault.credentials;
  }),
  markKeyUsed: vi.fn(async () => undefined),
  onVaultLocked: () => () => undefined,
}));
vi.mock('./usage-ledger', () => ({ recordUsage: vi.fn(async () => undefined) }));

const { markKeyUsed } = await import('./api-key-manager');
const { recordUsage } = await import('./usage-ledger');

const baseRequest: ChatRequest = { provider: 'openai', model: 'gpt-4o', messages: [{ role: 'user', content: 'Hi' }] };

function serveText() {
  const recording = createRecordingFetch(() => createEventStreamResponse(readFixture('openai', 'openai-text.sse')));
  setFetchForTests(recording.fetch);
  return recording;
}

beforeEach(() => {
  vault.unlocked = true;
  vault.credentials = { apiKey: 'sk-proj-VAULTkey0123456789abcdefghij', baseUrl: 'https://vault.example/v1' };
  vi.mocked(markKeyUsed).mockClear();
  vi.mocked(recordUsage).mockClear();
});
afterEach(() => {
  setFetchForTests(undefined);
  setAdapterRunner(undefined);
});

describe('streaming client', () => {
  it('runs the adapter through the installed runner (the streaming worker) with the resolved key, and still records use', async () => {
    const seen: Array<{ apiKey: string; baseUrl: string }> = [];
    setAdapterRunner(async function* (request) {
      seen.push({ apiKey: request.apiKey, baseUrl: request.baseUrl });
      yield { type: 'content', delta: 'From the worker' };
      yield { type: 'usage', usage: { inputTokens: 3, outputTokens: 4, totalTokens: 7 } };
      yield { type: 'done', finishReason: 'stop' };
    });
    const result = await sendChat(baseRequest);
    expect(seen).toEqual([{ apiKey: 'sk-proj-VAULTkey0123456789abcdefghij', baseUrl: 'https://vault.example/v1' }]);
    expect(result).toMatchObject({ content: 'From the worker', usage: { inputTokens: 3, outputTokens: 4 } });
    expect(recordUsage).toHaveBeenCalledTimes(1);
  });

  it('takes key and endpoint from the vault, then records use and cost', async () => {
    const recording = serveText();
    const result = await sendChat(baseRequest);
    expect(recording.requests[0]?.url).toBe('https://vault.example/v1/chat/completions');
    expect(recording.requests[0]?.headers['authorization']).toBe('Bearer sk-proj-VAULTkey0123456789abcdefghij');
    expect(result).toMatchObject({ content: 'Hello! How can I help you today?', finishReason: 'stop', usage: { inputTokens: 9, outputTokens: 9 } });
    // gpt-4o: 9 × 0.0025/1K + 9 × 0.01/1K
    expect(result.cost).toBeCloseTo(0.0001125, 10);
    expect(markKeyUsed).toHaveBeenCalledWith('openai');
    expect(recordUsage).toHaveBeenCalledWith({ provider: 'openai', model: 'gpt-4o', inputTokens: 9, outputTokens: 9, cost: result.cost });
  });

  it('records usage for an explicit key only when it is the vault key', async () => {
    serveText();
    await collectStream({ ...baseRequest, apiKey: 'sk-proj-VAULTkey0123456789abcdefghij' });
    expect(recordUsage).toHaveBeenCalledTimes(1);
    serveText();
    await collectStream({ ...baseRequest, apiKey: 'sk-proj-OTHERkey0123456789abcdefghij' });
    expect(recordUsage).toHaveBeenCalledTimes(1);
  });

  it('uses the provider endpoint for an explicit key when the vault has none', async () => {
    vault.unlocked = false;
    const recording = serveText();
    await collectStream({ ...baseRequest, apiKey: 'sk-proj-OTHERkey0123456789abcdefghij' });
    expect(recording.requests[0]?.url).toBe('https://api.openai.com/v1/chat/completions');
    expect(markKeyUsed).not.toHaveBeenCalled();
  });

  it('throws VAULT_LOCKED without a key when the vault is locked', async () => {
    vault.unlocked = false;
    await expect(sendChat(baseRequest)).rejects.toMatchObject({ code: 'VAULT_LOCKED' });
  });

  it('shows every chunk to the callback and gives null cost for an unpriced model', async () => {
    serveText();
    const seen: StreamChunk[] = [];
    const result = await collectStream({ ...baseRequest, model: 'gpt-unknown-model' }, (chunk) => seen.push(chunk));
    // The usage chunk as it arrives, then repeated just before `done`.
    expect(seen.map((chunk) => chunk.type)).toEqual(['content', 'content', 'content', 'usage', 'usage', 'done']);
    expect(result.cost).toBeNull();
  });

  it('bills a cut-off stream that sent no usage as an estimate of what streamed, once', async () => {
    setFetchForTests(createRecordingFetch(() => createEventStreamResponse(readFixture('openai', 'openai-cut-off.sse'))).fetch);
    const chunks: StreamChunk[] = [];
    await expect((async () => {
      for await (const chunk of streamChat(baseRequest)) chunks.push(chunk);
    })()).rejects.toMatchObject({ code: 'STREAM_INTERRUPTED' });
    const text = chunks.flatMap((chunk) => (chunk.type === 'content' ? [chunk.delta] : [])).join('');
    expect(text).toBe('The answer is forty');
    const billed = chunks.at(-1);
    // "Hi" in one message: 4 framing + 1; 19 characters streamed: 5 tokens.
    expect(billed).toEqual({ type: 'usage', usage: { inputTokens: 5, outputTokens: 5, totalTokens: 10, estimated: true } });
    expect(recordUsage).toHaveBeenCalledTimes(1);
    expect(recordUsage).toHaveBeenCalledWith(expect.objectContaining({ inputTokens: 5, outputTokens: 5, estimated: true, cost: 0.0000625 }));
    expect(markKeyUsed).toHaveBeenCalledWith('openai');
  });

  it('bills a stopped Anthropic reply with the input from message_start and the streamed text as estimated output', async () => {
    const controller = new AbortController();
    const body = 'event: message_start\ndata: {"type":"message_start","message":{"usage":{"input_tokens":40,"cache_read_input_tokens":1000,"output_tokens":1}}}\n\n'
      + 'event: content_block_delta\ndata: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"0123456789abcdefghij"}}\n\n';
    setFetchForTests(createRecordingFetch(() => createEventStreamResponse(createHangingStream(body))).fetch);
    const chunks: StreamChunk[] = [];
    await expect((async () => {
      for await (const chunk of streamChat({ ...baseRequest, provider: 'anthropic', model: 'claude-haiku-4-5', signal: controller.signal })) {
        chunks.push(chunk);
        if (chunk.type === 'content') controller.abort();
      }
    })()).rejects.toMatchObject({ code: 'STREAM_ABORTED' });
    expect(chunks.at(-1)).toEqual({ type: 'usage', usage: { inputTokens: 1040, cachedInputTokens: 1000, outputTokens: 6, totalTokens: 1046, estimated: true } });
    // claude-haiku-4-5: 40 × $1/M + 1000 cached × $0.10/M + 6 × $5/M
    expect(recordUsage).toHaveBeenCalledWith(expect.objectContaining({ provider: 'anthropic', cost: 0.00017, estimated: true, cachedInputTokens: 1000 }));
  });

  it('bills a reply the consumer stops reading, and nothing for a request refused with an HTTP error', async () => {
    serveText();
    for await (const chunk of streamChat(baseRequest)) if (chunk.type === 'content') break;
    expect(recordUsage).toHaveBeenCalledTimes(1);
    expect(recordUsage).toHaveBeenCalledWith(expect.objectContaining({ estimated: true }));
    setFetchForTests(createRecordingFetch(() => createJsonResponse(401, { error: { message: 'bad key', code: 'invalid_api_key' } })).fetch);
    await expect(sendChat(baseRequest)).rejects.toMatchObject({ code: 'INVALID_API_KEY' });
    expect(recordUsage).toHaveBeenCalledTimes(1);
  });

  it('hands out `done` while the ledger write it started runs, and ends the stream only once the write is done', async () => {
    serveText();
    let finishWrite = (): void => undefined;
    vi.mocked(recordUsage).mockImplementationOnce(() => new Promise<void>((resolve) => (finishWrite = resolve)));
    const stream = streamChat(baseRequest);
    const soon = <T>(promise: Promise<T>): Promise<T | 'waiting'> => Promise.race([promise, new Promise<'waiting'>((resolve) => setTimeout(() => resolve('waiting'), 50))]);
    const seen: string[] = [];
    for (;;) {
      const next = await soon(stream.next());
      if (next === 'waiting' || next.done === true) break;
      seen.push(next.value.type);
      if (next.value.type === 'done') break;
    }
    expect(seen.at(-1)).toBe('done');
    // Started before `done` was handed out: billed even if the consumer never asks again.
    expect(recordUsage).toHaveBeenCalledTimes(1);
    const end = stream.next();
    expect(await soon(end)).toBe('waiting');
    finishWrite();
    expect(await end).toEqual({ done: true, value: undefined });
  });
});

