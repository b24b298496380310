// Reasoning and tool round trips against the real mock provider over real HTTP (issue 13): each
// provider's visible reasoning arrives, the effort goes out in its own field, and after a tool
// call the next request carries the result (and the replay the provider needs) in its own shape.
import { describe, expect, it } from 'vitest';
import { FAKE_KEYS, WEATHER_TOOL, useMockProviderServer } from './mock-server-harness';
import { collectStream } from './streaming-client';
import type { BYOKProvider, ChatMessage, ChatRequest } from './types';

interface ReasoningCase {
  provider: BYOKProvider;
  model: string;
  apiKey: string;
  effortIn: (body: Record<string, unknown>) => unknown;
  resultIn: (bodyText: string) => boolean;
}

const field = (value: unknown, key: string): unknown => (value as Record<string, unknown> | undefined)?.[key];

const CASES: ReasoningCase[] = [
  {
    provider: 'openai', model: 'o3-pro', apiKey: FAKE_KEYS.openai,
    effortIn: (body) => field(body['reasoning'], 'effort'),
    resultIn: (text) => text.includes('"type":"function_call_output"') && text.includes('"encrypted_content"'),
  },
  {
    provider: 'anthropic', model: 'claude-sonnet-4-6', apiKey: FAKE_KEYS.anthropic,
    effortIn: (body) => field(body['output_config'], 'effort'),
    resultIn: (text) => text.includes('"type":"tool_result"') && text.includes('"signature"'),
  },
  {
    provider: 'google', model: 'gemini-3.5-flash', apiKey: FAKE_KEYS.google,
    effortIn: (body) => field(field(body['generationConfig'], 'thinkingConfig'), 'thinkingLevel'),
    resultIn: (text) => text.includes('"functionResponse"') && text.includes('"thoughtSignature"') && !text.includes('skip_thought_signature_validator'),
  },
  {
    provider: 'xai', model: 'grok-4.3', apiKey: FAKE_KEYS.xai,
    effortIn: (body) => body['reasoning_effort'],
    resultIn: (text) => text.includes('"role":"tool"'),
  },
  {
    provider: 'mistral', model: 'mistral-small-latest', apiKey: FAKE_KEYS.mistral,
    effortIn: (body) => body['reasoning_effort'],
    resultIn: (text) => /"role":"tool","tool_call_id":"[A-Za-z0-9]{9}"/.test(text),
  },
];

const mockServer = useMockProviderServer();

describe.each(CASES)('$provider reasoning over real HTTP', (testCase) => {
  const request = (scenario: string, extra: Partial<ChatRequest> = {}): ChatRequest => ({
    provider: testCase.provider, model: testCase.model, apiKey: testCase.apiKey,
    baseUrl: mockServer().baseUrlFor(testCase.provider, scenario),
    messages: [{ role: 'user', content: 'Weather in Paris?' }],
    settings: { reasoningEffort: 'high' },
    ...extra,
  });

  it('streams visible reasoning before the answer, counts its tokens, and sends effort "high"', async () => {
    mockServer().clearRequests();
    const order: string[] = [];
    const result = await collectStream(request('thinking'), (chunk) => order.push(chunk.type));
    expect(result.reasoning).toMatch(/^Thinking it through/);
    expect(result.content).toContain('Mock');
    expect(order.lastIndexOf('reasoning')).toBeLessThan(order.indexOf('content'));
    if (testCase.provider !== 'mistral') expect(result.usage.reasoningTokens).toBe(24);
    const sent = mockServer().requests.find((entry) => entry.method === 'POST');
    expect(testCase.effortIn(sent?.json as Record<string, unknown>)).toBe('high');
  });

  it('sends the tool result back in the provider\'s shape, with the replay it needs', async () => {
    const first = await collectStream(request('tool-call,thinking=1', { tools: [WEATHER_TOOL] }));
    expect(first.toolCalls).toHaveLength(1);
    const call = first.toolCalls[0];
    if (!call) throw new Error('no tool call');
    const messages: ChatMessage[] = [
      { role: 'user', content: 'Weather in Paris?' },
      { role: 'assistant', content: first.content, toolCalls: first.toolCalls, ...(first.replay ? { replay: first.replay } : {}) },
      { role: 'tool', toolCallId: call.id, name: call.name, content: '{"tempC":17}' },
    ];
    mockServer().clearRequests();
    const second = await collectStream(request('tool-call,thinking=1', { tools: [WEATHER_TOOL], messages }));
    expect(second.content).toContain('the tool result was received');
    const sent = mockServer().requests.find((entry) => entry.method === 'POST');
    expect(testCase.resultIn(sent?.bodyText ?? '')).toBe(true);
  });
});
