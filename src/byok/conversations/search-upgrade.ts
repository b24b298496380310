// Format-1 search records (base64 strings, lower case only) are rewritten as format 2 (binary,
// with case runs) in the background after unlock, once the search cache is filled. Each is rebuilt
// from its conversation's title and messages, so snippets get the case back; if any of those
// cannot be read, the old text is kept as it was (nothing searchable is ever lost). A record is
// replaced only if it is still exactly the one that was read (compare-and-swap), so a newer write
// by the chat is never overwritten. Writes by the chat upgrade a record too (search-text-records.ts).
import { SEARCH_TEXT_STORE, readRecord, writeInTransaction } from './conversation-database';
import {
  decryptSearchText, isLegacySearchTextRecord, parseSearchText, sealSearchText, type LegacySearchTextRecord, type RecordKey, type SearchTextRecord,
} from './conversation-records';
import { rebuildSearchText } from './search-text-records';

export interface UpgradeOptions {
  /** Awaited before each record, so the upgrade only uses quiet moments. */
  yieldToPage: () => Promise<void>;
  /** Checked before each record: false (locked, another vault) stops the run. */
  shouldContinue: () => boolean;
  /** Called after a record was replaced, with the JSON it had and the JSON it has now. */
  onUpgraded?: (conversationId: string, oldJson: string, newJson: string) => void;
}

async function replaceIfUnchanged(before: LegacySearchTextRecord, after: SearchTextRecord): Promise<boolean> {
  let replaced = false;
  await writeInTransaction([SEARCH_TEXT_STORE], 'Upgrading the search records', (transaction) => {
    const store = transaction.objectStore(SEARCH_TEXT_STORE);
    const request = store.get(before.conversationId);
    request.onsuccess = () => {
      const current: unknown = request.result;
      if (!isLegacySearchTextRecord(current) || current.payload.iv !== before.payload.iv || current.payload.ciphertext !== before.payload.ciphertext) return;
      store.put(after);
      replaced = true;
    };
  });
  return replaced;
}

/** Upgrades one conversation's record; false when there was nothing to do or it could not be read. */
async function upgradeOne(key: RecordKey, conversationId: string, options: UpgradeOptions): Promise<boolean> {
  const before: unknown = await readRecord(SEARCH_TEXT_STORE, conversationId);
  if (!isLegacySearchTextRecord(before)) return false;
  // A damaged record is left alone: search reports it, and the next write rebuilds it.
  const oldJson = await decryptSearchText(key, before).catch(() => null);
  if (oldJson === null) return false;
  const rebuilt = await rebuildSearchText(key, conversationId);
  const searchText = rebuilt.complete ? rebuilt.searchText : parseSearchText(oldJson);
  const after = await sealSearchText(key, conversationId, searchText);
  if (!(await replaceIfUnchanged(before, after))) return false;
  options.onUpgraded?.(conversationId, oldJson, JSON.stringify(searchText));
  return true;
}

/** Upgrades the given conversations' records one at a time; returns how many were replaced. */
export async function upgradeLegacySearchRecords(key: RecordKey, conversationIds: Iterable<string>, options: UpgradeOptions): Promise<number> {
  let upgraded = 0;
  for (const conversationId of conversationIds) {
    if (!options.shouldContinue()) break;
    await options.yieldToPage();
    if (!options.shouldContinue()) break;
    if (await upgradeOne(key, conversationId, options).catch(() => false)) upgraded += 1;
  }
  return upgraded;
}
