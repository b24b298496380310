// xAI (OpenAI-compatible) SSE → StreamChunk (providers.md §5.3). The framing is the shared Chat
// Completions one; xAI's own parts are its usage arithmetic and what it streams beside the answer.
import type { Usage } from '../../types';
import { readNumber, readRecord, readString } from '../shared/json-values';
import type { JsonRecord } from '../shared/json-values';
import { createChatCompletionsStreamTransform, readChatCompletionsUsage } from '../shared/chat-completions-stream-transform';
import type { StreamTransformer } from '../shared/run-provider-stream';
import { mapXaiError } from './map-xai-error';
import { mapXaiFinishReason } from './map-xai-finish-reason';

/**
 * completion_tokens leaves out reasoning_tokens on xAI, so they are added (providers.md §8.8).
 * cached_tokens is normally inside prompt_tokens, but some models report it outside (cached >
 * prompt); then the cached tokens are added to the input (vercel convert-xai-chat-usage).
 */
export function readXaiUsage(chunk: unknown): Usage | undefined {
  const usage = readChatCompletionsUsage(chunk);
  if (!usage) return undefined;
  const details = readRecord(readRecord(chunk, 'usage'), 'completion_tokens_details');
  const reasoningTokens = readNumber(details, 'reasoning_tokens') ?? 0;
  const outputTokens = usage.outputTokens + reasoningTokens;
  const cached = usage.cachedInputTokens ?? 0;
  const inputTokens = cached > usage.inputTokens ? usage.inputTokens + cached : usage.inputTokens;
  return { ...usage, inputTokens, outputTokens, totalTokens: inputTokens + outputTokens, ...(reasoningTokens ? { reasoningTokens } : {}) };
}

/** `delta.reasoning_content`: the model thinking aloud before `content` (providers-reasoning.md §5.3). */
export function readXaiReasoning(delta: JsonRecord | undefined): string {
  return readString(delta, 'reasoning_content') ?? '';
}

export function createXaiStreamTransform(): StreamTransformer {
  return createChatCompletionsStreamTransform({
    provider: 'xai',
    mapError: mapXaiError,
    mapFinishReason: mapXaiFinishReason,
    readUsage: readXaiUsage,
    readReasoning: readXaiReasoning,
    readsRefusals: true,
  });
}
