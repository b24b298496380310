// collectStream and validateKey against the real mock provider over real HTTP (e2e/mock-provider):
// real sockets, real chunking, real CORS headers, for every provider.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockProviderServer } from '../../e2e/mock-provider/server';
import type { MockProviderServer } from '../../e2e/mock-provider/server';
import { calculateCost } from './provider-config';
import { collectStream, streamChat } from './streaming-client';
import type { BYOKProvider, ChatRequest, ToolDefinition } from './types';
import { validateKey } from './validate-key';

const CASES: Array<{ provider: BYOKProvider; model: string; apiKey: string }> = [
  { provider: 'openai', model: 'gpt-4o', apiKey: 'sk-proj-E2Etestkey0123456789abcdefghijkl' },
  { provider: 'anthropic', model: 'claude-sonnet-4-5', apiKey: 'sk-ant-api03-E2Etestkey0123456789abcdefghijkl-AA' },
  { provider: 'google', model: 'gemini-2.5-flash', apiKey: 'AIzaSyE2Etestkey0123456789abcdefghijkl' },
  { provider: 'xai', model: 'grok-4.3', apiKey: 'xai-E2Etestkey0123456789abcdefghijklmnopqrstuvwxyz' },
  { provider: 'mistral', model: 'mistral-small-latest', apiKey: 'E2Etestkey0123456789abcdefghijkl' },
];

const weatherTool: ToolDefinition = {
  name: 'get_weather',
  description: 'Current weather',
  parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
};

let server: MockProviderServer;

beforeAll(async () => {
  server = await startMockProviderServer();
});

afterAll(async () => {
  await server.close();
});

describe.each(CASES)('$provider over real HTTP', ({ provider, model, apiKey }) => {
  const request = (scenario?: string, extra: Partial<ChatRequest> = {}): ChatRequest => ({
    provider,
    model,
    apiKey,
    baseUrl: server.baseUrlFor(provider, scenario),
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
    const result = await collectStream(request('tool-call', { tools: [weatherTool] }));
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
    const result = await validateKey(provider, apiKey, { baseUrl: server.baseUrlFor(provider) });
    expect(result.valid).toBe(true);
    expect(result.models?.length).toBeGreaterThan(0);
  });

  it('reports a rejected key as invalid, in words, without the key', async () => {
    const badKey = apiKey.replace('E2Etestkey', 'INVALIDkey');
    const result = await validateKey(provider, badKey, { baseUrl: server.baseUrlFor(provider) });
    expect(result).toMatchObject({ valid: false, code: 'INVALID_API_KEY' });
    expect(result.error).not.toContain(badKey);
  });

  it('reports an unreachable endpoint as NETWORK_ERROR (unverified, not invalid)', async () => {
    const result = await validateKey(provider, apiKey, { baseUrl: 'http://127.0.0.1:9/v1' });
    expect(result).toMatchObject({ valid: false, code: 'NETWORK_ERROR' });
  });
});
