import { describe, expect, it } from 'vitest';
import { readFixture, replayFixtureInEveryChunking, summariseChunks } from '../shared/test-helpers';
import type { StreamSummary } from '../shared/test-helpers';
import { createMistralStreamTransform } from './mistral-stream-transform';

const usage = (inputTokens: number, outputTokens: number) => ({ inputTokens, outputTokens, totalTokens: inputTokens + outputTokens });

const cases: Array<[string, StreamSummary]> = [
  ['mistral-text.sse', { content: 'Hello! How can I help you today?', toolCalls: [], usage: usage(8, 10), finishReason: 'stop', doneCount: 1 }],
  ['mistral-tool-call.sse', {
    content: '',
    toolCalls: [{ id: 'gSIMJiOkT', name: 'get_weather', arguments: { city: 'Paris', unit: 'celsius' } }],
    usage: usage(124, 26),
    finishReason: 'tool-calls',
    doneCount: 1,
  }],
  ['mistral-parallel-tool-calls.sse', {
    content: '',
    toolCalls: [
      { id: 'gSIMJiOkT', name: 'get_weather', arguments: { city: 'Paris' } },
      { id: 'aB3dE5fG7', name: 'get_weather', arguments: { city: '東京' } },
    ],
    usage: usage(130, 40),
    finishReason: 'tool-calls',
    doneCount: 1,
  }],
  // Thinking chunks are reasoning; Mistral reports no reasoning-token count.
  ['mistral-multibyte.sse', { content: 'Héllo 👋🏽 世界 — naïve café ✓ 🇫🇷', reasoning: 'Greeting the user.', toolCalls: [], usage: usage(8, 16), finishReason: 'length', doneCount: 1 }],
  ['mistral-stream-error.sse', { content: 'The answer', toolCalls: [], doneCount: 0, errorCode: 'PROVIDER_OVERLOADED' }],
  ['mistral-cut-off.sse', { content: 'The answer is forty', toolCalls: [], doneCount: 0, errorCode: 'STREAM_INTERRUPTED' }],
];

describe('mistral stream transform', () => {
  it.each(cases)('replays %s identically in every chunking', async (fixture, expected) => {
    const { reference, mismatches } = await replayFixtureInEveryChunking('mistral', readFixture('mistral', fixture), createMistralStreamTransform);
    expect(summariseChunks(reference.chunks, reference.error)).toEqual(expected);
    expect(mismatches).toEqual([]);
  });
});
