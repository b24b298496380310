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
import { onConversationChangedElsewhere } from './conversation-tabs';

/** Conversation id → the search record's JSON, or null when that conversation has no record. */
export type SearchTexts = Map<string, string | null>;

interface SearchCache {
  dek: CryptoKey;
  texts: SearchTexts;
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
  cache = { dek, texts: new Map(), stopListening: () => { stopOnLock(); stopOnChange(); } };
  return cache.texts;
}

function liveTexts(dek: CryptoKey): SearchTexts | null {
  return cache?.dek === dek ? cache.texts : null;
}

/**
 * A committed write's search text. Only updates a cache that exists: before the first search
 * there is nothing to keep current, and the fill will read the new record from storage.
 */
export function rememberSearchText(dek: CryptoKey, conversationId: string, searchText: SearchText): void {
  liveTexts(dek)?.set(conversationId, JSON.stringify(searchText));
}

export function forgetSearchText(conversationId: string): void {
  cache?.texts.delete(conversationId);
}

/**
 * A value read from storage by a fill. A write that committed while the fill was decrypting has
 * already put the newer text in, so an entry that is there wins over what the fill read earlier.
 */
export function fillSearchText(texts: SearchTexts, conversationId: string, json: string | null): void {
  if (cache?.texts !== texts || texts.has(conversationId)) return;
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
