// Encrypted conversation storage (docs/architecture.md "State"): every record is sealed with the
// vault's data key, so no title, prompt, model or message text is readable at rest (security.md
// R17). Record layout and AAD: conversation-records.ts. Every call needs an unlocked vault and
// asks vault-session for the key at the moment of use, so the idle timeout applies (R12).
//
// Writes run one at a time, across tabs too: an update of the search text is read-decrypt-modify-encrypt-write of
// its shard (search-shard-write.ts), and Web Crypto cannot run inside an IndexedDB transaction.
// Each write is still a single transaction (all or nothing). After it commits, each write also
// updates the session's in-memory search cache (search-cache.ts).
import { BYOKError } from '../types';
import { assertIdentifier, requireRecordKey } from './record-key';
import {
  ALL_STORES, CONVERSATIONS_STORE, MESSAGES_STORE,
  clearConversationDatabase, readAllRecords, readLastRecords, readRecord, selectMessages, writeInTransaction,
} from './conversation-database';
import { openMessage, openMeta, sealMessage, sealMeta, type MessageRecord, type MetaRecord, type RecordKey } from './conversation-records';
import { buildConversationExport, prepareConversationImport } from './conversation-transfer';
import type { ConversationExport, ConversationMeta, CorruptRecordReport, ReadOptions, RecordKind, StoredMessage } from './conversation-types';
import { readStoredMessage } from './conversation-validation';
import { dropSearchCache } from './search-cache';
import { fillSearchCacheNow, primeSearchCache, searchCached, searchCachedWithSnippets, type SearchHit } from './search-index';
import { writeWithSearchText, type CompanionWrite } from './search-shard-write';
import { createSearchText, isSearchable, putSearchEntry } from './search-text';
import {
  announceConversationChanged, claimStreaming, isStreamingInSomeTab, releaseAllStreaming, releaseStreaming, releaseStreamingIn, runExclusiveAcrossTabs,
} from './conversation-tabs';
import { assertTailUnchanged, type ConversationTail } from './conversation-tail';

export type { SearchHit } from './search-index';
export type { SearchSnippet } from './search-snippet';
export type { ConversationTail } from './conversation-tail';
export { assertTailUnchanged as assertConversationUnchanged, readConversationTail, tailOf } from './conversation-tail';
export { onConversationChangedElsewhere } from './conversation-tabs';
export { saveConversation, updateConversation } from './conversation-meta-store';
export type { ConversationExport, ConversationMeta, CorruptRecordReport, MessageStatus, ReadOptions, StoredMessage } from './conversation-types';
export { CONVERSATION_DATABASE } from './conversation-database';
export { deleteMessagesFrom, replaceMessagesFrom } from './conversation-tail-writes';

// Across tabs too (conversation-tabs.ts).
const runExclusive = runExclusiveAcrossTabs;

function reportCorrupt(options: ReadOptions, kind: RecordKind, conversationId: unknown, error: unknown, sequence?: unknown): null {
  const byokError = error instanceof BYOKError ? error : new BYOKError('DECRYPTION_FAILED', 'A stored conversation record could not be read.', { cause: error });
  const report: CorruptRecordReport = { kind, conversationId: String(conversationId), error: byokError };
  if (typeof sequence === 'number') report.sequence = sequence;
  options.onCorruptRecord?.(report);
  return null;
}

const isPresent = <T>(value: T | null): value is T => value !== null;

/** Whether a conversation is stored (it may have been deleted in another tab); decrypts nothing. */
export async function conversationExists(id: string): Promise<boolean> {
  return (await readRecord(CONVERSATIONS_STORE, id)) !== undefined;
}

/** Newest first. Decrypts metas only; a corrupt meta is skipped and reported, never fatal. */
export async function listConversations(options: ReadOptions = {}): Promise<ConversationMeta[]> {
  const key = requireRecordKey();
  const records = (await readAllRecords(CONVERSATIONS_STORE)) as MetaRecord[];
  const opened = await Promise.all(records.map((record) => openMeta(key, record).catch((error: unknown) => reportCorrupt(options, 'meta', record.id, error))));
  return opened.filter(isPresent).sort((left, right) => right.updatedAt - left.updatedAt);
}

/** The meta, every message and the search record, in one transaction. */
export async function deleteConversation(id: string): Promise<void> {
  requireRecordKey();
  assertIdentifier(id, 'The conversation id');
  await runExclusive(async () => {
    await writeWithSearchText(requireRecordKey(), { conversationId: id, remove: true }, {
      stores: ALL_STORES,
      action: 'Deleting the conversation',
      write: (transaction) => {
        transaction.objectStore(CONVERSATIONS_STORE).delete(id);
        transaction.objectStore(MESSAGES_STORE).delete(selectMessages(id));
      },
    });
    releaseStreamingIn(id);
  });
  announceConversationChanged(id);
}

/** What a write that adds to a conversation or rewrites its end expects (conversation-tail.ts). */
export interface ConversationWriteOptions {
  /**
   * Where the writer's view of the conversation ends (tailOf its messages). When given, the write
   * is refused with CONVERSATION_CHANGED if the stored conversation ends elsewhere: another tab
   * wrote since. Leave it out for writes to a message this tab already owns (a streaming reply).
   */
  expectedTail?: ConversationTail | null;
}

/**
 * Writes one message record, nothing else while it streams (B9). When it finishes (any status
 * but 'streaming') its text also goes into the conversation's search record, in the same
 * transaction. The caller keeps the meta's counters and totals up to date with saveConversation.
 */
export async function saveMessage(message: StoredMessage, options: ConversationWriteOptions = {}): Promise<void> {
  requireRecordKey();
  const checked = readStoredMessage(message, 'message');
  let endedStream = false;
  await runExclusive(async () => {
    const key = requireRecordKey();
    if (options.expectedTail !== undefined) await assertTailUnchanged(checked.conversationId, options.expectedTail);
    // Claimed before the record says 'streaming', so no tab ever reads it as a crash's leftover.
    if (checked.status === 'streaming') claimStreaming(checked.conversationId, checked.id);
    try {
      const messageRecord = await sealMessage(key, checked);
      const companion: CompanionWrite = { stores: [MESSAGES_STORE], action: 'Saving the message', write: (transaction: IDBTransaction) => transaction.objectStore(MESSAGES_STORE).put(messageRecord) };
      // While it streams, only the message itself (B9); its text goes into the search shard once finished.
      if (isSearchable(checked)) await writeWithSearchText(key, { conversationId: checked.conversationId, next: (current) => putSearchEntry(current, checked) }, companion);
      else await writeInTransaction(companion.stores, companion.action, companion.write);
    } finally {
      // Let go even when the final write failed (a full disk): this tab streams it no more, so the
      // other tabs may take what is stored for an interrupted reply instead of waiting on it forever.
      if (checked.status !== 'streaming') endedStream = releaseStreaming(checked.conversationId, checked.id);
    }
  }).catch((error: unknown) => {
    // Told even so: the other tabs read the conversation again and find that reply interrupted.
    if (endedStream) announceConversationChanged(checked.conversationId);
    throw error;
  });
  announceConversationChanged(checked.conversationId);
}

/** Rewrites messages a crash left 'streaming' as 'interrupted', with their text made searchable. */
async function markInterrupted(conversationId: string, stale: StoredMessage[]): Promise<void> {
  await runExclusive(async () => {
    const key = requireRecordKey();
    const records = await Promise.all(stale.map((message) => sealMessage(key, message)));
    await writeWithSearchText(key, { conversationId, next: (current) => stale.reduce(putSearchEntry, current) }, {
      stores: [MESSAGES_STORE],
      action: 'Marking interrupted replies',
      write: (transaction) => {
        for (const record of records) transaction.objectStore(MESSAGES_STORE).put(record);
      },
    });
  });
  announceConversationChanged(conversationId);
}

async function openMessageRecords(key: RecordKey, conversationId: string, records: MessageRecord[], options: ReadOptions): Promise<StoredMessage[]> {
  const opened = await Promise.all(records.map((record) => openMessage(key, record).catch((error: unknown) => {
    if (options.onCorruptRecord === undefined) throw error;
    return reportCorrupt(options, 'message', conversationId, error, record.sequence);
  })));
  return opened.filter(isPresent);
}

/**
 * Messages left 'streaming' by a crash or reload are shown as 'interrupted'; returns those. A
 * reply that this tab or another one is still streaming stays 'streaming' (conversation-tabs.ts).
 */
async function markStale(conversationId: string, messages: StoredMessage[]): Promise<StoredMessage[]> {
  const streaming = messages.filter((message) => message.status === 'streaming');
  const alive = await Promise.all(streaming.map((message) => isStreamingInSomeTab(conversationId, message.id)));
  const stale = streaming.filter((_, index) => !alive[index]);
  for (const message of stale) message.status = 'interrupted';
  return stale;
}

async function settleStale(conversationId: string, messages: StoredMessage[]): Promise<void> {
  const stale = await markStale(conversationId, messages);
  // Shown as interrupted either way; if storage refuses the rewrite now, the next load retries.
  if (stale.length > 0) await markInterrupted(conversationId, stale).catch(() => undefined);
}

/**
 * One conversation's messages by sequence, read with a key range. A corrupt message rejects with
 * DECRYPTION_FAILED unless `onCorruptRecord` is given (then it is skipped and reported).
 */
export async function loadMessages(conversationId: string, options: ReadOptions = {}): Promise<StoredMessage[]> {
  const key = requireRecordKey();
  assertIdentifier(conversationId, 'The conversation id');
  const records = (await readAllRecords(MESSAGES_STORE, selectMessages(conversationId))) as MessageRecord[];
  const messages = await openMessageRecords(key, conversationId, records, options);
  await settleStale(conversationId, messages);
  return messages;
}

export interface RecentMessages {
  /** The newest `count` messages (fewer when the conversation is shorter), by sequence. */
  messages: StoredMessage[];
  /** True when these are all of the conversation's messages. */
  complete: boolean;
}

/**
 * The newest `count` messages only, read with a reverse cursor and decrypted alone, so a long
 * conversation shows its last screen before the rest is read (loadMessages, right after).
 * Corrupt records are handled as loadMessages does. A stale 'streaming' message is shown as
 * 'interrupted'; when the read is not complete, the full load that follows stores that change.
 */
export async function loadRecentMessages(conversationId: string, count: number, options: ReadOptions = {}): Promise<RecentMessages> {
  const key = requireRecordKey();
  assertIdentifier(conversationId, 'The conversation id');
  if (!Number.isSafeInteger(count) || count < 1) throw new BYOKError('INVALID_REQUEST', 'The number of recent messages must be a positive whole number.');
  // One record more than asked for tells whether older ones exist, without decrypting it.
  const records = (await readLastRecords(MESSAGES_STORE, selectMessages(conversationId), count + 1)) as MessageRecord[];
  const complete = records.length <= count;
  const messages = await openMessageRecords(key, conversationId, complete ? records : records.slice(1), options);
  if (complete) await settleStale(conversationId, messages);
  else await markStale(conversationId, messages);
  return { messages, complete };
}

/**
 * Ids of conversations whose title or finished message text contains `query`, case-insensitively,
 * in no particular order (the caller filters its sorted list). An empty query matches every
 * conversation. Uses the session's search cache (search-index.ts); a corrupt record is reported.
 */
export async function searchConversations(query: string, options: ReadOptions = {}): Promise<string[]> {
  return searchCached(requireRecordKey(), query, options);
}

/**
 * As searchConversations, with the words around each conversation's first match (as written, the
 * match's offsets mapped onto it), for showing in the list. Decrypts nothing more than searchConversations.
 */
export async function searchConversationSnippets(query: string, options: ReadOptions = {}): Promise<SearchHit[]> {
  return searchCachedWithSnippets(requireRecordKey(), query, options);
}

/**
 * Decrypts the search records into memory, so the first search is fast too: in the background,
 * at idle moments, or with `now` all at once (the reader is about to search).
 */
export async function prepareSearch(options: { now?: boolean } = {}): Promise<void> {
  const key = requireRecordKey();
  await (options.now === true ? fillSearchCacheNow(key) : primeSearchCache(key));
}

/** A readable JSON copy (plaintext, by the user's choice; never contains keys). */
export async function exportConversation(id: string): Promise<ConversationExport> {
  const key = requireRecordKey();
  assertIdentifier(id, 'The conversation id');
  const record = (await readRecord(CONVERSATIONS_STORE, id)) as MetaRecord | undefined;
  if (record === undefined) throw new BYOKError('INVALID_REQUEST', 'There is no stored conversation with this id.');
  const meta = await openMeta(key, record);
  return buildConversationExport(meta, await loadMessages(id));
}

/** Validates strictly (INVALID_REQUEST names the bad field), re-keys, and stores it all in one transaction. */
export async function importConversation(data: unknown): Promise<ConversationMeta> {
  requireRecordKey();
  const { meta, messages } = prepareConversationImport(data);
  const imported = await runExclusive(async () => {
    const key = requireRecordKey();
    const metaRecord = await sealMeta(key, meta);
    const messageRecords = await Promise.all(messages.map((message) => sealMessage(key, message)));
    const searchText = createSearchText(meta.title, messages);
    await writeWithSearchText(key, { conversationId: meta.id, set: searchText }, {
      stores: [CONVERSATIONS_STORE, MESSAGES_STORE],
      action: 'Importing the conversation',
      write: (transaction) => {
        const messageStore = transaction.objectStore(MESSAGES_STORE);
        for (const record of messageRecords) messageStore.put(record);
        transaction.objectStore(CONVERSATIONS_STORE).put(metaRecord);
      },
    });
    return meta;
  });
  announceConversationChanged(imported.id);
  return imported;
}

/** Empties the conversation database (tests only; needs no unlocked vault). */
export async function resetConversationsForTests(): Promise<void> {
  await runExclusive(async () => undefined);
  releaseAllStreaming();
  dropSearchCache();
  await clearConversationDatabase();
}
