// Raw IndexedDB access for conversations, in a database of their own (not idb-keyval): messages
// need a compound key so one conversation is read with a key range, and a deletion or an import
// must span several object stores in one transaction.
import { BYOKError } from '../types';

export const CONVERSATION_DATABASE = 'vivim-byok-conversations';
// 2: the search shards (search-shards.ts); format-1 and -2 search records stay readable until moved.
const DATABASE_VERSION = 2;

export const CONVERSATIONS_STORE = 'conversations';
export const MESSAGES_STORE = 'messages';
/** Per-conversation search records of formats 1 and 2, moved into the shards after unlock. */
export const SEARCH_TEXT_STORE = 'search-text';
export const SEARCH_SHARDS_STORE = 'search-shards';
export type StoreName = typeof CONVERSATIONS_STORE | typeof MESSAGES_STORE | typeof SEARCH_TEXT_STORE | typeof SEARCH_SHARDS_STORE;
export const ALL_STORES: StoreName[] = [CONVERSATIONS_STORE, MESSAGES_STORE, SEARCH_TEXT_STORE, SEARCH_SHARDS_STORE];

let databasePromise: Promise<IDBDatabase> | null = null;

function createStores(database: IDBDatabase): void {
  if (!database.objectStoreNames.contains(CONVERSATIONS_STORE)) database.createObjectStore(CONVERSATIONS_STORE, { keyPath: 'id' });
  if (!database.objectStoreNames.contains(MESSAGES_STORE)) database.createObjectStore(MESSAGES_STORE, { keyPath: ['conversationId', 'sequence'] });
  if (!database.objectStoreNames.contains(SEARCH_TEXT_STORE)) database.createObjectStore(SEARCH_TEXT_STORE, { keyPath: 'conversationId' });
  if (!database.objectStoreNames.contains(SEARCH_SHARDS_STORE)) database.createObjectStore(SEARCH_SHARDS_STORE, { keyPath: 'shard' });
}

/** Words for people, with the browser's reason kept as the cause. */
export function createStorageError(action: string, cause: unknown): BYOKError {
  const name = cause instanceof DOMException || cause instanceof Error ? cause.name : 'UnknownError';
  const reason = name === 'QuotaExceededError'
    ? "the browser's storage for this site is full. Delete old conversations or free disk space"
    : `the browser's storage refused it (${name})`;
  // No storage-specific code exists in BYOK_ERROR_CODES yet; UNKNOWN keeps describeError sensible.
  return new BYOKError('UNKNOWN', `${action} failed: ${reason}. Nothing was changed.`, { cause });
}

function openDatabase(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(CONVERSATION_DATABASE, DATABASE_VERSION);
    request.onupgradeneeded = () => createStores(request.result);
    request.onsuccess = () => {
      const database = request.result;
      // Another tab upgrading the schema must not be blocked by this one; reopen on next use.
      database.onversionchange = () => {
        database.close();
        databasePromise = null;
      };
      resolve(database);
    };
    request.onerror = () => reject(createStorageError('Opening the conversation database', request.error));
    request.onblocked = () => reject(createStorageError('Opening the conversation database', new DOMException('Blocked by another tab', 'BlockedError')));
  });
}

function getDatabase(): Promise<IDBDatabase> {
  databasePromise ??= openDatabase().catch((error: unknown) => {
    databasePromise = null;
    throw error;
  });
  return databasePromise;
}

/** Runs one read request in a readonly transaction. */
async function runRead<T>(storeName: StoreName, action: string, issue: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const database = await getDatabase();
  return new Promise<T>((resolve, reject) => {
    try {
      const request = issue(database.transaction(storeName, 'readonly').objectStore(storeName));
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(createStorageError(action, request.error));
    } catch (cause) {
      reject(createStorageError(action, cause));
    }
  });
}

export function readAllRecords(storeName: StoreName, range?: IDBKeyRange): Promise<unknown[]> {
  return runRead(storeName, 'Reading conversations', (store) => store.getAll(range));
}

/**
 * The last `count` records of `range` (highest keys), returned in ascending key order, so opening
 * a long conversation reads and decrypts only its newest messages first (performance.md B7: the
 * visible screen painted in ≤ 100 ms).
 */
export async function readLastRecords(storeName: StoreName, range: IDBKeyRange, count: number): Promise<unknown[]> {
  if (count <= 0) return [];
  const database = await getDatabase();
  return new Promise<unknown[]>((resolve, reject) => {
    const fail = (request: IDBRequest) => () => reject(createStorageError('Reading a conversation', request.error));
    try {
      const store = database.transaction(storeName, 'readonly').objectStore(storeName) as StoreWithRecords;
      // One round trip to the database, where a cursor took one per record (B7 open).
      if (typeof store.getAllRecords === 'function') {
        const request = store.getAllRecords({ query: range, count, direction: 'prev' });
        request.onsuccess = () => resolve(request.result.map((record) => record.value).reverse());
        request.onerror = fail(request);
        return;
      }
      // Without getAllRecords: the range's keys (small), then the values from the count-th newest.
      const keysRequest = store.getAllKeys(range);
      keysRequest.onsuccess = () => {
        const keys = keysRequest.result;
        const from = keys[Math.max(0, keys.length - count)];
        if (from === undefined) {
          resolve([]);
          return;
        }
        const valuesRequest = store.getAll(range.upper === undefined ? IDBKeyRange.lowerBound(from) : IDBKeyRange.bound(from, range.upper, false, range.upperOpen));
        valuesRequest.onsuccess = () => resolve(valuesRequest.result);
        valuesRequest.onerror = fail(valuesRequest);
      };
      keysRequest.onerror = fail(keysRequest);
    } catch (cause) {
      reject(createStorageError('Reading a conversation', cause));
    }
  });
}

/** IndexedDB's getAllRecords (newest first in one request), where the browser has it. */
type StoreWithRecords = IDBObjectStore & {
  getAllRecords?(options: { query: IDBKeyRange; count: number; direction: IDBCursorDirection }): IDBRequest<Array<{ value: unknown }>>;
};

export function readAllKeys(storeName: StoreName): Promise<IDBValidKey[]> {
  return runRead(storeName, 'Reading conversations', (store) => store.getAllKeys());
}

export function readRecord(storeName: StoreName, key: IDBValidKey): Promise<unknown> {
  return runRead(storeName, 'Reading a conversation', (store) => store.get(key));
}

/**
 * Issues every write of `write` in one readwrite transaction. All records must be encrypted before
 * this is called: awaiting Web Crypto inside would let the transaction auto-commit half done.
 * Resolves when the transaction commits; any failure aborts it, so nothing partial is stored.
 */
export async function writeInTransaction(storeNames: StoreName[], action: string, write: (transaction: IDBTransaction) => void): Promise<void> {
  const database = await getDatabase();
  await new Promise<void>((resolve, reject) => {
    let transaction: IDBTransaction;
    try {
      transaction = database.transaction(storeNames, 'readwrite');
    } catch (cause) {
      reject(createStorageError(action, cause));
      return;
    }
    transaction.oncomplete = () => resolve();
    transaction.onabort = () => reject(createStorageError(action, transaction.error ?? new DOMException('Transaction aborted', 'AbortError')));
    try {
      write(transaction);
    } catch (cause) {
      // The first settlement wins, so the abort event that follows cannot replace this reason.
      reject(createStorageError(action, cause));
      try {
        transaction.abort();
      } catch {
        // Already aborted (that is often why a write threw): nothing was committed either way.
      }
    }
  });
}

/** A key range covering one conversation's messages from `fromSequence` on. */
export function selectMessages(conversationId: string, fromSequence = -Infinity): IDBKeyRange {
  return IDBKeyRange.bound([conversationId, fromSequence], [conversationId, Infinity]);
}

export async function clearConversationDatabase(): Promise<void> {
  await writeInTransaction(ALL_STORES, 'Clearing conversations', (transaction) => {
    for (const name of ALL_STORES) transaction.objectStore(name).clear();
  });
}
