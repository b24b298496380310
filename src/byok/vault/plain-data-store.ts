// A small key/value store for non-secret data (the usage ledger, budgets). It lives in its own
// IndexedDB database so it can never be confused with, or overwrite, vault records.
import { clear, createStore, del, get, set, update, type UseStore } from 'idb-keyval';
import { writeAtomically, type KeyValueWrite } from './atomic-write';

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

/** Puts and deletes in one transaction: all of them land, or none does. */
export async function writePlainValues(change: KeyValueWrite): Promise<void> {
  await writeAtomically(getPlainStore(), change);
}

export async function deletePlainValue(key: string): Promise<void> {
  await del(key, getPlainStore());
}

export async function clearPlainData(): Promise<void> {
  await clear(getPlainStore());
}
