import { describe, expect, it } from 'vitest';
import { readFixture, replayFixtureInEveryChunking, summariseChunks } from '../shared/test-helpers';
import type { StreamSummary } from '../shared/test-helpers';
import { createOpenAIStreamTransform } from './openai-stream-transform';

const weather = { id: 'call_7QnJm2XsVbR4kPzL9yTe1WdA', name: 'get_weather', arguments: { city: 'Paris', unit: 'celsius' } };

const cases: Array<[string, StreamSummary]> = [
  ['openai-text.sse', { content: 'Hello! How can I help you today?', toolCalls: [], usage: { inputTokens: 9, outputTokens: 9, totalTokens: 18 }, finishReason: 'stop', doneCount: 1 }],
  ['openai-tool-call.sse', { content: '', toolCalls: [weather], usage: { inputTokens: 78, outputTokens: 18, totalTokens: 96 }, finishReason: 'tool-calls', doneCount: 1 }],
  ['openai-parallel-tool-calls.sse', {
    content: '',
    toolCalls: [
      { id: 'call_paris', name: 'get_weather', arguments: { city: 'Paris' } },
      { id: 'call_tokyo', name: 'get_weather', arguments: { city: 'Tōkyō 東京' } },
      { id: 'call_time', name: 'get_time', arguments: {} },
    ],
    usage: { inputTokens: 120, outputTokens: 40, totalTokens: 160, cachedInputTokens: 100 },
    finishReason: 'tool-calls',
    doneCount: 1,
  }],
  ['openai-multibyte.sse', { content: 'Héllo 👋🏽 世界 — naïve café ✓ 🇫🇷', toolCalls: [], usage: { inputTokens: 15, outputTokens: 64, totalTokens: 79, reasoningTokens: 20, cachedInputTokens: 5 }, finishReason: 'length', doneCount: 1 }],
  ['openai-empty-deltas.sse', { content: 'Only this', toolCalls: [], usage: { inputTokens: 3, outputTokens: 2, totalTokens: 5 }, finishReason: 'stop', doneCount: 1 }],
  ['openai-refusal.sse', { content: "I'm sorry, I can't help with that.", toolCalls: [], usage: { inputTokens: 10, outputTokens: 9, totalTokens: 19 }, finishReason: 'content-filter', doneCount: 1 }],
  ['openai-stream-error.sse', { content: 'The answer', toolCalls: [], doneCount: 0, errorCode: 'PROVIDER_OVERLOADED' }],
  ['openai-cut-off.sse', { content: 'The answer is forty', toolCalls: [], doneCount: 0, errorCode: 'STREAM_INTERRUPTED' }],
];

describe('openai stream transform', () => {
  it.each(cases)('replays %s identically in every chunking', async (fixture, expected) => {
    const { reference, mismatches } = await replayFixtureInEveryChunking('openai', readFixture('openai', fixture), createOpenAIStreamTransform);
    expect(summariseChunks(reference.chunks, reference.error)).toEqual(expected);
    expect(mismatches).toEqual([]);
  });

  it('ends with usage then exactly one done', async () => {
    const { reference } = await replayFixtureInEveryChunking('openai', readFixture('openai', 'openai-text.sse'), createOpenAIStreamTransform);
    expect(reference.chunks.slice(-2).map((chunk) => chunk.type)).toEqual(['usage', 'done']);
  });
});
