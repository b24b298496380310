// ChatRequest → the Chat Completions body OpenAI and xAI both take. Mistral refuses two of its
// fields (stream_options, max_completion_tokens), so it builds its own from the message helpers.
// A provider says only what differs: the system prompt's role and whether temperature is sent.
import type { BYOKProvider, ChatRequest, ReasoningEffort } from '../../types';
import { convertChatCompletionsMessages, convertChatCompletionsTools } from './chat-completions-messages';
import type { ChatCompletionsMessage, ChatCompletionsTool } from './chat-completions-messages';
import { assertImagesSupported, limitMaxTokens } from './message-content';
import { clampNumber } from './model-hints';
import type { ModelHints } from './model-hints';

export interface ChatCompletionsRequestBody {
  model: string;
  messages: ChatCompletionsMessage[];
  stream: true;
  stream_options: { include_usage: true };
  temperature?: number;
  max_completion_tokens?: number;
  tools?: ChatCompletionsTool[];
  tool_choice?: 'auto';
  reasoning_effort?: ReasoningEffort;
}

export interface ChatCompletionsRequestOptions {
  provider: BYOKProvider;
  systemRole: 'system' | 'developer';
  /** Reasoning models refuse temperature; which models those are is the provider's call. */
  acceptsTemperature: boolean;
  /** The effort already mapped for this model (resolveReasoningEffort); sent as `reasoning_effort`. */
  reasoningEffort?: ReasoningEffort | undefined;
}

export function convertToChatCompletionsRequest(
  request: ChatRequest,
  hints: ModelHints | undefined,
  options: ChatCompletionsRequestOptions,
): ChatCompletionsRequestBody {
  assertImagesSupported(request.messages, request.model, hints, options.provider);
  const settings = request.settings ?? {};
  const body: ChatCompletionsRequestBody = {
    model: request.model,
    messages: convertChatCompletionsMessages(request.messages, settings.systemPrompt, options.systemRole),
    stream: true,
    // Without include_usage the stream carries no usage, and the turn could not be priced.
    stream_options: { include_usage: true },
  };
  if (settings.temperature !== undefined && options.acceptsTemperature) body.temperature = clampNumber(settings.temperature, 0, 2);
  // max_tokens is deprecated and refused by reasoning models; max_completion_tokens works for all.
  const maxTokens = limitMaxTokens(settings.maxTokens, hints);
  if (maxTokens !== undefined) body.max_completion_tokens = maxTokens;
  if (options.reasoningEffort !== undefined) body.reasoning_effort = options.reasoningEffort;
  return { ...body, ...convertChatCompletionsTools(request.tools) };
}
