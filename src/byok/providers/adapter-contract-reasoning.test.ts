// The reasoning half of the adapter contract (issue 13): every adapter streams the provider's
// visible reasoning before the answer, in any chunking, counts reasoning tokens, sends effort in
// the provider's own field, and replays what the provider requires after a tool call.
import { afterEach, describe, expect, it } from 'vitest';
import type { ChatMessage, ChatRequest, StreamChunk } from '../types';
import { REASONING_ANSWER, REASONING_CONTRACTS } from './adapter-contract-reasoning-cases';
import type { ReasoningContract } from './adapter-contract-reasoning-cases';
import { setFetchForTests } from './shared/provider-fetch';
import {
  convertToCrlf, createEventStreamResponse, createRecordingFetch, readFixture, replayFixtureInEveryChunking, summariseChunks,
} from './shared/test-helpers';

afterEach(() => setFetchForTests(undefined));

function readReasoningFixture(contract: Pick<ReasoningContract, 'provider' | 'fixture'>): string {
  const text = readFixture(contract.provider, contract.fixture);
  return contract.provider === 'google' ? convertToCrlf(text) : text;
}

export async function streamFixture(contract: ReasoningContract, fixture: string, extra: Partial<ChatRequest> = {}) {
  const recording = createRecordingFetch(() => createEventStreamResponse(readReasoningFixture({ provider: contract.provider, fixture }), 5));
  setFetchForTests(recording.fetch);
  const chunks: StreamChunk[] = [];
  const request = {
    provider: contract.provider, model: contract.model, apiKey: contract.apiKey, baseUrl: contract.baseUrl,
    messages: [{ role: 'user' as const, content: 'Weather in Paris?' }], ...extra,
  };
  for await (const chunk of contract.createAdapter().streamChat(request)) chunks.push(chunk);
  return { chunks, requests: recording.requests };
}

describe.each(REASONING_CONTRACTS)('$provider reasoning contract', (contract) => {
  it('gives the same reasoning and answer in every chunking, multi-byte splits included', async () => {
    const { reference, mismatches } = await replayFixtureInEveryChunking(contract.provider, readReasoningFixture(contract), contract.createTransform);
    const summary = summariseChunks(reference.chunks, reference.error);
    expect(summary.reasoning).toBe(contract.expected.reasoning);
    expect(summary.content).toBe(REASONING_ANSWER);
    expect(summary.usage?.reasoningTokens).toBe(contract.expected.reasoningTokens);
    expect(summary.usage?.outputTokens).toBe(contract.expected.outputTokens);
    expect(summary.doneCount).toBe(1);
    expect(mismatches).toEqual([]);
    if (contract.provider === 'openai') expect(summary.usage?.cachedInputTokens).toBe(32);
  });

  it('streams all reasoning before the first answer text, through the adapter', async () => {
    const { chunks, requests } = await streamFixture(contract, contract.fixture);
    expect(requests[0]?.url).toBe(contract.streamUrl);
    const types = chunks.map((chunk) => chunk.type);
    expect(types.lastIndexOf('reasoning')).toBeLessThan(types.indexOf('content'));
    expect(chunks.at(-1)).toEqual({ type: 'done', finishReason: 'stop' });
  });

  it('sends effort "high" in the provider\'s own field', async () => {
    const { requests } = await streamFixture(contract, contract.fixture, { settings: { reasoningEffort: 'high' } });
    expect(contract.readHighEffort(requests[0]?.body as Record<string, unknown>)).toBe('high');
  });

  it('clamps an effort the model does not take to the nearest one it does', async () => {
    const { requests } = await streamFixture(contract, contract.fixture, { settings: { reasoningEffort: contract.clamp.requested } });
    const body = requests[0]?.body as Record<string, unknown>;
    const sent = contract.provider === 'anthropic' ? (body['output_config'] as Record<string, unknown>)['effort'] : contract.readHighEffort(body);
    expect(sent).toBe(contract.clamp.sent);
  });
});

const byProvider = (provider: string): ReasoningContract => {
  const contract = REASONING_CONTRACTS.find((entry) => entry.provider === provider);
  if (!contract) throw new Error(`no reasoning contract for ${provider}`);
  return contract;
};

/** Turn 1 streams a tool call; turn 2 sends it back with the user's result. */
async function runToolRoundTrip(contract: ReasoningContract, fixture: string, nextModel = contract.model) {
  const first = await streamFixture(contract, fixture);
  const toolCalls = first.chunks.flatMap((chunk) => (chunk.type === 'tool_call' ? [chunk.toolCall] : []));
  const replay = first.chunks.flatMap((chunk) => (chunk.type === 'replay' ? [chunk.replay] : []))[0];
  expect(toolCalls.length).toBeGreaterThan(0);
  const messages: ChatMessage[] = [
    { role: 'user', content: 'Weather in Paris?' },
    { role: 'assistant', content: '', toolCalls, ...(replay ? { replay } : {}) },
    ...toolCalls.map((call) => ({ role: 'tool' as const, toolCallId: call.id, name: call.name, content: '{"tempC":17}' })),
  ];
  const second = await streamFixture({ ...contract, model: nextModel }, contract.fixture, { model: nextModel, messages });
  return { toolCalls, body: second.requests[0]?.body as Record<string, unknown> };
}

describe('replay after a tool call', () => {
  it('anthropic: thinking and redacted_thinking go back unchanged, signature included, before tool_use', async () => {
    const { body } = await runToolRoundTrip(byProvider('anthropic'), 'anthropic-thinking-tool-call.sse');
    const messages = body['messages'] as Array<{ role: string; content: unknown[] }>;
    expect(messages[1]).toEqual({
      role: 'assistant',
      content: [
        { type: 'thinking', thinking: 'Pesée du café ☕ à 東京 🇯🇵, then answer.', signature: 'EvQBCkYICxgCKkAxhD4N+signature==' },
        { type: 'redacted_thinking', data: 'EmwKAhgBEgy3va+redacted' },
        { type: 'tool_use', id: 'toolu_01T1x1fJ34qAmk2tNTrN7Up6', name: 'get_weather', input: { city: 'Paris', unit: 'celsius' } },
      ],
    });
    expect(messages[2]).toEqual({ role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_01T1x1fJ34qAmk2tNTrN7Up6', content: '{"tempC":17}' }] });
  });

  it('google: the thought signature returns on the same functionCall part; the parallel call has none', async () => {
    const { body } = await runToolRoundTrip(byProvider('google'), 'google-thinking-tool-call.sse');
    const contents = body['contents'] as Array<{ role: string; parts: unknown[] }>;
    expect(contents[1]).toEqual({
      role: 'model',
      parts: [
        { functionCall: { name: 'get_weather', args: { city: 'Paris', unit: 'celsius' } }, thoughtSignature: 'EpEgCo4gAb4+9vvW' },
        { functionCall: { name: 'get_weather', args: { city: '東京', unit: 'celsius' } } },
      ],
    });
    expect(contents[2]?.parts).toEqual([
      { functionResponse: { name: 'get_weather', response: { tempC: 17 } } },
      { functionResponse: { name: 'get_weather', response: { tempC: 17 } } },
    ]);
  });

  it('openai responses: the encrypted reasoning item precedes its function_call, then the output', async () => {
    const { body } = await runToolRoundTrip(byProvider('openai'), 'openai-responses-tool-call.sse');
    expect(body['store']).toBe(false);
    expect(body['include']).toEqual(['reasoning.encrypted_content']);
    expect((body['input'] as unknown[]).slice(1)).toEqual([
      {
        type: 'reasoning', id: 'rs_0183aa', encrypted_content: 'gAAAAABpPDIVfull==',
        summary: [{ type: 'summary_text', text: '**Pesée** du café ☕ à 東京 🇯🇵.' }, { type: 'summary_text', text: 'Then answer.' }],
      },
      { type: 'function_call', call_id: 'call_AB6AaRZ1FYZB2RwS6A5vbdqn', name: 'get_weather', arguments: '{"city":"Paris","unit":"celsius"}' },
      { type: 'function_call_output', call_id: 'call_AB6AaRZ1FYZB2RwS6A5vbdqn', output: '{"tempC":17}' },
    ]);
  });

  it('drops another model\'s thinking when the user switched model, keeping the call itself', async () => {
    const { body } = await runToolRoundTrip(byProvider('anthropic'), 'anthropic-thinking-tool-call.sse', 'claude-opus-4-6');
    const assistant = (body['messages'] as Array<{ content: Array<{ type: string }> }>)[1];
    expect(assistant?.content.map((block) => block.type)).toEqual(['tool_use']);
  });
});

describe('openai endpoint choice and Responses endings', () => {
  const openai = byProvider('openai');

  it('a Chat Completions model does not go to /responses', async () => {
    const { chunks, requests } = await streamFixture({ ...openai, model: 'gpt-5.4' }, 'openai-text.sse', { model: 'gpt-5.4', settings: { reasoningEffort: 'high' } });
    expect(requests[0]?.url).toBe('https://api.openai.com/v1/chat/completions');
    expect((requests[0]?.body as Record<string, unknown>)['reasoning_effort']).toBe('high');
    expect(summariseChunks(chunks).content).toBe('Hello! How can I help you today?');
  });

  it.each([
    ['openai-responses-incomplete.sse', { finishReason: 'length', content: '' }],
    ['openai-responses-tool-call.sse', { finishReason: 'tool-calls', content: '' }],
  ] as const)('%s ends as %o', async (fixture, expected) => {
    const { chunks } = await streamFixture(openai, fixture);
    const summary = summariseChunks(chunks);
    expect(summary.finishReason).toBe(expected.finishReason);
    expect(summary.content).toBe(expected.content);
  });

  it.each([
    ['openai-responses-failed.sse', 'INSUFFICIENT_QUOTA'],
    ['openai-responses-server-failed.sse', 'PROVIDER_OVERLOADED'],
    ['openai-responses-cut-off.sse', 'STREAM_INTERRUPTED'],
  ])('%s fails as %s', async (fixture, code) => {
    await expect(streamFixture(openai, fixture)).rejects.toMatchObject({ code, provider: 'openai' });
  });
});
