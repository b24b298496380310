import { describe, expect, it } from 'vitest';
import { readFixture, replayFixtureInEveryChunking, summariseChunks } from '../shared/test-helpers';
import type { StreamSummary } from '../shared/test-helpers';
import { createAnthropicStreamTransform } from './anthropic-stream-transform';

const usage = (inputTokens: number, outputTokens: number) => ({ inputTokens, outputTokens, totalTokens: inputTokens + outputTokens });

const cases: Array<[string, StreamSummary]> = [
  ['anthropic-text.sse', { content: 'Hello! How can I help you today?', toolCalls: [], usage: usage(12, 12), finishReason: 'stop', doneCount: 1 }],
  ['anthropic-tool-call.sse', {
    content: "I'll check the weather in Paris.",
    toolCalls: [{ id: 'toolu_01T1x1fJ34qAmk2tNTrN7Up6', name: 'get_weather', arguments: { city: 'Paris', unit: 'celsius' } }],
    usage: usage(472, 89),
    finishReason: 'tool-calls',
    doneCount: 1,
  }],
  ['anthropic-parallel-tool-calls.sse', {
    content: '',
    toolCalls: [
      { id: 'toolu_paris', name: 'get_weather', arguments: { city: 'Paris' } },
      { id: 'toolu_tokyo', name: 'get_weather', arguments: { city: '東京' } },
      { id: 'toolu_time', name: 'get_time', arguments: {} },
    ],
    usage: usage(500, 120),
    finishReason: 'tool-calls',
    doneCount: 1,
  }],
  // input 10 + cache creation 100 + cache read 50; message_delta repeats them (overwrite, not add).
  ['anthropic-multibyte.sse', { content: 'Héllo 👋🏽 世界 — naïve café ✓ 🇫🇷', toolCalls: [], usage: { ...usage(160, 30), cacheWriteTokens: 100, cachedInputTokens: 50 }, finishReason: 'length', doneCount: 1 }],
  ['anthropic-empty-deltas.sse', {
    content: 'Only this', reasoning: 'Let me think.', toolCalls: [], usage: usage(7, 6),
    replay: [{ type: 'thinking', thinking: 'Let me think.', signature: 'c2lnbmF0dXJl' }, { type: 'text', text: 'Only this' }], finishReason: 'stop', doneCount: 1,
  }],
  ['anthropic-refusal.sse', { content: 'I cannot help with that.', toolCalls: [], usage: usage(12, 8), finishReason: 'content-filter', doneCount: 1 }],
  ['anthropic-stream-error.sse', { content: 'Hello', toolCalls: [], usage: usage(17, 1), doneCount: 0, errorCode: 'PROVIDER_OVERLOADED' }],
  ['anthropic-cut-off.sse', { content: 'The answer is forty', toolCalls: [], usage: usage(12, 1), doneCount: 0, errorCode: 'STREAM_INTERRUPTED' }],
];

describe('anthropic stream transform', () => {
  it.each(cases)('replays %s identically in every chunking', async (fixture, expected) => {
    const { reference, mismatches } = await replayFixtureInEveryChunking('anthropic', readFixture('anthropic', fixture), createAnthropicStreamTransform);
    expect(summariseChunks(reference.chunks, reference.error)).toEqual(expected);
    expect(mismatches).toEqual([]);
  });
});
