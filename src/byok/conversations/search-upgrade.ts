// Search records of formats 1 and 2 (one per conversation) are moved into their shards (format 3,
// search-shards.ts) in the background after unlock, once the search cache is filled, one shard per
// quiet moment. A format-1 record (lower case only) is rebuilt from its conversation's title and
// messages, so snippets get the case back; if any of those cannot be read, its old text is kept
// (nothing searchable is ever lost). One transaction writes the shard and deletes the moved
// records, and only if the shard and every one of those records are still exactly what was read
// (compare-and-swap), so a newer write by the chat or another tab is never overwritten. Writes by
// the chat move a conversation's record too (search-shard-write.ts).
import { SEARCH_SHARDS_STORE, SEARCH_TEXT_STORE, readRecord, writeInTransaction } from './conversation-database';
import { decryptSearchText, isLegacySearchTextRecord, parseSearchText, type RecordKey, type StoredSearchTextRecord } from './conversation-records';
import { isSameShard, openSearchShard, sameBytes, sealSearchShard, shardOf, wasRefolded, type SearchShardRecord, type ShardTexts } from './search-shards';
import { rebuildSearchText } from './search-text-records';
import { refoldSearchJson } from './search-text';

export interface UpgradeOptions {
  /** Awaited before each shard, so the move only uses quiet moments. */
  yieldToPage: () => Promise<void>;
  /** Checked before each shard: false (locked, another vault) stops the run. */
  shouldContinue: () => boolean;
  /** Called after a record was moved, with the JSON it had and the JSON its conversation has now. */
  onUpgraded?: (conversationId: string, oldJson: string, newJson: string) => void;
}

interface Moved {
  before: StoredSearchTextRecord;
  oldJson: string;
  newJson: string;
}

/** The text to move for one record; null when it cannot be read (search reports it, the next write rebuilds it). */
async function textToMove(key: RecordKey, conversationId: string, before: StoredSearchTextRecord): Promise<Moved | null> {
  const stored = await decryptSearchText(key, before).catch(() => null);
  if (stored === null) return null;
  // Written before accent folding: folded again (as the fill put it in the cache).
  const oldJson = refoldSearchJson(stored);
  if (!isLegacySearchTextRecord(before)) return { before, oldJson, newJson: oldJson };
  const rebuilt = await rebuildSearchText(key, conversationId);
  return { before, oldJson, newJson: JSON.stringify(rebuilt.complete ? rebuilt.searchText : parseSearchText(oldJson)) };
}

function sameRecord(current: unknown, before: StoredSearchTextRecord): boolean {
  if (current === undefined) return false;
  if (isLegacySearchTextRecord(before)) {
    return isLegacySearchTextRecord(current) && current.payload.iv === before.payload.iv && current.payload.ciphertext === before.payload.ciphertext;
  }
  return sameBytes((current as { sealed?: unknown }).sealed, before.sealed);
}

/** One transaction: the shard and the moved records' deletion, all only if nothing changed meanwhile. */
async function replaceIfUnchanged(shard: number, shardBefore: unknown, after: SearchShardRecord, moved: Map<string, Moved>): Promise<boolean> {
  let replaced = true;
  await writeInTransaction([SEARCH_SHARDS_STORE, SEARCH_TEXT_STORE], 'Moving the search records', (transaction) => {
    const shards = transaction.objectStore(SEARCH_SHARDS_STORE);
    const records = transaction.objectStore(SEARCH_TEXT_STORE);
    const check = (request: IDBRequest, test: (value: unknown) => boolean): void => {
      request.onsuccess = () => {
        if (!replaced || test(request.result)) return;
        replaced = false;
        transaction.abort();
      };
    };
    check(shards.get(shard), (current) => isSameShard(shardBefore, current));
    for (const [id, { before }] of moved) check(records.get(id), (current) => sameRecord(current, before));
    // An abort in any check above undoes these as well.
    shards.put(after);
    for (const id of moved.keys()) records.delete(id);
  }).catch((error: unknown) => {
    if (replaced) throw error;
  });
  return replaced;
}

async function moveShard(key: RecordKey, shard: number, conversationIds: string[], options: UpgradeOptions): Promise<void> {
  const shardBefore: unknown = await readRecord(SEARCH_SHARDS_STORE, shard);
  // A damaged shard is left alone: search reports it, and the next write to it rebuilds it.
  const texts: ShardTexts = shardBefore === undefined ? new Map() : await openSearchShard(key, shardBefore);
  const moved = new Map<string, Moved>();
  for (const id of conversationIds) {
    const before = (await readRecord(SEARCH_TEXT_STORE, id)) as StoredSearchTextRecord | undefined;
    const text = before === undefined || texts.has(id) ? null : await textToMove(key, id, before);
    if (text !== null) moved.set(id, text);
  }
  // A shard written before accent folding is rewritten even with nothing to move into it.
  if (moved.size === 0 && !wasRefolded(texts)) return;
  for (const [id, { newJson }] of moved) texts.set(id, newJson);
  if (!(await replaceIfUnchanged(shard, shardBefore, await sealSearchShard(key, shard, texts), moved))) return;
  for (const [id, { oldJson, newJson }] of moved) options.onUpgraded?.(id, oldJson, newJson);
}

/**
 * Moves the given conversations' older records into their shards, and rewrites `staleShards`
 * (written before accent folding); resolves when done or stopped.
 */
export async function moveLegacySearchRecords(key: RecordKey, conversationIds: Iterable<string>, options: UpgradeOptions, staleShards: Iterable<number> = []): Promise<void> {
  const byShard = new Map<number, string[]>([...staleShards].map((shard) => [shard, []]));
  for (const id of conversationIds) byShard.set(shardOf(id), [...(byShard.get(shardOf(id)) ?? []), id]);
  for (const [shard, ids] of byShard) {
    if (!options.shouldContinue()) break;
    await options.yieldToPage();
    if (!options.shouldContinue()) break;
    await moveShard(key, shard, ids, options).catch(() => undefined);
  }
}
