// Reading the per-conversation search record before it is updated. A missing or damaged record is
// rebuilt from the conversation's messages, so one bad record never blocks saving or searching.
// A format-1 record (lower case only) is rebuilt too, so the record written next has every
// message's case runs (search-case.ts), not just the new message's.
import { BYOKError } from '../types';
import { MESSAGES_STORE, CONVERSATIONS_STORE, SEARCH_TEXT_STORE, readAllRecords, readRecord, selectMessages } from './conversation-database';
import {
  isLegacySearchTextRecord, openMessage, openMeta, openSearchText, type MessageRecord, type MetaRecord, type RecordKey, type SearchText, type StoredSearchTextRecord,
} from './conversation-records';
import type { StoredMessage } from './conversation-types';
import { createSearchText } from './search-text';

/** Opens what decrypts and leaves out the rest (the repair path must not fail on a bad record). */
async function openReadableMessages(key: RecordKey, conversationId: string): Promise<{ messages: StoredMessage[]; complete: boolean }> {
  const records = (await readAllRecords(MESSAGES_STORE, selectMessages(conversationId))) as MessageRecord[];
  const opened = await Promise.all(records.map((record) => openMessage(key, record).catch(() => null)));
  const messages = opened.filter((message): message is StoredMessage => message !== null);
  return { messages, complete: messages.length === records.length };
}

async function readTitle(key: RecordKey, conversationId: string): Promise<string | null> {
  const record = (await readRecord(CONVERSATIONS_STORE, conversationId)) as MetaRecord | undefined;
  if (record === undefined) return '';
  return openMeta(key, record).then((meta) => meta.title, () => null);
}

export interface RebuiltSearchText {
  searchText: SearchText;
  /** False when a message or the title could not be read: the rebuilt text misses it. */
  complete: boolean;
}

/** The search text as the conversation's title and messages say it should be. */
export async function rebuildSearchText(key: RecordKey, conversationId: string): Promise<RebuiltSearchText> {
  const [title, { messages, complete }] = await Promise.all([readTitle(key, conversationId), openReadableMessages(key, conversationId)]);
  return { searchText: createSearchText(title ?? '', messages), complete: complete && title !== null };
}

export interface SearchTextForUpdate {
  searchText: SearchText;
  /** False when it was rebuilt: the caller must write it back even if its own change is a no-op. */
  stored: boolean;
}

export async function readSearchTextForUpdate(key: RecordKey, conversationId: string): Promise<SearchTextForUpdate> {
  const record = (await readRecord(SEARCH_TEXT_STORE, conversationId)) as StoredSearchTextRecord | undefined;
  let legacy: SearchText | null = null;
  if (record !== undefined) {
    try {
      const searchText = await openSearchText(key, record);
      if (!isLegacySearchTextRecord(record)) return { searchText, stored: true };
      legacy = searchText;
    } catch (error) {
      if (!(error instanceof BYOKError) || error.code !== 'DECRYPTION_FAILED') throw error;
    }
  }
  const rebuilt = await rebuildSearchText(key, conversationId);
  // A format-1 record whose messages cannot all be read keeps its text (lower case) rather than lose it.
  return { searchText: legacy !== null && !rebuilt.complete ? legacy : rebuilt.searchText, stored: false };
}
