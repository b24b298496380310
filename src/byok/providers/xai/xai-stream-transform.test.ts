import { describe, expect, it } from 'vitest';
import { readFixture, replayFixtureInEveryChunking, summariseChunks } from '../shared/test-helpers';
import type { StreamSummary } from '../shared/test-helpers';
import { createXaiStreamTransform } from './xai-stream-transform';

const usage = (inputTokens: number, outputTokens: number, reasoningTokens?: number) => ({
  inputTokens, outputTokens, totalTokens: inputTokens + outputTokens, ...(reasoningTokens ? { reasoningTokens } : {}),
});

const cases: Array<[string, StreamSummary]> = [
  ['xai-text.sse', { content: 'Hello! How can I help you today?', toolCalls: [], usage: usage(14, 9), finishReason: 'stop', doneCount: 1 }],
  ['xai-tool-call.sse', {
    content: '',
    toolCalls: [{ id: 'call_55117580', name: 'get_weather', arguments: { city: 'Paris', unit: 'celsius' } }],
    usage: usage(291, 26),
    finishReason: 'tool-calls',
    doneCount: 1,
  }],
  ['xai-parallel-tool-calls.sse', {
    content: '',
    toolCalls: [
      { id: 'call_1', name: 'get_weather', arguments: { city: 'Paris' } },
      { id: 'call_2', name: 'get_weather', arguments: { city: '東京' } },
    ],
    // completion 40 + reasoning 12
    usage: usage(300, 52, 12),
    finishReason: 'tool-calls',
    doneCount: 1,
  }],
  // reasoning_content streams as reasoning; completion 9 + reasoning 31 = 40 output tokens.
  ['xai-multibyte.sse', { content: 'Héllo 👋🏽 世界 — naïve café ✓ 🇫🇷', reasoning: 'Thinking… more', toolCalls: [], usage: usage(14, 40, 31), finishReason: 'stop', doneCount: 1 }],
  ['xai-stream-error.sse', { content: 'The answer', toolCalls: [], doneCount: 0, errorCode: 'PROVIDER_OVERLOADED' }],
  ['xai-cut-off.sse', { content: 'The answer is forty', toolCalls: [], doneCount: 0, errorCode: 'STREAM_INTERRUPTED' }],
];

describe('xai stream transform', () => {
  it.each(cases)('replays %s identically in every chunking', async (fixture, expected) => {
    const { reference, mismatches } = await replayFixtureInEveryChunking('xai', readFixture('xai', fixture), createXaiStreamTransform);
    expect(summariseChunks(reference.chunks, reference.error)).toEqual(expected);
    expect(mismatches).toEqual([]);
  });
});
