// OpenAI Chat Completions SSE → StreamChunk (providers.md §2.3). The framing is the shared Chat
// Completions one; OpenAI's own parts are how it counts usage and its `refusal` deltas.
import type { Usage } from '../../types';
import { createChatCompletionsStreamTransform, readChatCompletionsUsage } from '../shared/chat-completions-stream-transform';
import type { StreamTransformer } from '../shared/run-provider-stream';
import { mapOpenAIError } from './map-openai-error';
import { mapOpenAIFinishReason } from './map-openai-finish-reason';

/** prompt_tokens already includes cached tokens; completion_tokens already includes reasoning. */
export function readOpenAIUsage(chunk: unknown): Usage | undefined {
  return readChatCompletionsUsage(chunk);
}

export function createOpenAIStreamTransform(): StreamTransformer {
  return createChatCompletionsStreamTransform({
    provider: 'openai',
    mapError: mapOpenAIError,
    mapFinishReason: mapOpenAIFinishReason,
    readUsage: readOpenAIUsage,
    readsRefusals: true,
  });
}
