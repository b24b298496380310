// The JSON export format and its import. An import is untrusted: the envelope and every field are
// checked strictly, sizes are counted rather than taken from the file, and everything gets new ids
// so an import can never overwrite, or be confused with, a stored conversation.
import { BYOKError } from '../types';
import { CONVERSATION_EXPORT_FORMAT, CONVERSATION_EXPORT_VERSION, type ConversationExport, type ConversationMeta, type StoredMessage } from './conversation-types';
import { readArray, readConversationMeta, readObject, readStoredMessage } from './conversation-validation';

export const IMPORT_LIMITS = {
  /** Characters of a JSON string handed to importConversation. */
  jsonLength: 200_000_000,
  messages: 20_000,
  /** Characters of text and image data over all messages. */
  totalContentLength: 150_000_000,
} as const;

export interface PreparedImport {
  meta: ConversationMeta;
  messages: StoredMessage[];
}

function invalid(message: string, cause?: unknown): BYOKError {
  return new BYOKError('INVALID_REQUEST', `This is not a conversation export this app can read: ${message}`, cause === undefined ? {} : { cause });
}

export function buildConversationExport(conversation: ConversationMeta, messages: StoredMessage[]): ConversationExport {
  return { format: CONVERSATION_EXPORT_FORMAT, version: CONVERSATION_EXPORT_VERSION, conversation, messages };
}

function parseJson(data: unknown): unknown {
  if (typeof data !== 'string') return data;
  if (data.length > IMPORT_LIMITS.jsonLength) throw invalid(`the file is larger than ${IMPORT_LIMITS.jsonLength} characters.`);
  try {
    return JSON.parse(data) as unknown;
  } catch (cause) {
    throw invalid('the file is not valid JSON.', cause);
  }
}

function measureContent(message: StoredMessage): number {
  if (typeof message.content === 'string') return message.content.length;
  return message.content.reduce((total, part) => total + (part.type === 'text' ? part.text.length : part.dataUrl.length), 0);
}

function readMessages(value: unknown): StoredMessage[] {
  const messages = readArray(value, 'messages', IMPORT_LIMITS.messages).map((message, index) => readStoredMessage(message, `messages[${index}]`));
  const sequences = new Set(messages.map((message) => message.sequence));
  if (sequences.size !== messages.length) throw invalid('two messages share a sequence number.');
  const totalContent = messages.reduce((total, message) => total + measureContent(message), 0);
  if (totalContent > IMPORT_LIMITS.totalContentLength) throw invalid(`the messages hold more than ${IMPORT_LIMITS.totalContentLength} characters.`);
  return messages.sort((left, right) => left.sequence - right.sequence);
}

/**
 * Validates an export (a parsed object or its JSON text) and re-keys it: a new conversation id,
 * new message ids, sequences renumbered 0…n−1, a counted messageCount, and `updatedAt` set to now
 * so the import shows at the top of the list. A reply that was streaming when exported becomes
 * 'interrupted'. Token and cost totals are kept: they also count replies that were regenerated.
 */
export function prepareConversationImport(data: unknown, now = Date.now()): PreparedImport {
  const envelope = readObject(parseJson(data), 'the file');
  if (envelope.format !== CONVERSATION_EXPORT_FORMAT) throw invalid(`"format" must be "${CONVERSATION_EXPORT_FORMAT}".`);
  if (envelope.version !== CONVERSATION_EXPORT_VERSION) throw invalid(`version ${String(envelope.version)} is not supported (expected ${CONVERSATION_EXPORT_VERSION}).`);
  const conversation = readConversationMeta(envelope.conversation, 'conversation');
  const messages = readMessages(envelope.messages);
  const conversationId = crypto.randomUUID();
  const meta: ConversationMeta = { ...conversation, id: conversationId, updatedAt: now, messageCount: messages.length };
  const renumbered = messages.map((message, index): StoredMessage => ({
    ...message,
    id: crypto.randomUUID(),
    conversationId,
    sequence: index,
    status: message.status === 'streaming' ? 'interrupted' : message.status,
  }));
  return { meta, messages: renumbered };
}
