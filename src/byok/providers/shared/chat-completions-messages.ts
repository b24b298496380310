// ChatMessage → Chat Completions messages and tools, the shapes OpenAI, xAI and Mistral agree on.
// What a provider spells differently (image parts, tool-call ids, a tool result's name, empty
// assistant content) stays in its own convert-to-<p>-request.ts and comes in as an argument.
import type { ChatMessage, MessageContent, ToolCall, ToolDefinition } from '../../types';
import { joinTextParts } from './message-content';

export interface ChatCompletionsTextPart {
  type: 'text';
  text: string;
}

/** OpenAI and xAI nest the data URL under `image_url.url`. */
export interface ChatCompletionsImageUrlPart {
  type: 'image_url';
  image_url: { url: string };
}

export interface ChatCompletionsToolCall {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}

export interface ChatCompletionsTool {
  type: 'function';
  function: { name: string; description?: string; parameters: Record<string, unknown> };
}

/** The message list as OpenAI defines it; `developer` only where the provider asks for it. */
export type ChatCompletionsMessage =
  | { role: 'system' | 'developer'; content: string }
  | { role: 'user'; content: string | Array<ChatCompletionsTextPart | ChatCompletionsImageUrlPart> }
  | { role: 'assistant'; content: string | null; tool_calls?: ChatCompletionsToolCall[] }
  | { role: 'tool'; tool_call_id: string; content: string };

/** `tools` with `tool_choice: 'auto'`, or neither: no provider wants an empty tool list. */
export type ChatCompletionsToolFields = { tools: ChatCompletionsTool[]; tool_choice: 'auto' } | Record<string, never>;

export function convertToImageUrlPart(dataUrl: string): ChatCompletionsImageUrlPart {
  return { type: 'image_url', image_url: { url: dataUrl } };
}

/** A plain string stays a string; parts keep their order, images in the provider's spelling. */
export function convertChatCompletionsUserContent<ImagePart>(
  content: MessageContent,
  convertImage: (dataUrl: string) => ImagePart,
): string | Array<ChatCompletionsTextPart | ImagePart> {
  if (typeof content === 'string') return content;
  return content.map((part) => (part.type === 'text' ? { type: 'text', text: part.text } : convertImage(part.dataUrl)));
}

/** Arguments travel as a JSON string; `normaliseId` rewrites ids a provider would refuse. */
export function convertChatCompletionsToolCalls(
  toolCalls: ToolCall[],
  normaliseId: (id: string) => string = (id) => id,
): ChatCompletionsToolCall[] {
  return toolCalls.map((toolCall) => ({
    id: normaliseId(toolCall.id),
    type: 'function',
    function: { name: toolCall.name, arguments: JSON.stringify(toolCall.arguments) },
  }));
}

/** Assistant text is null beside tool calls when empty: OpenAI's documented shape for that turn. */
export function convertChatCompletionsMessage(message: ChatMessage): ChatCompletionsMessage {
  if (message.role === 'user') {
    return { role: 'user', content: convertChatCompletionsUserContent(message.content, convertToImageUrlPart) };
  }
  if (message.role === 'tool') return { role: 'tool', tool_call_id: message.toolCallId, content: message.content };
  const text = joinTextParts(message.content);
  const toolCalls = message.toolCalls ?? [];
  if (toolCalls.length === 0) return { role: 'assistant', content: text };
  return { role: 'assistant', content: text === '' ? null : text, tool_calls: convertChatCompletionsToolCalls(toolCalls) };
}

/** The system prompt (when there is one) first, in the role the provider asks for, then the turns. */
export function convertChatCompletionsMessages(
  messages: ChatMessage[],
  systemPrompt: string | undefined,
  systemRole: 'system' | 'developer',
): ChatCompletionsMessage[] {
  const converted = messages.map(convertChatCompletionsMessage);
  return systemPrompt ? [{ role: systemRole, content: systemPrompt }, ...converted] : converted;
}

export function convertChatCompletionsTools(tools: ToolDefinition[] | undefined): ChatCompletionsToolFields {
  if (!tools || tools.length === 0) return {};
  return {
    tools: tools.map((tool) => ({
      type: 'function',
      function: { name: tool.name, ...(tool.description ? { description: tool.description } : {}), parameters: tool.parameters },
    })),
    tool_choice: 'auto',
  };
}
