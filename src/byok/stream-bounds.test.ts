// Size bounds on what a hostile endpoint can stream (security.md T29): a reply and one tool call's
// arguments stop at a documented size with a clear error, instead of growing memory forever.
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_TOOL_ARGUMENT_CHARACTERS } from './providers/shared/tool-call-accumulator';
import { setFetchForTests } from './providers/shared/provider-fetch';
import { createEventStreamResponse, createRecordingFetch } from './providers/shared/test-helpers';
import { MAX_REPLY_CHARACTERS, streamChat } from './streaming-client';
import type { ChatRequest, StreamChunk } from './types';

const request: ChatRequest = {
  provider: 'openai', model: 'gpt-4o', apiKey: 'sk-proj-CANARY-bounds0123456789abcdef', messages: [{ role: 'user', content: 'Hi' }],
};

function chatCompletionEvent(delta: unknown): string {
  return `data: ${JSON.stringify({ id: 'c', object: 'chat.completion.chunk', choices: [{ index: 0, delta, finish_reason: null }] })}\n\n`;
}

function serve(events: string[]): void {
  setFetchForTests(createRecordingFetch(() => createEventStreamResponse(events.join('') + 'data: [DONE]\n\n', 256 * 1024)).fetch);
}

async function drain(): Promise<{ chunks: StreamChunk[]; error: unknown }> {
  const chunks: StreamChunk[] = [];
  try {
    for await (const chunk of streamChat(request)) chunks.push(chunk);
  } catch (error) {
    return { chunks, error };
  }
  return { chunks, error: null };
}

afterEach(() => setFetchForTests(undefined));

describe('stream size bounds', () => {
  it(`stops a reply past ${MAX_REPLY_CHARACTERS} characters with a clear error, keeping what arrived`, async () => {
    const piece = 'x'.repeat(500_000);
    serve(Array.from({ length: 5 }, () => chatCompletionEvent({ content: piece })));
    const { chunks, error } = await drain();
    expect(error).toMatchObject({ code: 'STREAM_INTERRUPTED', message: expect.stringContaining('2,000,000 characters') });
    expect(chunks.filter((chunk) => chunk.type === 'content')).toHaveLength(4);
  });

  it('lets a reply just under the bound through', async () => {
    serve([chatCompletionEvent({ content: 'x'.repeat(900_000) }), chatCompletionEvent({ content: 'y'.repeat(900_000) })]);
    const { error } = await drain();
    expect(error).toBeNull();
  });

  it(`stops a tool call whose arguments pass ${MAX_TOOL_ARGUMENT_CHARACTERS} characters`, async () => {
    const start = chatCompletionEvent({ tool_calls: [{ index: 0, id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '' } }] });
    const fragment = chatCompletionEvent({ tool_calls: [{ index: 0, function: { arguments: 'a'.repeat(300_000) } }] });
    serve([start, fragment, fragment, fragment, fragment]);
    const { error } = await drain();
    expect(error).toMatchObject({ code: 'STREAM_INTERRUPTED', message: expect.stringContaining('"get_weather" sent more than 1024 KB of arguments') });
  });
});
