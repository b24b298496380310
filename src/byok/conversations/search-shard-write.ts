// Every write that changes a conversation's search text goes through here: read its shard
// (search-shards.ts), change that one conversation's text, seal the shard again, and store it in
// the same transaction as the write's other records. Web Crypto cannot run inside an IndexedDB
// transaction, so the transaction first checks that the shard is still the version that was read
// (another tab may have rewritten it); if not, it aborts, nothing is stored, and the update starts
// over from the newer shard. A full disk aborts the transaction too: nothing partial is stored.
import { BYOKError } from '../types';
import { CONVERSATIONS_STORE, SEARCH_SHARDS_STORE, SEARCH_TEXT_STORE, readAllKeys, readRecord, writeInTransaction, type StoreName } from './conversation-database';
import type { RecordKey, SearchText } from './conversation-records';
import { cachedTextAt, forgetSearchText, rememberSearchText } from './search-cache';
import { isSameShard, openSearchShard, sealSearchShard, shardOf, shardVersion, type SearchShardRecord, type ShardTexts } from './search-shards';
import { currentSearchText, rebuildSearchText } from './search-text-records';

/** Conflicts come from other tabs writing the same shard: a few retries always get through. */
const MAX_ATTEMPTS = 5;

export type SearchTextChange =
  | { conversationId: string; next: (current: SearchText) => SearchText }
  /** A whole new text (an import): the current one is not read. */
  | { conversationId: string; set: SearchText }
  | { conversationId: string; remove: true };

/**
 * `cached`: this conversation's text as this tab last wrote it, when the shard is still that
 * version (search-cache.ts); building on it keeps its entries the messages' own strings.
 */
async function nextText(key: RecordKey, change: SearchTextChange, texts: ShardTexts, cached: SearchText | null): Promise<SearchText | null> {
  if ('remove' in change) return null;
  if ('set' in change) return change.set;
  return change.next(cached ?? await currentSearchText(key, change.conversationId, texts));
}

/** The write's own records, issued in the same transaction as the shard. */
export interface CompanionWrite {
  stores: StoreName[];
  action: string;
  write: (transaction: IDBTransaction) => void;
}

interface OpenedShard {
  texts: ShardTexts;
  /** Rebuilt because the stored shard could not be read: it must be written back. */
  rebuilt: boolean;
}

async function rebuildShard(key: RecordKey, shard: number): Promise<ShardTexts> {
  const ids = (await readAllKeys(CONVERSATIONS_STORE)).filter((id): id is string => typeof id === 'string' && shardOf(id) === shard);
  const texts: ShardTexts = new Map();
  for (const id of ids) texts.set(id, JSON.stringify((await rebuildSearchText(key, id)).searchText));
  return texts;
}

/** A missing shard is empty; a damaged one is rebuilt from its conversations' messages. */
async function openShardForUpdate(key: RecordKey, shard: number, record: unknown): Promise<OpenedShard> {
  if (record === undefined) return { texts: new Map(), rebuilt: false };
  try {
    return { texts: await openSearchShard(key, record), rebuilt: false };
  } catch (error) {
    if (!(error instanceof BYOKError) || error.code !== 'DECRYPTION_FAILED') throw error;
    return { texts: await rebuildShard(key, shard), rebuilt: true };
  }
}

/** The shard as it should be after the change (null: unchanged), and the conversation's new text. */
async function applyChange(key: RecordKey, shard: number, opened: OpenedShard, change: SearchTextChange, version: Uint8Array | null): Promise<{ after: SearchShardRecord | null; next: SearchText | null }> {
  const { texts } = opened;
  const id = change.conversationId;
  const next = await nextText(key, change, texts, cachedTextAt(key.dek, id, shard, version));
  // TextAsWritten entries are stored folded (their toJSON).
  const nextJson = next === null ? undefined : JSON.stringify(next);
  if (texts.get(id) === nextJson && !opened.rebuilt) return { after: null, next };
  if (nextJson === undefined) texts.delete(id);
  else texts.set(id, nextJson);
  return { after: await sealSearchShard(key, shard, texts), next };
}

/**
 * Stores `companion`'s records and the conversation's changed search text in one transaction,
 * removes the conversation's older per-conversation search record, and updates the session's
 * search cache once it committed. Returns the new text (null when removed).
 */
export async function writeWithSearchText(key: RecordKey, change: SearchTextChange, companion: CompanionWrite): Promise<SearchText | null> {
  const shard = shardOf(change.conversationId);
  const stores = [...new Set<StoreName>([...companion.stores, SEARCH_SHARDS_STORE, SEARCH_TEXT_STORE])];
  for (let attempt = 1; ; attempt += 1) {
    const before: unknown = await readRecord(SEARCH_SHARDS_STORE, shard);
    const opened = await openShardForUpdate(key, shard, before);
    // A shard rebuilt from the messages is no version this tab wrote, whatever its bytes say.
    const version = opened.rebuilt ? null : shardVersion(before);
    const { after, next } = await applyChange(key, shard, opened, change, version);
    let conflict = false;
    try {
      await writeInTransaction(stores, companion.action, (transaction) => {
        companion.write(transaction);
        transaction.objectStore(SEARCH_TEXT_STORE).delete(change.conversationId);
        const shards = transaction.objectStore(SEARCH_SHARDS_STORE);
        const request = shards.get(shard);
        request.onsuccess = () => {
          if (!isSameShard(before, request.result)) {
            conflict = true;
            transaction.abort();
          } else if (after !== null) shards.put(after);
        };
      });
    } catch (error) {
      if (conflict && attempt < MAX_ATTEMPTS) continue;
      throw error;
    }
    if (next === null) forgetSearchText(change.conversationId);
    else rememberSearchText(key.dek, change.conversationId, next, { shard, before: version, after: shardVersion(after) });
    return next;
  }
}
