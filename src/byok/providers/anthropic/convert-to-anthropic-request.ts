// ChatRequest → Anthropic Messages body (providers.md §3.2): top-level system, required
// max_tokens, alternating user/assistant turns, tool results inside a user turn.
import type { ChatMessage, MessageContent } from '../../types';
import type { ResolvedChatRequest } from '../provider-adapter';
import { splitImageDataUrl } from '../shared/data-url';
import { assertImagesSupported, limitMaxTokens } from '../shared/message-content';
import { clampNumber } from '../shared/model-hints';
import type { ModelHints } from '../shared/model-hints';

type AnthropicBlock =
  | { type: 'text'; text: string }
  | { type: 'image'; source: { type: 'base64'; media_type: string; data: string } }
  | { type: 'tool_use'; id: string; name: string; input: Record<string, unknown> }
  | { type: 'tool_result'; tool_use_id: string; content: string };

interface AnthropicMessage {
  role: 'user' | 'assistant';
  content: AnthropicBlock[];
}

export interface AnthropicRequestBody {
  model: string;
  max_tokens: number;
  messages: AnthropicMessage[];
  stream: true;
  system?: string;
  temperature?: number;
  tools?: Array<{ name: string; description?: string; input_schema: Record<string, unknown> }>;
  tool_choice?: { type: 'auto' };
}

// A sensible answer length when the user set none: the model's limit, but not a 64k-token bill.
const DEFAULT_MAX_TOKENS = 4096;
const MAX_DEFAULT_MAX_TOKENS = 8192;

/** Claude Opus 4.7+, Sonnet 5, Fable 5 and Opus 5 reject sampling parameters (providers.md §3.2). */
export function anthropicRejectsTemperature(modelId: string, hints: ModelHints | undefined): boolean {
  if (hints?.rejectsTemperature !== undefined) return hints.rejectsTemperature;
  return /claude-(opus-4-[7-9]|opus-[5-9]|sonnet-[5-9]|fable-)/.test(modelId);
}

function convertContent(content: MessageContent): AnthropicBlock[] {
  const parts = typeof content === 'string' ? [{ type: 'text' as const, text: content }] : content;
  return parts.flatMap((part): AnthropicBlock[] => {
    if (part.type === 'text') return part.text === '' ? [] : [{ type: 'text', text: part.text }];
    const image = splitImageDataUrl(part.dataUrl, 'anthropic');
    return [{ type: 'image', source: { type: 'base64', media_type: image.mimeType, data: image.base64 } }];
  });
}

function convertMessage(message: ChatMessage): AnthropicMessage {
  if (message.role === 'tool') {
    return { role: 'user', content: [{ type: 'tool_result', tool_use_id: message.toolCallId, content: message.content }] };
  }
  if (message.role === 'user') return { role: 'user', content: convertContent(message.content) };
  const toolUses: AnthropicBlock[] = (message.toolCalls ?? []).map((toolCall) => ({
    type: 'tool_use',
    id: toolCall.id,
    name: toolCall.name,
    input: toolCall.arguments,
  }));
  return { role: 'assistant', content: [...convertContent(message.content), ...toolUses] };
}

/** Anthropic wants strict alternation: consecutive turns of one role become one turn. */
function mergeConsecutiveRoles(messages: AnthropicMessage[]): AnthropicMessage[] {
  const merged: AnthropicMessage[] = [];
  for (const message of messages) {
    const previous = merged[merged.length - 1];
    if (previous && previous.role === message.role) previous.content.push(...message.content);
    else merged.push({ role: message.role, content: [...message.content] });
  }
  return merged;
}

export function convertToAnthropicRequest(request: ResolvedChatRequest, hints?: ModelHints): AnthropicRequestBody {
  assertImagesSupported(request.messages, request.model, hints, 'anthropic');
  const settings = request.settings ?? {};
  const modelLimit = hints?.maxOutputTokens;
  const defaultMaxTokens = Math.min(modelLimit ?? DEFAULT_MAX_TOKENS, MAX_DEFAULT_MAX_TOKENS);
  const body: AnthropicRequestBody = {
    model: request.model,
    max_tokens: limitMaxTokens(settings.maxTokens, hints) ?? defaultMaxTokens,
    messages: mergeConsecutiveRoles(request.messages.map(convertMessage)),
    stream: true,
  };
  if (settings.systemPrompt) body.system = settings.systemPrompt;
  if (settings.temperature !== undefined && !anthropicRejectsTemperature(request.model, hints)) {
    body.temperature = clampNumber(settings.temperature, 0, 1);
  }
  if (request.tools && request.tools.length > 0) {
    body.tools = request.tools.map((tool) => ({
      name: tool.name,
      ...(tool.description ? { description: tool.description } : {}),
      input_schema: tool.parameters,
    }));
    body.tool_choice = { type: 'auto' };
  }
  return body;
}
