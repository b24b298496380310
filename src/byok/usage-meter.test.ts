import { describe, expect, it } from 'vitest';
import type { ChatRequest } from './types';
import { createUsageMeter } from './usage-meter';

const request: Pick<ChatRequest, 'messages' | 'settings'> = { messages: [{ role: 'user', content: 'x'.repeat(40) }], settings: { systemPrompt: 'abcd' } };

describe('usage meter', () => {
  it('bills nothing before the provider answered', () => {
    expect(createUsageMeter(request).started).toBe(false);
  });

  it('takes the provider usage as it is when nothing streamed after it', () => {
    const meter = createUsageMeter(request);
    meter.observe({ type: 'content', delta: 'Hello there' });
    meter.observe({ type: 'usage', usage: { inputTokens: 9, outputTokens: 3, totalTokens: 12, cachedInputTokens: 4 } });
    expect(meter.settle()).toEqual({ inputTokens: 9, outputTokens: 3, totalTokens: 12, cachedInputTokens: 4 });
  });

  it('estimates request and text when no usage arrived, and marks it estimated', () => {
    const meter = createUsageMeter(request);
    meter.observe({ type: 'content', delta: 'x'.repeat(400) });
    meter.observe({ type: 'tool_call', toolCall: { id: 'a', name: 'f', arguments: { q: 1 } } });
    // 4 framing + 10 text + 1 system prompt; 400 + 8 characters → 102 tokens.
    expect(meter.settle()).toEqual({ inputTokens: 15, outputTokens: 102, totalTokens: 117, estimated: true });
  });

  it('adds an estimate of the text after the last report (Anthropic message_start, then a Stop)', () => {
    const meter = createUsageMeter(request);
    meter.observe({ type: 'usage', usage: { inputTokens: 500, outputTokens: 1, totalTokens: 501 } });
    meter.observe({ type: 'content', delta: 'x'.repeat(81) });
    expect(meter.settle()).toEqual({ inputTokens: 500, outputTokens: 22, totalTokens: 522, estimated: true });
  });

  it('counts other text deltas (reasoning) as generated output', () => {
    const meter = createUsageMeter(request);
    meter.observe({ type: 'reasoning', delta: 'x'.repeat(8) } as never);
    expect(meter.settle().outputTokens).toBe(2);
  });
});
