// Turns a stored conversation into the request the provider sees. Only the user's words and the
// replies that produced text go back to the model: an error record is a note for the person, and a
// tool call without its result would be rejected by OpenAI-style APIs, so it is described in words.
import type { ConversationMeta, StoredMessage } from '../../byok/conversations/conversation-types';
import type { ChatMessage, ChatRequest, MessageContent } from '../../byok/types';

function hasContent(content: MessageContent): boolean {
  return typeof content === 'string' ? content.trim().length > 0 : content.length > 0;
}

function describeToolCalls(message: StoredMessage): string {
  return (message.toolCalls ?? []).map((call) => `[tool call ${call.name} ${JSON.stringify(call.arguments)}]`).join('\n');
}

export function convertToChatMessages(history: StoredMessage[]): ChatMessage[] {
  const messages: ChatMessage[] = [];
  for (const message of history) {
    if (message.role === 'user' && hasContent(message.content)) messages.push({ role: 'user', content: message.content });
    if (message.role !== 'assistant') continue;
    const toolText = describeToolCalls(message);
    const text = typeof message.content === 'string' ? message.content : '';
    const combined = [text, toolText].filter((part) => part.trim().length > 0).join('\n\n');
    if (combined.length > 0) messages.push({ role: 'assistant', content: combined });
  }
  return messages;
}

export function buildChatRequest(conversation: ConversationMeta, history: StoredMessage[], signal: AbortSignal): ChatRequest {
  const { systemPrompt, temperature, maxTokens } = conversation.settings;
  const settings: ChatRequest['settings'] = {};
  if (systemPrompt && systemPrompt.trim().length > 0) settings.systemPrompt = systemPrompt;
  if (temperature !== undefined) settings.temperature = temperature;
  if (maxTokens !== undefined) settings.maxTokens = maxTokens;
  return { provider: conversation.provider, model: conversation.model, messages: convertToChatMessages(history), settings, signal };
}
