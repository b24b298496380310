// The vault's own IndexedDB database (idb-keyval store). Only this folder imports idb-keyval in
// src/byok. Every change that must land together (header + records) is one readwrite transaction,
// so a failed write (quota, abort) leaves the previous vault exactly as it was.
import { clear, createStore, entries, get, type UseStore } from 'idb-keyval';
import { BYOKError } from '../types';
import { writeAtomically, type KeyValueWrite } from './atomic-write';

export const VAULT_DATABASE = 'vivim-byok-vault';
const VAULT_OBJECT_STORE = 'vault';
export const HEADER_ENTRY = 'header';
export const RECORD_ENTRY_PREFIX = 'record:';

let vaultStore: UseStore | null = null;
let failNextWriteForTests = false;

function getVaultStore(): UseStore {
  vaultStore ??= createStore(VAULT_DATABASE, VAULT_OBJECT_STORE);
  return vaultStore;
}

export async function readVaultEntry<T>(key: string): Promise<T | undefined> {
  return get<T>(key, getVaultStore());
}

export async function readAllVaultEntries(): Promise<Array<[string, unknown]>> {
  return entries<string, unknown>(getVaultStore());
}

/** Applies every put and delete in one transaction: all of them land, or none. */
export async function writeVaultAtomically(change: KeyValueWrite): Promise<void> {
  const shouldFail = failNextWriteForTests;
  failNextWriteForTests = false;
  try {
    await writeAtomically(getVaultStore(), change, shouldFail);
  } catch (cause) {
    throw new BYOKError('ENCRYPTION_FAILED', 'Saving the vault failed; the previous vault is unchanged.', { cause });
  }
}

export async function clearVaultStorage(): Promise<void> {
  await clear(getVaultStore());
}

/** Makes the next vault write abort its transaction (tests of interrupted writes and migrations). */
export function failNextVaultWriteForTests(): void {
  failNextWriteForTests = true;
}
