// ChatRequest → Anthropic Messages body (providers.md §3.2): top-level system, required
// max_tokens, alternating user/assistant turns, tool results inside a user turn.
import type { ChatMessage, MessageContent } from '../../types';
import type { ResolvedChatRequest } from '../provider-adapter';
import { splitImageDataUrl } from '../shared/data-url';
import { assertImagesSupported, limitMaxTokens } from '../shared/message-content';
import { clampNumber } from '../shared/model-hints';
import type { ModelHints } from '../shared/model-hints';
import { readMatchingReplay } from '../shared/model-hints';
import { convertToAnthropicThinking } from './anthropic-thinking';
import type { AnthropicThinkingFields } from './anthropic-thinking';

type AnthropicBlock =
  | { type: 'text'; text: string }
  | { type: 'image'; source: { type: 'base64'; media_type: string; data: string } }
  | { type: 'tool_use'; id: string; name: string; input: Record<string, unknown> }
  | { type: 'tool_result'; tool_use_id: string; content: string }
  /** A replayed thinking / redacted_thinking block, sent back exactly as received (§3.4). */
  | Record<string, unknown>;

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
  thinking?: AnthropicThinkingFields['thinking'];
  output_config?: AnthropicThinkingFields['output_config'];
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

/**
 * An assistant turn of this same model goes back as the blocks it streamed, thinking and its
 * signature included: with tool use Anthropic rejects a turn whose thinking was dropped or changed.
 */
function convertMessage(message: ChatMessage, model: string): AnthropicMessage {
  if (message.role === 'tool') {
    return { role: 'user', content: [{ type: 'tool_result', tool_use_id: message.toolCallId, content: message.content }] };
  }
  if (message.role === 'user') return { role: 'user', content: convertContent(message.content) };
  const replayed = readMatchingReplay(message.replay, 'anthropic', model);
  if (replayed) return { role: 'assistant', content: replayed as AnthropicBlock[] };
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
  const thinking = convertToAnthropicThinking(request.model, settings.reasoningEffort, hints);
  let maxTokens = limitMaxTokens(settings.maxTokens, hints) ?? defaultMaxTokens;
  if (thinking.minimumMaxTokens !== undefined && maxTokens < thinking.minimumMaxTokens) {
    maxTokens = Math.min(thinking.minimumMaxTokens, modelLimit ?? thinking.minimumMaxTokens);
  }
  const body: AnthropicRequestBody = {
    model: request.model,
    max_tokens: maxTokens,
    messages: mergeConsecutiveRoles(request.messages.map((message) => convertMessage(message, request.model))),
    stream: true,
  };
  if (settings.systemPrompt) body.system = settings.systemPrompt;
  if (thinking.thinking) body.thinking = thinking.thinking;
  if (thinking.output_config) body.output_config = thinking.output_config;
  const thinkingOn = thinking.thinking !== undefined && thinking.thinking.type !== 'disabled';
  // With thinking on, temperature may not be changed (§3.1 "Restrictions while thinking is on").
  if (settings.temperature !== undefined && !thinkingOn && !anthropicRejectsTemperature(request.model, hints)) {
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
