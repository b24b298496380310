// One readwrite transaction of deletes and puts in an idb-keyval store, shared by the vault's
// database and the plain data store: all of it lands, or none of it.
import { promisifyRequest, type UseStore } from 'idb-keyval';

export interface KeyValueWrite {
  put?: Array<[string, unknown]>;
  delete?: string[];
}

/**
 * Deletes first, so a replacement (an import) can delete everything and put the new entries. A
 * request that throws as it is made (a value that cannot be stored) aborts the transaction: left
 * alone, it would commit what was queued before it, and an import would wipe what it replaces.
 * `abortOnceQueued` aborts after everything is queued, as a crash or a quota error would (tests).
 */
export function writeAtomically(store: UseStore, change: KeyValueWrite, abortOnceQueued = false): Promise<void> {
  return store('readwrite', (objectStore) => {
    try {
      for (const key of change.delete ?? []) objectStore.delete(key);
      for (const [key, value] of change.put ?? []) objectStore.put(value, key);
    } catch (error) {
      objectStore.transaction.abort();
      throw error;
    }
    if (abortOnceQueued) objectStore.transaction.abort();
    return promisifyRequest(objectStore.transaction);
  });
}
