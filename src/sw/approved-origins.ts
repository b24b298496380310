// The endpoint origins the user approved, as the service worker sees them: the `endpointOrigin`
// of every stored key record (kept in clear next to the ciphertext; it is not a secret). The
// worker cannot check the vault's seal, so every value is re-validated by the CSP builder, and a
// planted record also breaks the vault's record digest, so the vault refuses to unlock with it.
const VAULT_DATABASE = 'vivim-byok-vault';
const VAULT_OBJECT_STORE = 'vault';
const RECORD_ENTRY_PREFIX = 'record:';

function openExistingVault(): Promise<IDBDatabase | null> {
  return new Promise((resolve) => {
    const request = indexedDB.open(VAULT_DATABASE);
    // No vault yet: creating an empty database here would keep the app from creating its store.
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => resolve(null);
    request.onblocked = () => resolve(null);
  });
}

function readAll(database: IDBDatabase): Promise<Array<{ key: IDBValidKey; value: unknown }>> {
  return new Promise((resolve) => {
    if (!database.objectStoreNames.contains(VAULT_OBJECT_STORE)) return resolve([]);
    const store = database.transaction(VAULT_OBJECT_STORE, 'readonly').objectStore(VAULT_OBJECT_STORE);
    const keys = store.getAllKeys();
    const values = store.getAll();
    values.onsuccess = () => resolve(keys.result.map((key, index) => ({ key, value: values.result[index] })));
    values.onerror = () => resolve([]);
  });
}

/** Never rejects: without a readable vault the policy simply lists the providers alone. */
export async function readApprovedOrigins(): Promise<unknown[]> {
  const database = await openExistingVault();
  if (database === null) return [];
  try {
    const entries = await readAll(database);
    return entries
      .filter(({ key }) => typeof key === 'string' && key.startsWith(RECORD_ENTRY_PREFIX))
      .map(({ value }) => (value as { endpointOrigin?: unknown } | null)?.endpointOrigin);
  } finally {
    database.close();
  }
}
