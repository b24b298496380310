// ChatRequest → OpenAI Chat Completions body (providers.md §2.2).
import type { ChatMessage, MessageContent, ToolDefinition } from '../../types';
import type { ResolvedChatRequest } from '../provider-adapter';
import { assertImagesSupported, joinTextParts, limitMaxTokens } from '../shared/message-content';
import { clampNumber } from '../shared/model-hints';
import type { ModelHints } from '../shared/model-hints';

type OpenAIContentPart = { type: 'text'; text: string } | { type: 'image_url'; image_url: { url: string } };

type OpenAIMessage =
  | { role: 'system' | 'developer'; content: string }
  | { role: 'user'; content: string | OpenAIContentPart[] }
  | { role: 'assistant'; content: string | null; tool_calls?: OpenAIToolCall[] }
  | { role: 'tool'; tool_call_id: string; content: string };

interface OpenAIToolCall {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}

export interface OpenAIRequestBody {
  model: string;
  messages: OpenAIMessage[];
  stream: true;
  stream_options: { include_usage: true };
  temperature?: number;
  max_completion_tokens?: number;
  tools?: Array<{ type: 'function'; function: { name: string; description?: string; parameters: Record<string, unknown> } }>;
  tool_choice?: 'auto';
}

/** o-series and gpt-5+ (except the -chat variants) are reasoning models (vercel/ai capabilities). */
export function isOpenAIReasoningModel(modelId: string, hints: ModelHints | undefined): boolean {
  if (hints?.rejectsTemperature !== undefined) return hints.rejectsTemperature;
  if (/^o\d/.test(modelId)) return true;
  const major = /^gpt-(\d+)/.exec(modelId)?.[1];
  return major !== undefined && Number(major) >= 5 && !modelId.includes('-chat');
}

function convertUserContent(content: MessageContent): string | OpenAIContentPart[] {
  if (typeof content === 'string') return content;
  return content.map((part) =>
    part.type === 'text' ? { type: 'text', text: part.text } : { type: 'image_url', image_url: { url: part.dataUrl } },
  );
}

function convertMessage(message: ChatMessage): OpenAIMessage {
  if (message.role === 'user') return { role: 'user', content: convertUserContent(message.content) };
  if (message.role === 'tool') return { role: 'tool', tool_call_id: message.toolCallId, content: message.content };
  const text = joinTextParts(message.content);
  const toolCalls = message.toolCalls ?? [];
  if (toolCalls.length === 0) return { role: 'assistant', content: text };
  return {
    role: 'assistant',
    content: text === '' ? null : text,
    tool_calls: toolCalls.map((toolCall) => ({
      id: toolCall.id,
      type: 'function',
      function: { name: toolCall.name, arguments: JSON.stringify(toolCall.arguments) },
    })),
  };
}

function convertTools(tools: ToolDefinition[]): NonNullable<OpenAIRequestBody['tools']> {
  return tools.map((tool) => ({
    type: 'function',
    function: {
      name: tool.name,
      ...(tool.description ? { description: tool.description } : {}),
      parameters: tool.parameters,
    },
  }));
}

export function convertToOpenAIRequest(request: ResolvedChatRequest, hints?: ModelHints): OpenAIRequestBody {
  assertImagesSupported(request.messages, request.model, hints, 'openai');
  const reasoning = isOpenAIReasoningModel(request.model, hints);
  const settings = request.settings ?? {};
  const messages: OpenAIMessage[] = [];
  if (settings.systemPrompt) messages.push({ role: reasoning ? 'developer' : 'system', content: settings.systemPrompt });
  messages.push(...request.messages.map(convertMessage));

  const body: OpenAIRequestBody = {
    model: request.model,
    messages,
    stream: true,
    stream_options: { include_usage: true },
  };
  if (settings.temperature !== undefined && !reasoning) body.temperature = clampNumber(settings.temperature, 0, 2);
  // max_tokens is deprecated and refused by reasoning models; max_completion_tokens works for all.
  const maxTokens = limitMaxTokens(settings.maxTokens, hints);
  if (maxTokens !== undefined) body.max_completion_tokens = maxTokens;
  if (request.tools && request.tools.length > 0) {
    body.tools = convertTools(request.tools);
    body.tool_choice = 'auto';
  }
  return body;
}
