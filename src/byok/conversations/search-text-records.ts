// Reading the per-conversation search record before it is updated. A missing or damaged record is
// rebuilt from the conversation's messages, so one bad record never blocks saving or searching.
import { BYOKError } from '../types';
import { MESSAGES_STORE, CONVERSATIONS_STORE, SEARCH_TEXT_STORE, readAllRecords, readRecord, selectMessages } from './conversation-database';
import { openMessage, openMeta, openSearchText, type MessageRecord, type MetaRecord, type RecordKey, type SearchText, type SearchTextRecord } from './conversation-records';
import type { StoredMessage } from './conversation-types';
import { createSearchText } from './search-text';

/** Opens what decrypts and leaves out the rest (the repair path must not fail on a bad record). */
async function openReadableMessages(key: RecordKey, conversationId: string): Promise<StoredMessage[]> {
  const records = (await readAllRecords(MESSAGES_STORE, selectMessages(conversationId))) as MessageRecord[];
  const opened = await Promise.all(records.map((record) => openMessage(key, record).catch(() => null)));
  return opened.filter((message): message is StoredMessage => message !== null);
}

async function readTitle(key: RecordKey, conversationId: string): Promise<string> {
  const record = (await readRecord(CONVERSATIONS_STORE, conversationId)) as MetaRecord | undefined;
  if (record === undefined) return '';
  return openMeta(key, record).then((meta) => meta.title, () => '');
}

export interface SearchTextForUpdate {
  searchText: SearchText;
  /** False when it was rebuilt: the caller must write it back even if its own change is a no-op. */
  stored: boolean;
}

export async function readSearchTextForUpdate(key: RecordKey, conversationId: string): Promise<SearchTextForUpdate> {
  const record = (await readRecord(SEARCH_TEXT_STORE, conversationId)) as SearchTextRecord | undefined;
  if (record !== undefined) {
    try {
      return { searchText: await openSearchText(key, record), stored: true };
    } catch (error) {
      if (!(error instanceof BYOKError) || error.code !== 'DECRYPTION_FAILED') throw error;
    }
  }
  const [title, messages] = await Promise.all([readTitle(key, conversationId), openReadableMessages(key, conversationId)]);
  return { searchText: createSearchText(title, messages), stored: false };
}
