// ChatRequest → xAI chat completions body (providers.md §5.2): the OpenAI shape, with
// max_completion_tokens and stream_options.include_usage as @ai-sdk/xai sends them.
import type { ChatMessage, MessageContent, ToolDefinition } from '../../types';
import type { ResolvedChatRequest } from '../provider-adapter';
import { assertImagesSupported, joinTextParts, limitMaxTokens } from '../shared/message-content';
import { clampNumber } from '../shared/model-hints';
import type { ModelHints } from '../shared/model-hints';

type XaiContentPart = { type: 'text'; text: string } | { type: 'image_url'; image_url: { url: string } };

type XaiMessage =
  | { role: 'system'; content: string }
  | { role: 'user'; content: string | XaiContentPart[] }
  | { role: 'assistant'; content: string | null; tool_calls?: XaiToolCall[] }
  | { role: 'tool'; tool_call_id: string; content: string };

interface XaiToolCall {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}

export interface XaiRequestBody {
  model: string;
  messages: XaiMessage[];
  stream: true;
  stream_options: { include_usage: true };
  temperature?: number;
  max_completion_tokens?: number;
  tools?: Array<{ type: 'function'; function: { name: string; description?: string; parameters: Record<string, unknown> } }>;
  tool_choice?: 'auto';
}

function convertUserContent(content: MessageContent): string | XaiContentPart[] {
  if (typeof content === 'string') return content;
  return content.map((part) =>
    part.type === 'text' ? { type: 'text', text: part.text } : { type: 'image_url', image_url: { url: part.dataUrl } },
  );
}

function convertMessage(message: ChatMessage): XaiMessage {
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

function convertTools(tools: ToolDefinition[]): NonNullable<XaiRequestBody['tools']> {
  return tools.map((tool) => ({
    type: 'function',
    function: { name: tool.name, ...(tool.description ? { description: tool.description } : {}), parameters: tool.parameters },
  }));
}

export function convertToXaiRequest(request: ResolvedChatRequest, hints?: ModelHints): XaiRequestBody {
  assertImagesSupported(request.messages, request.model, hints, 'xai');
  const settings = request.settings ?? {};
  const messages: XaiMessage[] = [];
  if (settings.systemPrompt) messages.push({ role: 'system', content: settings.systemPrompt });
  messages.push(...request.messages.map(convertMessage));
  const body: XaiRequestBody = { model: request.model, messages, stream: true, stream_options: { include_usage: true } };
  if (settings.temperature !== undefined && hints?.rejectsTemperature !== true) {
    body.temperature = clampNumber(settings.temperature, 0, 2);
  }
  const maxTokens = limitMaxTokens(settings.maxTokens, hints);
  if (maxTokens !== undefined) body.max_completion_tokens = maxTokens;
  if (request.tools && request.tools.length > 0) {
    body.tools = convertTools(request.tools);
    body.tool_choice = 'auto';
  }
  return body;
}
