// Export a conversation as readable Markdown or as the store's JSON, and read a JSON export back.
// The JSON shape and its checks belong to the conversation store (importConversation validates).
import type { ConversationExport, ConversationMeta, StoredMessage } from '../../byok/conversations/conversation-types';
import { findModel, formatCost } from '../../byok/provider-config';
import type { MessageContent } from '../../byok/types';
import { formatConversationCost } from './conversation-total';

function contentToMarkdown(content: MessageContent): string {
  if (typeof content === 'string') return content;
  return content.map((part) => (part.type === 'text' ? part.text : '[image attached]')).join('\n\n');
}

function describeReply(message: StoredMessage): string {
  const parts: string[] = [];
  if (message.provider && message.model) parts.push(findModel(message.provider, message.model)?.name ?? message.model);
  if (message.usage) parts.push(`${message.usage.inputTokens} in / ${message.usage.outputTokens} out tokens`);
  if (message.cost !== undefined && message.cost !== null) parts.push(formatCost(message.cost));
  if (message.status !== 'complete') parts.push(message.status);
  return parts.length > 0 ? `\n\n_${parts.join(' · ')}_` : '';
}

export interface MarkdownExportOptions {
  /** The model's reasoning is left out unless asked for: it is long and rarely what a reader wants. */
  includeReasoning?: boolean;
}

/** The reasoning as a quoted "Thinking" block above the answer. */
function reasoningToMarkdown(message: StoredMessage): string {
  if (!message.reasoning) return '';
  const quoted = message.reasoning.split('\n').map((line) => (line === '' ? '>' : `> ${line}`)).join('\n');
  return `> **Thinking**\n>\n${quoted}\n\n`;
}

const nameModel = (provider: StoredMessage['provider'], model: string | undefined): string | null =>
  provider && model ? (findModel(provider, model)?.name ?? model) : null;

/** A failed or cut-off reply that said nothing: there is nothing to read, so the export leaves it out. */
function isEmptyFailure(message: StoredMessage): boolean {
  const text = typeof message.content === 'string' ? message.content : '';
  return message.role === 'assistant' && message.status !== 'complete' && text.trim().length === 0 && (message.toolCalls?.length ?? 0) === 0;
}

/** Every model that answered, in the order they first did; the conversation's own when none has. */
function listModelsUsed(conversation: ConversationMeta, messages: StoredMessage[]): string[] {
  const names = messages.filter((message) => message.role === 'assistant' && !isEmptyFailure(message)).map((message) => nameModel(message.provider, message.model));
  const distinct = [...new Set(names.filter((name): name is string => name !== null))];
  return distinct.length > 0 ? distinct : [nameModel(conversation.provider, conversation.model) ?? conversation.model];
}

/** The version of the conversation on screen (alternatives are not exported to Markdown). */
export function formatConversationMarkdown(conversation: ConversationMeta, messages: StoredMessage[], options: MarkdownExportOptions = {}): string {
  const models = listModelsUsed(conversation, messages);
  const header = [
    `# ${conversation.title}`,
    '',
    models.length === 1 ? `- Model: ${models[0]}` : `- Models: ${models.join(', ')}`,
    `- Created: ${new Date(conversation.createdAt).toISOString()}`,
    `- Total cost: ${formatConversationCost(conversation)} (${conversation.totalInputTokens} input, ${conversation.totalOutputTokens} output tokens)`,
  ];
  if (conversation.settings.systemPrompt) header.push('', '## System prompt', '', conversation.settings.systemPrompt);
  const body = [...messages]
    .sort((first, second) => first.sequence - second.sequence)
    .filter((message) => !isEmptyFailure(message))
    .map((message) => {
      const replyModel = nameModel(message.provider, message.model);
      const heading = message.role === 'user' ? '## You' : message.role === 'assistant' ? `## Assistant${replyModel ? ` (${replyModel})` : ''}` : `## Tool ${message.name ?? ''}`.trim();
      const toolCalls = (message.toolCalls ?? []).map((call) => `\n\n\`\`\`json\n// tool call: ${call.name}\n${JSON.stringify(call.arguments, null, 2)}\n\`\`\``).join('');
      const reply = message.role === 'assistant' ? describeReply(message) : '';
      const reasoning = options.includeReasoning && message.role === 'assistant' ? reasoningToMarkdown(message) : '';
      return `${heading}\n\n${reasoning}${contentToMarkdown(message.content)}${toolCalls}${reply}`;
    });
  return `${[header.join('\n'), ...body].join('\n\n')}\n`;
}

export function formatConversationJson(data: ConversationExport): string {
  return `${JSON.stringify(data, null, 2)}\n`;
}

/** A file name made of the title's safe characters. */
export function createExportFileName(title: string, extension: 'md' | 'json'): string {
  const base = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 50) || 'conversation';
  return `${base}.${extension}`;
}

export class ImportFormatError extends Error {}

/** Parses a file's text; the store checks the shape field by field. */
export function parseConversationJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ImportFormatError('That file is not a JSON conversation export.');
  }
}
