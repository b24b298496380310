// The decrypted search records, kept in memory for the unlocked session only. Decrypting all 1,000
// records costs hundreds of milliseconds (performance.md B7: search all ≤ 150 ms). This tab's
// writes update the cache as they commit; a conversation another tab changed is dropped from it,
// so the next search reads that record again. At rest nothing changes:
// the records stay encrypted in IndexedDB. Locking (by hand, idle, pagehide) drops the plaintext.
//
// The cache belongs to one data key: a different key (another vault imported, tests re-creating
// the vault) means the old entries describe a database this session can no longer read.
import { onVaultLocked } from '../vault/vault-session';
import type { SearchText } from './conversation-records';
import { sameBytes } from './search-shards';
import { onConversationChangedElsewhere } from './conversation-tabs';

/**
 * Conversation id → its search text: the record's JSON as read from storage, or, for a text this
 * tab wrote, the text itself (whose entries may be the messages' own strings: search-text.ts
 * TextAsWritten); null when that conversation has no record.
 */
export type SearchTexts = Map<string, string | SearchText | null>;

/**
 * Per shard, the version (its IV) this tab last wrote and the conversations whose cached text is
 * exactly what that version holds. A write that finds the shard still at that version builds on
 * the cached text rather than on the one it decrypted, so the messages' own strings stay shared
 * from one write to the next; any other version (another tab wrote) builds on the decrypted one.
 */
interface WrittenShard {
  version: Uint8Array;
  current: Set<string>;
}

interface SearchCache {
  dek: CryptoKey;
  texts: SearchTexts;
  written: Map<number, WrittenShard>;
  /** Counts the entries dropped because another tab changed them (see readMoment). */
  drops: number;
  /** Conversation id → the drop count just after its last drop. */
  droppedAt: Map<string, number>;
  stopListening: () => void;
}

let cache: SearchCache | null = null;

/** Forgets every entry; called on lock and whenever the key or the whole database changes. */
export function dropSearchCache(): void {
  if (cache === null) return;
  const dropped = cache;
  cache = null;
  dropped.stopListening();
  // Cleared as well as dereferenced: a fill still in flight may hold the map for a moment.
  dropped.texts.clear();
}

/** The entries for this key, creating an empty cache (and its lock hook) when there is none. */
export function openSearchCache(dek: CryptoKey): SearchTexts {
  if (cache?.dek === dek) return cache.texts;
  dropSearchCache();
  const stopOnLock = onVaultLocked(dropSearchCache);
  const stopOnChange = onConversationChangedElsewhere(forgetSearchText);
  cache = { dek, texts: new Map(), written: new Map(), drops: 0, droppedAt: new Map(), stopListening: () => { stopOnLock(); stopOnChange(); } };
  return cache.texts;
}

/** Where a committed write left its shard: the version it found and the one it stored. */
export interface ShardVersions {
  shard: number;
  before: Uint8Array | null;
  after: Uint8Array | null;
}

/**
 * A committed write's search text, kept as it is (not as JSON), so its entries stay the messages'
 * own strings. Only updates a cache that exists: before the first search there is nothing to keep
 * current, and the fill will read the new record from storage.
 */
export function rememberSearchText(dek: CryptoKey, conversationId: string, searchText: SearchText, versions: ShardVersions): void {
  const live = cache?.dek === dek ? cache : null;
  if (live === null) return;
  live.texts.set(conversationId, searchText);
  const { shard, before, after } = versions;
  const written = live.written.get(shard);
  // The shard did not change (`after` null): still the version it was read at.
  const version = after ?? before;
  const stillCurrent = written !== undefined && before !== null && sameBytes(written.version, before);
  const current = stillCurrent ? written.current : new Set<string>();
  current.add(conversationId);
  if (version === null) live.written.delete(shard);
  else live.written.set(shard, { version, current });
}

/**
 * The cached text of a conversation, when it is exactly what its shard at `version` holds (this
 * tab wrote that version, or wrote it and nobody has written the shard since); null otherwise.
 */
export function cachedTextAt(dek: CryptoKey, conversationId: string, shard: number, version: Uint8Array | null): SearchText | null {
  if (cache?.dek !== dek || version === null) return null;
  const written = cache.written.get(shard);
  const text = cache.texts.get(conversationId);
  if (written === undefined || !written.current.has(conversationId) || !sameBytes(written.version, version)) return null;
  return typeof text === 'object' ? text : null;
}

export function forgetSearchText(conversationId: string): void {
  if (cache === null) return;
  cache.drops += 1;
  cache.droppedAt.set(conversationId, cache.drops);
  cache.texts.delete(conversationId);
  for (const written of cache.written.values()) written.current.delete(conversationId);
}

/** Noted by a fill before it reads from storage, and handed back to fillSearchText with what it read. */
export function readMoment(): number {
  return cache?.drops ?? 0;
}

/**
 * A value read from storage by a fill, at `readAt` (readMoment before the read). A write that
 * committed while the fill was decrypting has already put the newer text in, so an entry that is
 * there wins over what the fill read earlier. One that another tab changed after the read stays
 * out: what was read is older than that change, and the next search reads it again.
 */
export function fillSearchText(texts: SearchTexts, conversationId: string, json: string | null, readAt: number): void {
  if (cache?.texts !== texts || texts.has(conversationId)) return;
  if ((cache.droppedAt.get(conversationId) ?? 0) > readAt) return;
  texts.set(conversationId, json);
}

/** False once the cache these entries belong to was dropped (lock, another key). */
export function isLiveCache(texts: SearchTexts): boolean {
  return cache?.texts === texts;
}

/** After a record was upgraded in the background: only if no write changed the entry meanwhile. */
export function replaceCachedSearchText(texts: SearchTexts, conversationId: string, oldJson: string, newJson: string): void {
  if (isLiveCache(texts) && texts.get(conversationId) === oldJson) texts.set(conversationId, newJson);
}
