import { describe, expect, it } from 'vitest';
import { convertToCrlf, readFixture, replayFixtureInEveryChunking, summariseChunks } from '../shared/test-helpers';
import type { StreamSummary } from '../shared/test-helpers';
import { createGoogleStreamTransform } from './google-stream-transform';

const usage = (inputTokens: number, outputTokens: number, reasoningTokens?: number) => ({
  inputTokens, outputTokens, totalTokens: inputTokens + outputTokens, ...(reasoningTokens ? { reasoningTokens } : {}),
});

const cases: Array<[string, StreamSummary]> = [
  // candidates 10 + thoughts 23, cumulative: the last chunk wins.
  ['google-text.sse', { content: 'Hello! How can I help you today?', toolCalls: [], usage: usage(6, 33, 23), finishReason: 'stop', doneCount: 1 }],
  ['google-tool-call.sse', {
    content: '',
    toolCalls: [{ id: 'call_0', name: 'get_weather', arguments: { city: 'Paris', unit: 'celsius' } }],
    usage: usage(41, 63, 46),
    // The signature goes back on the same functionCall part next turn (providers-reasoning.md §4.3).
    replay: [{ functionCall: { name: 'get_weather', args: { city: 'Paris', unit: 'celsius' } }, thoughtSignature: 'CiUBjz1rX0w3aGVmYWtlLXNpZ25hdHVyZS1mb3ItdGVzdHMtb25seQ==' }],
    finishReason: 'tool-calls',
    doneCount: 1,
  }],
  ['google-parallel-tool-calls.sse', {
    content: '',
    toolCalls: [
      { id: 'call_0', name: 'get_weather', arguments: { city: 'Paris' } },
      { id: 'fc_tokyo', name: 'get_weather', arguments: { city: '東京' } },
      { id: 'call_2', name: 'get_time', arguments: {} },
    ],
    usage: usage(50, 32, 10),
    // Only the first parallel call carries a signature; the others go back without one.
    replay: [
      { functionCall: { name: 'get_weather', args: { city: 'Paris' } }, thoughtSignature: 'c2ln' },
      { functionCall: { name: 'get_weather', args: { city: '東京' }, id: 'fc_tokyo' } },
      { functionCall: { name: 'get_time', args: {} } },
    ],
    finishReason: 'tool-calls',
    doneCount: 1,
  }],
  ['google-multibyte.sse', { content: 'Héllo 👋🏽 世界 — naïve café ✓ 🇫🇷', reasoning: 'Thinking about greetings', toolCalls: [], usage: usage(6, 21, 12), finishReason: 'length', doneCount: 1 }],
  ['google-empty-deltas.sse', { content: 'Only this', toolCalls: [], usage: usage(4, 2), finishReason: 'stop', doneCount: 1 }],
  ['google-safety-after-output.sse', { content: 'Here is how', toolCalls: [], usage: usage(6, 3), finishReason: 'content-filter', doneCount: 1 }],
  ['google-blocked-prompt.sse', { content: '', toolCalls: [], doneCount: 0, errorCode: 'CONTENT_FILTERED' }],
  ['google-stream-error.sse', { content: 'Let me think', toolCalls: [], usage: { ...usage(6, 25), reasoningTokens: 23 }, doneCount: 0, errorCode: 'PROVIDER_OVERLOADED' }],
  ['google-cut-off.sse', { content: 'The answer is forty', toolCalls: [], usage: usage(6, 5), doneCount: 0, errorCode: 'STREAM_INTERRUPTED' }],
];

describe('google stream transform (CRLF framing)', () => {
  it.each(cases)('replays %s identically in every chunking', async (fixture, expected) => {
    const text = convertToCrlf(readFixture('google', fixture));
    const { reference, mismatches } = await replayFixtureInEveryChunking('google', text, createGoogleStreamTransform);
    expect(summariseChunks(reference.chunks, reference.error)).toEqual(expected);
    expect(mismatches).toEqual([]);
  });

  it('reads the same events with LF framing', async () => {
    const text = readFixture('google', 'google-text.sse').replace(/\r\n/g, '\n');
    const { reference } = await replayFixtureInEveryChunking('google', text, createGoogleStreamTransform);
    expect(summariseChunks(reference.chunks).content).toBe('Hello! How can I help you today?');
  });
});
