// A small key/value store for non-secret data (the usage ledger, budgets). It lives in its own
// IndexedDB database so it can never be confused with, or overwrite, vault records.
import { clear, createStore, del, get, promisifyRequest, set, update, type UseStore } from 'idb-keyval';

export const PLAIN_DATA_DATABASE = 'vivim-byok-data';
const PLAIN_DATA_OBJECT_STORE = 'data';

let plainStore: UseStore | null = null;

function getPlainStore(): UseStore {
  plainStore ??= createStore(PLAIN_DATA_DATABASE, PLAIN_DATA_OBJECT_STORE);
  return plainStore;
}

export async function readPlainValue<T>(key: string): Promise<T | undefined> {
  return get<T>(key, getPlainStore());
}

export async function writePlainValue(key: string, value: unknown): Promise<void> {
  await set(key, value, getPlainStore());
}

/** Read-modify-write in one transaction, so two concurrent updates do not lose each other. */
export async function updatePlainValue<T>(key: string, updater: (previous: T | undefined) => T): Promise<void> {
  await update<T>(key, updater, getPlainStore());
}

/**
 * Puts and deletes in one transaction: all of them land or none does. A request that throws as it
 * is made aborts what was queued before it; left alone, the transaction would commit that part.
 */
export async function writePlainValues(change: { put?: Array<[string, unknown]>; delete?: string[] }): Promise<void> {
  await getPlainStore()('readwrite', (store) => {
    try {
      for (const key of change.delete ?? []) store.delete(key);
      for (const [key, value] of change.put ?? []) store.put(value, key);
    } catch (error) {
      store.transaction.abort();
      throw error;
    }
    return promisifyRequest(store.transaction);
  });
}

export async function deletePlainValue(key: string): Promise<void> {
  await del(key, getPlainStore());
}

export async function clearPlainData(): Promise<void> {
  await clear(getPlainStore());
}
