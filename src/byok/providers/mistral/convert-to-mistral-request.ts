// ChatRequest → Mistral chat completions body (providers.md §6.2). Mistral is strict: unknown
// fields are a 422, so no stream_options and no max_completion_tokens; tool-call ids must be
// nine alphanumerics. Messages and tools are built with the shared Chat Completions helpers.
import type { ChatMessage, ReasoningEffort } from '../../types';
import type { ResolvedChatRequest } from '../provider-adapter';
import {
  convertChatCompletionsToolCalls,
  convertChatCompletionsTools,
  convertChatCompletionsUserContent,
} from '../shared/chat-completions-messages';
import type { ChatCompletionsTextPart, ChatCompletionsTool, ChatCompletionsToolCall } from '../shared/chat-completions-messages';
import { assertImagesSupported, joinTextParts, limitMaxTokens } from '../shared/message-content';
import { clampNumber, resolveReasoningEffort } from '../shared/model-hints';
import type { ModelHints } from '../shared/model-hints';

/** Unlike OpenAI, Mistral takes the data URL as a bare string. */
type MistralImagePart = { type: 'image_url'; image_url: string };

type MistralMessage =
  | { role: 'system'; content: string }
  | { role: 'user'; content: string | Array<ChatCompletionsTextPart | MistralImagePart> }
  | { role: 'assistant'; content: string; tool_calls?: ChatCompletionsToolCall[] }
  | { role: 'tool'; tool_call_id: string; name: string; content: string };

export interface MistralRequestBody {
  model: string;
  messages: MistralMessage[];
  stream: true;
  temperature?: number;
  max_tokens?: number;
  tools?: ChatCompletionsTool[];
  tool_choice?: 'auto';
  /** Only Small 4 and Medium 3.5 take it, and only high|none; other models reject the field (§6.1). */
  reasoning_effort?: ReasoningEffort;
}

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * Ids from other providers (`call_…`, `toolu_…`) are rewritten to [A-Za-z0-9]{9}. Deterministic,
 * so a call and its result, converted separately, still point at each other.
 */
export function normaliseMistralToolCallId(id: string): string {
  if (/^[A-Za-z0-9]{9}$/.test(id)) return id;
  let hash = 0x811c9dc5;
  let result = '';
  for (let round = 0; result.length < 9; round += 1) {
    for (const character of `${round}:${id}`) hash = Math.imul(hash ^ character.charCodeAt(0), 0x01000193) >>> 0;
    result += ALPHANUMERIC[hash % ALPHANUMERIC.length] ?? 'A';
  }
  return result;
}

function convertImage(dataUrl: string): MistralImagePart {
  return { type: 'image_url', image_url: dataUrl };
}

// Mistral wants the function name on a tool result, and assistant content as a string even
// beside tool calls (never null).
function convertMessage(message: ChatMessage): MistralMessage {
  if (message.role === 'user') return { role: 'user', content: convertChatCompletionsUserContent(message.content, convertImage) };
  if (message.role === 'tool') {
    return { role: 'tool', tool_call_id: normaliseMistralToolCallId(message.toolCallId), name: message.name, content: message.content };
  }
  const toolCalls = message.toolCalls ?? [];
  const assistant: MistralMessage = { role: 'assistant', content: joinTextParts(message.content) };
  if (toolCalls.length === 0) return assistant;
  return { ...assistant, tool_calls: convertChatCompletionsToolCalls(toolCalls, normaliseMistralToolCallId) };
}

export function convertToMistralRequest(request: ResolvedChatRequest, hints?: ModelHints): MistralRequestBody {
  assertImagesSupported(request.messages, request.model, hints, 'mistral');
  const settings = request.settings ?? {};
  const messages: MistralMessage[] = [];
  if (settings.systemPrompt) messages.push({ role: 'system', content: settings.systemPrompt });
  messages.push(...request.messages.map(convertMessage));
  // Usage is always in the stream; stream_options would be rejected with 422 (§8.7).
  const body: MistralRequestBody = { model: request.model, messages, stream: true };
  if (settings.temperature !== undefined && hints?.rejectsTemperature !== true) {
    body.temperature = clampNumber(settings.temperature, 0, 1.5);
  }
  const maxTokens = limitMaxTokens(settings.maxTokens, hints);
  if (maxTokens !== undefined) body.max_tokens = maxTokens;
  const effort = resolveReasoningEffort(settings.reasoningEffort, hints?.reasoning?.efforts);
  if (effort !== undefined) body.reasoning_effort = effort;
  return { ...body, ...convertChatCompletionsTools(request.tools) };
}
