import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setAdapterRunner } from './adapter-runner';
import { setFetchForTests } from './providers/shared/provider-fetch';
import { createEventStreamResponse, createRecordingFetch, readFixture } from './providers/shared/test-helpers';
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
    expect(seen.map((chunk) => chunk.type)).toEqual(['content', 'content', 'content', 'usage', 'done']);
    expect(result.cost).toBeNull();
  });

  it('does not record anything when the stream fails', async () => {
    setFetchForTests(createRecordingFetch(() => createEventStreamResponse(readFixture('openai', 'openai-cut-off.sse'))).fetch);
    const chunks: StreamChunk[] = [];
    await expect((async () => {
      for await (const chunk of streamChat(baseRequest)) chunks.push(chunk);
    })()).rejects.toMatchObject({ code: 'STREAM_INTERRUPTED' });
    expect(chunks.length).toBeGreaterThan(0);
    expect(recordUsage).not.toHaveBeenCalled();
    expect(markKeyUsed).not.toHaveBeenCalled();
  });
});
