// Turns a stored conversation into the request the provider sees. An error record is a note for the
// person and is not sent. A tool call goes back as a real call only when every call of that reply
// has its result (or refusal) after it: a call without its result would be rejected by every
// provider, so an abandoned one is described in words instead, without its replay.
import type { ConversationMeta, StoredMessage } from '../../byok/conversations/conversation-types';
import type { ChatMessage, ChatRequest, MessageContent, ToolDefinition } from '../../byok/types';

function hasContent(content: MessageContent): boolean {
  return typeof content === 'string' ? content.trim().length > 0 : content.length > 0;
}

function describeToolCalls(message: StoredMessage): string {
  return (message.toolCalls ?? []).map((call) => `[tool call ${call.name} ${JSON.stringify(call.arguments)}]`).join('\n');
}

function textOf(message: StoredMessage): string {
  return typeof message.content === 'string' ? message.content : '';
}

function convertAssistant(message: StoredMessage, answered: ReadonlySet<string>, sentCalls: Set<string>): ChatMessage | null {
  const calls = message.toolCalls ?? [];
  const replay = message.replay ? { replay: message.replay } : {};
  if (calls.length > 0 && calls.every((call) => answered.has(call.id))) {
    for (const call of calls) sentCalls.add(call.id);
    return { role: 'assistant', content: textOf(message), toolCalls: calls, ...replay };
  }
  if (calls.length === 0) return hasContent(textOf(message)) ? { role: 'assistant', content: textOf(message), ...replay } : null;
  const combined = [textOf(message), describeToolCalls(message)].filter((part) => part.trim().length > 0).join('\n\n');
  return { role: 'assistant', content: combined };
}

export function convertToChatMessages(history: StoredMessage[]): ChatMessage[] {
  const answered = new Set(history.flatMap((message) => (message.role === 'tool' && message.toolCallId ? [message.toolCallId] : [])));
  const sentCalls = new Set<string>();
  const messages: ChatMessage[] = [];
  for (const message of history) {
    if (message.role === 'user' && hasContent(message.content)) messages.push({ role: 'user', content: message.content });
    else if (message.role === 'assistant') {
      const converted = convertAssistant(message, answered, sentCalls);
      if (converted) messages.push(converted);
    } else if (message.role === 'tool' && message.toolCallId && sentCalls.has(message.toolCallId)) {
      messages.push({ role: 'tool', toolCallId: message.toolCallId, name: message.name ?? '', content: textOf(message) });
    }
  }
  return messages;
}

/** Enabled tools, plus any tool the history already called (a provider refuses calls to undeclared tools). */
export function selectTools(conversation: ConversationMeta, messages: ChatMessage[]): ToolDefinition[] {
  const called = new Set(messages.flatMap((message) => (message.role === 'assistant' ? (message.toolCalls ?? []).map((call) => call.name) : [])));
  return (conversation.tools ?? [])
    .filter((tool) => tool.enabled || called.has(tool.name))
    .map((tool) => ({ name: tool.name, parameters: tool.parameters, ...(tool.description ? { description: tool.description } : {}) }));
}

export function buildChatRequest(conversation: ConversationMeta, history: StoredMessage[], signal: AbortSignal): ChatRequest {
  const { systemPrompt, temperature, maxTokens, reasoningEffort } = conversation.settings;
  const settings: ChatRequest['settings'] = {};
  if (systemPrompt && systemPrompt.trim().length > 0) settings.systemPrompt = systemPrompt;
  if (temperature !== undefined) settings.temperature = temperature;
  if (maxTokens !== undefined) settings.maxTokens = maxTokens;
  if (reasoningEffort !== undefined) settings.reasoningEffort = reasoningEffort;
  const messages = convertToChatMessages(history);
  const tools = selectTools(conversation, messages);
  return {
    provider: conversation.provider, model: conversation.model, messages, settings, signal,
    ...(tools.length > 0 ? { tools } : {}),
  };
}
