// Cached and reasoning tokens priced per providers.md §8 for all five providers: each case runs the
// provider's own stream transform on a usage report shaped as that provider sends it, then prices
// the Usage it produced. Reasoning/thinking is billed at the output price; cache reads and writes
// at their own prices.
import { describe, expect, it } from 'vitest';
import { createAnthropicStreamTransform } from './providers/anthropic/anthropic-stream-transform';
import { createGoogleStreamTransform } from './providers/google/google-stream-transform';
import { createMistralStreamTransform } from './providers/mistral/mistral-stream-transform';
import { createOpenAIStreamTransform } from './providers/openai/openai-stream-transform';
import type { StreamTransformer } from './providers/shared/run-provider-stream';
import { convertToCrlf, createChunkedStream, runStreamTransform } from './providers/shared/test-helpers';
import { createXaiStreamTransform } from './providers/xai/xai-stream-transform';
import { calculateCost } from './provider-config';
import type { BYOKProvider, Usage } from './types';
import { calculateUsageCost } from './usage-cost';

async function readFinalUsage(provider: BYOKProvider, body: string, createTransform: () => StreamTransformer): Promise<Usage | undefined> {
  const run = await runStreamTransform(createChunkedStream(body), provider, createTransform);
  return run.chunks.filter((chunk) => chunk.type === 'usage').at(-1)?.usage;
}

const data = (payload: unknown) => `data: ${JSON.stringify(payload)}\n\n`;
const anthropicEvent = (name: string, payload: unknown) => `event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`;

describe('pricing a Usage', () => {
  it('OpenAI: cached_tokens inside prompt_tokens at the cached price, reasoning inside completion_tokens at output', async () => {
    // providers-reasoning.md §2 (gpt-5.4): 812 prompt of which 768 cached; 1450 completion of which 1280 reasoning.
    const usage = await readFinalUsage('openai', data({ choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] })
      + data({ choices: [], usage: { prompt_tokens: 812, completion_tokens: 1450, total_tokens: 2262, prompt_tokens_details: { cached_tokens: 768 }, completion_tokens_details: { reasoning_tokens: 1280 } } })
      + 'data: [DONE]\n\n', createOpenAIStreamTransform);
    expect(usage).toEqual({ inputTokens: 812, outputTokens: 1450, totalTokens: 2262, cachedInputTokens: 768, reasoningTokens: 1280 });
    // 44 × $2.50/M + 768 × $0.25/M + 1450 × $15/M
    expect(calculateUsageCost('openai', 'gpt-5.4', usage!)).toBeCloseTo(0.022052, 10);
    // Without the cache split the seed's API charges every input token at the input price.
    expect(calculateCost('openai', 'gpt-5.4', 812, 1450)).toBeCloseTo(0.02378, 10);
  });

  it('OpenAI: cache writes at 1.25× on GPT-5.6, gpt-4o cached at half price', () => {
    const written: Usage = { inputTokens: 1000, outputTokens: 0, totalTokens: 1000, cacheWriteTokens: 1000 };
    expect(calculateUsageCost('openai', 'gpt-5.6-luna', written)).toBeCloseTo(0.00125, 10);
    expect(calculateUsageCost('openai', 'gpt-4o', { inputTokens: 1000, outputTokens: 0, totalTokens: 1000, cachedInputTokens: 1000 })).toBeCloseTo(0.00125, 10);
  });

  it('Anthropic: input + cache read + cache write, read at 0.1×, write at 1.25×, thinking inside output_tokens', async () => {
    const usage = await readFinalUsage('anthropic', anthropicEvent('message_start', { type: 'message_start', message: { usage: { input_tokens: 69, cache_creation_input_tokens: 200, cache_read_input_tokens: 512, output_tokens: 2 } } })
      + anthropicEvent('message_delta', { type: 'message_delta', delta: { stop_reason: 'end_turn' }, usage: { input_tokens: 69, cache_creation_input_tokens: 200, cache_read_input_tokens: 512, output_tokens: 118, output_tokens_details: { thinking_tokens: 71 } } })
      + anthropicEvent('message_stop', { type: 'message_stop' }), createAnthropicStreamTransform);
    expect(usage).toEqual({ inputTokens: 781, outputTokens: 118, totalTokens: 899, cachedInputTokens: 512, cacheWriteTokens: 200, reasoningTokens: 71 });
    // claude-sonnet-4-6: 69 × $3/M + 512 × $0.30/M + 200 × $3.75/M + 118 × $15/M
    expect(calculateUsageCost('anthropic', 'claude-sonnet-4-6', usage!)).toBeCloseTo(0.0028806, 10);
  });

  it('Gemini: cachedContentTokenCount inside promptTokenCount at 10 %, thoughts added to output', async () => {
    const usage = await readFinalUsage('google', convertToCrlf(data({
      candidates: [{ content: { parts: [{ text: 'Hi' }], role: 'model' }, finishReason: 'STOP', index: 0 }],
      usageMetadata: { promptTokenCount: 1000, cachedContentTokenCount: 800, candidatesTokenCount: 13, thoughtsTokenCount: 302, totalTokenCount: 1315 },
    })), createGoogleStreamTransform);
    expect(usage).toEqual({ inputTokens: 1000, outputTokens: 315, totalTokens: 1315, cachedInputTokens: 800, reasoningTokens: 302 });
    // gemini-3.5-flash: 200 × $1.50/M + 800 × $0.15/M + 315 × $9/M
    expect(calculateUsageCost('google', 'gemini-3.5-flash', usage!)).toBeCloseTo(0.003255, 10);
  });

  it('Gemini Pro over 200k: the long-prompt tier raises the cached price with the input price', () => {
    const usage: Usage = { inputTokens: 300_000, outputTokens: 0, totalTokens: 300_000, cachedInputTokens: 100_000 };
    // 200k × $4/M + 100k × $0.40/M
    expect(calculateUsageCost('google', 'gemini-3.1-pro-preview', usage)).toBeCloseTo(0.84, 10);
  });

  it('xAI: reasoning_tokens added to completion_tokens, cached_tokens at the cached price', async () => {
    // providers-reasoning.md §5.3: 12 prompt (11 cached), 1 completion, 290 reasoning.
    const usage = await readFinalUsage('xai', data({ choices: [{ index: 0, delta: { content: 'x' }, finish_reason: 'stop' }] })
      + data({ choices: [], usage: { prompt_tokens: 12, completion_tokens: 1, total_tokens: 303, prompt_tokens_details: { text_tokens: 12, cached_tokens: 11 }, completion_tokens_details: { reasoning_tokens: 290 }, cost_in_usd_ticks: 1466250 } })
      + 'data: [DONE]\n\n', createXaiStreamTransform);
    expect(usage).toEqual({ inputTokens: 12, outputTokens: 291, totalTokens: 303, cachedInputTokens: 11, reasoningTokens: 290 });
    // grok-4.3: 1 × $1.25/M + 11 × $0.20/M + 291 × $2.50/M
    expect(calculateUsageCost('xai', 'grok-4.3', usage!)).toBeCloseTo(0.00073095, 10);
  });

  it('xAI: cached tokens reported outside prompt_tokens are added to the input', async () => {
    const usage = await readFinalUsage('xai', data({ choices: [], usage: { prompt_tokens: 5, completion_tokens: 1, prompt_tokens_details: { cached_tokens: 100 } } }) + 'data: [DONE]\n\n', createXaiStreamTransform);
    expect(usage).toMatchObject({ inputTokens: 105, cachedInputTokens: 100 });
  });

  it('Mistral: prompt_tokens_details.cached_tokens at 10 %, thinking inside completion_tokens', async () => {
    const usage = await readFinalUsage('mistral', data({ choices: [{ index: 0, delta: { content: '' }, finish_reason: 'stop' }], usage: { prompt_tokens: 1000, completion_tokens: 46, total_tokens: 1046, prompt_tokens_details: { cached_tokens: 600 } } })
      + 'data: [DONE]\n\n', createMistralStreamTransform);
    expect(usage).toEqual({ inputTokens: 1000, outputTokens: 46, totalTokens: 1046, cachedInputTokens: 600 });
    // mistral-large-latest: 400 × $0.50/M + 600 × $0.05/M + 46 × $1.50/M
    expect(calculateUsageCost('mistral', 'mistral-large-latest', usage!)).toBeCloseTo(0.000299, 10);
  });

  it('bills cached tokens at the input price where no cached price is published, and is null for unknown models', () => {
    const usage: Usage = { inputTokens: 1000, outputTokens: 0, totalTokens: 1000, cachedInputTokens: 1000 };
    expect(calculateUsageCost('xai', 'grok-4.20-reasoning', usage)).toBeCloseTo(0.002, 10);
    expect(calculateUsageCost('openai', 'no-such-model', usage)).toBeNull();
    expect(calculateUsageCost('openai', 'gpt-4o', { inputTokens: Number.NaN, outputTokens: 1, totalTokens: 1 })).toBeNull();
  });
});
