// The browser side of export and import: reading the store, downloading a file, reading a file.
import { deleteConversation, exportConversation, importConversation, loadMessages } from '../../byok/conversations/conversation-store';
import type { ConversationMeta } from '../../byok/conversations/conversation-types';
import { describeError } from '../../byok/describe-error';
import { loadConversationList } from './conversation-list-loading';
import { setNotice, useChatStore } from './chat-store';
import {
  createExportFileName, formatConversationJson, formatConversationMarkdown, ImportFormatError, parseConversationJson, type MarkdownExportOptions,
} from './conversation-export';

function downloadText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The click has started the download; the URL is no longer needed.
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export async function exportAsMarkdown(conversation: ConversationMeta, options: MarkdownExportOptions = {}): Promise<void> {
  try {
    const messages = await loadMessages(conversation.id);
    downloadText(createExportFileName(conversation.title, 'md'), formatConversationMarkdown(conversation, messages, options), 'text/markdown');
  } catch (error) {
    setNotice(`Could not export: ${describeError(error).title}.`);
  }
}

export async function exportAsJson(conversation: ConversationMeta): Promise<void> {
  try {
    const data = await exportConversation(conversation.id);
    downloadText(createExportFileName(conversation.title, 'json'), formatConversationJson(data), 'application/json');
  } catch (error) {
    setNotice(`Could not export: ${describeError(error).title}.`);
  }
}

export interface PendingImport {
  data: unknown;
  /** The stored conversation the file is a copy of (same id, or same title and start time). */
  existing: ConversationMeta;
}

/** What an export file says it is, read loosely: only used to spot a conversation already here. */
function describeFile(data: unknown): { id?: unknown; title?: unknown; createdAt?: unknown } {
  const conversation = (data as { conversation?: unknown } | null)?.conversation;
  return typeof conversation === 'object' && conversation !== null ? conversation : {};
}

export function findExistingConversation(data: unknown, conversations: ConversationMeta[]): ConversationMeta | null {
  const file = describeFile(data);
  return conversations.find((conversation) => conversation.id === file.id || (conversation.title === file.title && conversation.createdAt === file.createdAt)) ?? null;
}

/** Imports parsed export data as a new conversation (replacing `replace` first, when given); returns its id. */
export async function importConversationData(data: unknown, replace?: ConversationMeta): Promise<string | null> {
  try {
    const imported = await importConversation(data);
    if (replace) await deleteConversation(replace.id);
    await loadConversationList();
    setNotice(null);
    return imported.id;
  } catch (error) {
    setNotice(`Could not import: ${error instanceof Error ? error.message : describeError(error).title}`);
    return null;
  }
}

/**
 * Reads a JSON export. When the conversation is already here the caller asks whether to replace
 * it or keep both (`pending`); otherwise it is imported at once (`id`).
 */
export async function readConversationFile(file: File): Promise<{ id: string | null } | { pending: PendingImport }> {
  let data: unknown;
  try {
    data = parseConversationJson(await file.text());
  } catch (error) {
    setNotice(error instanceof ImportFormatError ? error.message : `Could not import: ${describeError(error).title}`);
    return { id: null };
  }
  const existing = findExistingConversation(data, useChatStore.getState().conversations);
  if (existing) return { pending: { data, existing } };
  return { id: await importConversationData(data) };
}
