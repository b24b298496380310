// Re-encrypts every conversation record under the new data key after a rotation (security.md R6),
// in small batches so the page stays responsive and a reload halfway loses nothing: a record that
// already opens with the new key is skipped, so running again simply continues. Each batch is one
// transaction that only replaces a record if it is still the exact ciphertext that was read
// (compare-and-swap), so a message saved meanwhile by the chat is never overwritten.
import { decryptFromBytes, decryptValue, encryptToBytes, encryptValue, type EncryptedValue } from '../crypto';
import { ALL_STORES, CONVERSATIONS_STORE, MESSAGES_STORE, SEARCH_SHARDS_STORE, readAllKeys, readRecord, writeInTransaction, type StoreName } from './conversation-database';
import { SEARCH_TEXT_FORMAT_VERSION, encodeConversationContext, encodeSearchTextContext } from './conversation-records';
import { SEARCH_SHARD_FORMAT_VERSION, encodeSearchShardContext } from './search-shards';

export const REKEY_BATCH_SIZE = 50;

interface StoredPayloadRecord {
  formatVersion?: number;
  /** Format-1 records: base64 strings. */
  payload?: EncryptedValue;
  /** Format-2 search records and format-3 shards: IV ‖ ciphertext ‖ tag as binary. */
  sealed?: Uint8Array;
  shard?: number;
  id?: string;
  conversationId?: string;
  messageId?: string;
}

const isBinary = (record: StoredPayloadRecord): boolean =>
  (record.formatVersion === SEARCH_TEXT_FORMAT_VERSION || record.formatVersion === SEARCH_SHARD_FORMAT_VERSION) && record.sealed instanceof Uint8Array;

export interface RekeyOptions {
  batchSize?: number;
  /** Called after each committed batch; throwing here stops the run (tests use it to interrupt). */
  onBatch?: (reencrypted: number) => void;
  /** Checked before each batch: a locked vault stops the run. */
  shouldContinue?: () => boolean;
}

function aadFor(storeName: StoreName, vaultId: string, record: StoredPayloadRecord): string {
  if (storeName === CONVERSATIONS_STORE) return encodeConversationContext(vaultId, String(record.id), '', 'meta');
  if (storeName === MESSAGES_STORE) return encodeConversationContext(vaultId, String(record.conversationId), String(record.messageId), 'message');
  if (storeName === SEARCH_SHARDS_STORE) return encodeSearchShardContext(vaultId, Number(record.shard));
  return encodeSearchTextContext(vaultId, String(record.conversationId), isBinary(record) ? SEARCH_TEXT_FORMAT_VERSION : 1);
}

async function opensWith(key: CryptoKey, record: StoredPayloadRecord, aad: string): Promise<string | null> {
  try {
    if (isBinary(record)) return await decryptFromBytes(key, record.sealed, aad);
    return record.payload === undefined ? null : await decryptValue(key, record.payload, aad);
  } catch {
    return null;
  }
}

/** The replacement for one record, or null when it needs none (already new, or unreadable by either key). */
async function reencrypt(storeName: StoreName, keys: RekeyKeys, record: StoredPayloadRecord): Promise<StoredPayloadRecord | null> {
  if (typeof record?.payload?.iv !== 'string' && !isBinary(record)) return null;
  const aad = aadFor(storeName, keys.vaultId, record);
  if ((await opensWith(keys.dek, record, aad)) !== null) return null;
  const plaintext = await opensWith(keys.retiredDek, record, aad);
  // Damaged records are left alone: the readers report them as corrupt, as before the rotation.
  if (plaintext === null) return null;
  // Each record keeps its format (and so its AAD); format-1 search records are upgraded later.
  if (isBinary(record)) return { ...record, sealed: await encryptToBytes(keys.dek, plaintext, aad) };
  return { ...record, payload: await encryptValue(keys.dek, plaintext, aad) };
}

function sameBytes(left: Uint8Array | undefined, right: Uint8Array | undefined): boolean {
  if (!(left instanceof Uint8Array) || !(right instanceof Uint8Array) || left.length !== right.length) return false;
  return left.every((byte, index) => byte === right[index]);
}

/** True when `current` is still exactly the ciphertext that was read as `before`. */
function unchanged(current: StoredPayloadRecord | undefined, before: StoredPayloadRecord): boolean {
  if (current === undefined) return false;
  if (isBinary(before)) return isBinary(current) && sameBytes(current.sealed, before.sealed);
  return current.payload?.iv === before.payload?.iv && current.payload?.ciphertext === before.payload?.ciphertext;
}

export interface RekeyKeys {
  dek: CryptoKey;
  retiredDek: CryptoKey;
  vaultId: string;
}

async function writeBatch(storeName: StoreName, batch: Array<{ key: IDBValidKey; before: StoredPayloadRecord; after: StoredPayloadRecord }>): Promise<void> {
  await writeInTransaction([storeName], 'Re-encrypting conversations', (transaction) => {
    const store = transaction.objectStore(storeName);
    for (const { key, before, after } of batch) {
      const request = store.get(key);
      request.onsuccess = () => {
        if (unchanged(request.result as StoredPayloadRecord | undefined, before)) store.put(after);
      };
    }
  });
}

export interface RekeyResult {
  /** Records re-encrypted by this run (they count toward the new key's write counter). */
  reencrypted: number;
  /** False when the run stopped early (vault locked): the rotation is not finished. */
  complete: boolean;
}

export async function rekeyConversations(keys: RekeyKeys, options: RekeyOptions = {}): Promise<RekeyResult> {
  const batchSize = options.batchSize ?? REKEY_BATCH_SIZE;
  let reencrypted = 0;
  for (const storeName of ALL_STORES) {
    const recordKeys = await readAllKeys(storeName);
    for (let start = 0; start < recordKeys.length; start += batchSize) {
      if (options.shouldContinue && !options.shouldContinue()) return { reencrypted, complete: false };
      const batch = [];
      for (const key of recordKeys.slice(start, start + batchSize)) {
        const before = (await readRecord(storeName, key)) as StoredPayloadRecord | undefined;
        const after = before === undefined ? null : await reencrypt(storeName, keys, before);
        if (before !== undefined && after !== null) batch.push({ key, before, after });
      }
      if (batch.length > 0) await writeBatch(storeName, batch);
      reencrypted += batch.length;
      options.onBatch?.(reencrypted);
    }
  }
  return { reencrypted, complete: true };
}
