// collectStream and validateKey against the real mock provider over real HTTP (e2e/mock-provider):
// real sockets, real chunking, real CORS headers, for every provider.
import { describe, expect, it } from 'vitest';
import { FAKE_KEYS, WEATHER_TOOL, useMockProviderServer } from './mock-server-harness';
import { calculateCost } from './provider-config';
import { collectStream, streamChat } from './streaming-client';
import type { BYOKProvider, ChatRequest } from './types';
import { validateKey } from './validate-key';

const CASES: Array<{ provider: BYOKProvider; model: string; apiKey: string }> = [
  { provider: 'openai', model: 'gpt-4o', apiKey: FAKE_KEYS.openai },
  { provider: 'anthropic', model: 'claude-sonnet-4-5', apiKey: FAKE_KEYS.anthropic },
  { provider: 'google', model: 'gemini-2.5-flash', apiKey: FAKE_KEYS.google },
  { provider: 'xai', model: 'grok-4.3', apiKey: FAKE_KEYS.xai },
  { provider: 'mistral', model: 'mistral-small-latest', apiKey: FAKE_KEYS.mistral },
];

const mockServer = useMockProviderServer();

describe.each(CASES)('$provider over real HTTP', ({ provider, model, apiKey }) => {
  const request = (scenario?: string, extra: Partial<ChatRequest> = {}): ChatRequest => ({
    provider,
    model,
    apiKey,
    baseUrl: mockServer().baseUrlFor(provider, scenario),
    messages: [{ role: 'user', content: 'Say hello to 世界 👋' }],
    settings: { systemPrompt: 'Be terse.', maxTokens: 200 },
    ...extra,
  });

  it('streams text with usage and its cost', async () => {
    const chunks: string[] = [];
    const result = await collectStream(request('text'), (chunk) => chunks.push(chunk.type));
    expect(result.content.length).toBeGreaterThan(0);
    expect(result.finishReason).toBe('stop');
    expect(result.usage.inputTokens).toBeGreaterThan(0);
    expect(result.usage.outputTokens).toBeGreaterThan(0);
    expect(result.cost).toBe(calculateCost(provider, model, result.usage.inputTokens, result.usage.outputTokens));
    expect(chunks.at(-1)).toBe('done');
    expect(chunks.filter((type) => type === 'done')).toHaveLength(1);
  });

  it('returns tool calls with parsed arguments', async () => {
    const result = await collectStream(request('tool-call', { tools: [WEATHER_TOOL] }));
    expect(result.toolCalls.length).toBeGreaterThan(0);
    expect(result.toolCalls[0]?.name).toBeTruthy();
    expect(typeof result.toolCalls[0]?.arguments).toBe('object');
    expect(result.finishReason).toBe('tool-calls');
  });

  it.each([
    ['error-401', 'INVALID_API_KEY'],
    ['error-403', 'PERMISSION_DENIED'],
    ['error-404', 'MODEL_NOT_FOUND'],
    ['error-429-rate', 'RATE_LIMITED'],
    ['error-429-quota', 'INSUFFICIENT_QUOTA'],
    ['error-400-context', 'CONTEXT_TOO_LONG'],
    ['error-400-invalid-request', 'INVALID_REQUEST'],
    ['error-500', 'SERVER_ERROR'],
    ['error-503', 'PROVIDER_OVERLOADED'],
  ])('maps the %s scenario to %s', async (scenario, code) => {
    const failure = collectStream(request(scenario));
    await expect(failure).rejects.toMatchObject({ code, provider });
    await failure.catch((error: Error) => expect(error.message).not.toContain(apiKey));
  });

  it('reports a cut-off stream as STREAM_INTERRUPTED', async () => {
    await expect(collectStream(request('cut-off'))).rejects.toMatchObject({ code: 'STREAM_INTERRUPTED' });
  });

  it('reports an error inside the stream as a BYOKError after the partial text', async () => {
    const seen: string[] = [];
    const failure = collectStream(request('stream-error'), (chunk) => seen.push(chunk.type));
    await expect(failure).rejects.toMatchObject({ provider });
    expect(seen).not.toContain('done');
  });

  it('stops at once on abort with STREAM_ABORTED', async () => {
    const controller = new AbortController();
    const slow = request('text,tokens=4000,tps=200', { signal: controller.signal });
    const run = (async () => {
      for await (const chunk of streamChat(slow)) if (chunk.type === 'content') controller.abort();
    })();
    await expect(run).rejects.toMatchObject({ code: 'STREAM_ABORTED' });
  });

  it('validates a working key and lists its models', async () => {
    const result = await validateKey(provider, apiKey, { baseUrl: mockServer().baseUrlFor(provider) });
    expect(result.valid).toBe(true);
    expect(result.models?.length).toBeGreaterThan(0);
  });

  it('reports a rejected key as invalid, in words, without the key', async () => {
    const badKey = apiKey.replace('E2Etestkey', 'INVALIDkey');
    const result = await validateKey(provider, badKey, { baseUrl: mockServer().baseUrlFor(provider) });
    expect(result).toMatchObject({ valid: false, code: 'INVALID_API_KEY' });
    expect(result.error).not.toContain(badKey);
  });

  it('reports an unreachable endpoint as NETWORK_ERROR (unverified, not invalid)', async () => {
    const result = await validateKey(provider, apiKey, { baseUrl: 'http://127.0.0.1:9/v1' });
    expect(result).toMatchObject({ valid: false, code: 'NETWORK_ERROR' });
  });
});
