// The browser side of export and import: reading the store, downloading a file, reading a file.
import { exportConversation, importConversation, loadMessages } from '../../byok/conversations/conversation-store';
import type { ConversationMeta } from '../../byok/conversations/conversation-types';
import { describeError } from '../../byok/describe-error';
import { loadConversationList } from './chat-conversation-actions';
import { setNotice } from './chat-store';
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

/** Imports a JSON export as a new conversation; returns its id. */
export async function importConversationFile(file: File): Promise<string | null> {
  try {
    const imported = await importConversation(parseConversationJson(await file.text()));
    await loadConversationList();
    setNotice(null);
    return imported.id;
  } catch (error) {
    setNotice(error instanceof ImportFormatError ? error.message : `Could not import: ${error instanceof Error ? error.message : describeError(error).title}`);
    return null;
  }
}
