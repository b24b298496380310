// Reading a conversation's search text before it is updated. A missing or damaged one is rebuilt
// from the conversation's messages, so one bad record never blocks saving or searching. A format-1
// record (lower case only) is rebuilt too, so the text written next has every message's case runs
// (search-case.ts), not just the new message's.
import { BYOKError } from '../types';
import { MESSAGES_STORE, CONVERSATIONS_STORE, SEARCH_TEXT_STORE, readAllRecords, readRecord, selectMessages } from './conversation-database';
import {
  isLegacySearchTextRecord, openMessage, openMeta, openSearchText, parseSearchText,
  type MessageRecord, type MetaRecord, type RecordKey, type SearchText, type StoredSearchTextRecord,
} from './conversation-records';
import type { ShardTexts } from './search-shards';
import type { StoredMessage } from './conversation-types';
import { createSearchText, refoldSearchText } from './search-text';

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

/**
 * A conversation's search text before an update: from its shard (search-shards.ts) when there,
 * else from its format-1 or -2 record (moved into the shard by this write), else rebuilt.
 */
export async function currentSearchText(key: RecordKey, conversationId: string, shardTexts: ShardTexts): Promise<SearchText> {
  const json = shardTexts.get(conversationId);
  if (json !== undefined) {
    try {
      return parseSearchText(json);
    } catch {
      return (await rebuildSearchText(key, conversationId)).searchText;
    }
  }
  const record = (await readRecord(SEARCH_TEXT_STORE, conversationId)) as StoredSearchTextRecord | undefined;
  let legacy: SearchText | null = null;
  if (record !== undefined) {
    try {
      // Written before accent folding: folded again from its original text.
      const searchText = refoldSearchText(await openSearchText(key, record));
      if (!isLegacySearchTextRecord(record)) return searchText;
      legacy = searchText;
    } catch (error) {
      if (!(error instanceof BYOKError) || error.code !== 'DECRYPTION_FAILED') throw error;
    }
  }
  const rebuilt = await rebuildSearchText(key, conversationId);
  // A format-1 record whose messages cannot all be read keeps its text (lower case) rather than lose it.
  return legacy !== null && !rebuilt.complete ? legacy : rebuilt.searchText;
}
