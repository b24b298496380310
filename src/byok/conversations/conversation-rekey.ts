// Re-encrypts every conversation record under the new data key after a rotation (security.md R6),
// in small batches so the page stays responsive and a reload halfway loses nothing: a record that
// already opens with the new key is skipped, so running again simply continues. Each batch is one
// transaction that only replaces a record if it is still the exact ciphertext that was read
// (compare-and-swap), so a message saved meanwhile by the chat is never overwritten.
import { decryptValue, encryptValue, type EncryptedValue } from '../crypto';
import { ALL_STORES, CONVERSATIONS_STORE, MESSAGES_STORE, readAllKeys, readRecord, writeInTransaction, type StoreName } from './conversation-database';
import { encodeConversationContext } from './conversation-records';

export const REKEY_BATCH_SIZE = 50;

interface StoredPayloadRecord {
  payload: EncryptedValue;
  id?: string;
  conversationId?: string;
  messageId?: string;
}

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
  return encodeConversationContext(vaultId, String(record.conversationId), '', 'search-text');
}

async function opensWith(key: CryptoKey, payload: EncryptedValue, aad: string): Promise<string | null> {
  try {
    return await decryptValue(key, payload, aad);
  } catch {
    return null;
  }
}

/** The replacement for one record, or null when it needs none (already new, or unreadable by either key). */
async function reencrypt(storeName: StoreName, keys: RekeyKeys, record: StoredPayloadRecord): Promise<StoredPayloadRecord | null> {
  if (typeof record?.payload?.iv !== 'string') return null;
  const aad = aadFor(storeName, keys.vaultId, record);
  if ((await opensWith(keys.dek, record.payload, aad)) !== null) return null;
  const plaintext = await opensWith(keys.retiredDek, record.payload, aad);
  // Damaged records are left alone: the readers report them as corrupt, as before the rotation.
  if (plaintext === null) return null;
  return { ...record, payload: await encryptValue(keys.dek, plaintext, aad) };
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
        const current = request.result as StoredPayloadRecord | undefined;
        if (current?.payload?.iv === before.payload.iv && current.payload.ciphertext === before.payload.ciphertext) store.put(after);
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
