import { describe, expect, it } from 'vitest';
import type { StreamChunk } from '../types';
import { createChunkBatch } from './chunk-batch';

describe('createChunkBatch', () => {
  it('joins neighbouring text deltas of one kind and keeps everything else in order, untouched', () => {
    const batch = createChunkBatch();
    const toolCall: StreamChunk = { type: 'tool_call', toolCall: { id: 't1', name: 'lookup', arguments: {} } };
    const chunks = [
      { type: 'content', delta: 'Hel' }, { type: 'content', delta: 'lo' },
      { type: 'reasoning', delta: 'think' }, { type: 'reasoning', delta: 'ing' },
      { type: 'content', delta: '!' }, toolCall, { type: 'content', delta: 'after' },
      { type: 'usage', usage: { inputTokens: 1, outputTokens: 2, totalTokens: 3 } }, { type: 'done', finishReason: 'stop' },
    ] as StreamChunk[];
    for (const chunk of chunks) batch.add(chunk);
    expect(batch.take()).toEqual([
      { type: 'content', delta: 'Hello' }, { type: 'reasoning', delta: 'thinking' }, { type: 'content', delta: '!' },
      toolCall, { type: 'content', delta: 'after' },
      { type: 'usage', usage: { inputTokens: 1, outputTokens: 2, totalTokens: 3 } }, { type: 'done', finishReason: 'stop' },
    ]);
    expect(batch.size).toBe(0);
    expect(batch.take()).toEqual([]);
  });

  it('never joins a delta chunk that carries more than its text (an unknown kind keeps its fields)', () => {
    const batch = createChunkBatch();
    const first = { type: 'content', delta: 'a', index: 0 } as unknown as StreamChunk;
    const second = { type: 'content', delta: 'b', index: 1 } as unknown as StreamChunk;
    batch.add(first);
    batch.add(second);
    expect(batch.take()).toEqual([first, second]);
  });
});
