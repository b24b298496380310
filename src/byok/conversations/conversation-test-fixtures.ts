// Shared by the conversation tests: sample data and raw access to the conversation database, to
// look at (and tamper with) what is really stored, past the store's own API.
import { afterEach, beforeAll, beforeEach, expect, vi } from 'vitest';
import { BYOKError, type BYOKErrorCode } from '../types';
import { createVault, isVaultUnlocked, resetForTests, unlockVault } from '../api-key-manager';
import { requireSession } from '../vault/vault-session';
import { CONVERSATION_DATABASE, SEARCH_SHARDS_STORE, type StoreName } from './conversation-database';
import type { RecordKey, SearchText } from './conversation-records';
import { resetConversationsForTests } from './conversation-store';
import type { ConversationMeta, StoredMessage } from './conversation-types';
import { openSearchShard, shardOf, type SearchShardRecord } from './search-shards';

export const TEST_PASSPHRASE = 'correct horse battery staple';

export async function createTestVault(): Promise<void> {
  await resetForTests();
  await createVault(TEST_PASSPHRASE, { iterations: 600_000 });
}

export async function ensureUnlocked(): Promise<void> {
  if (!isVaultUnlocked()) await unlockVault(TEST_PASSPHRASE);
}

/** Every test of the calling file starts unlocked, on an empty conversation store, with no spies left. */
export function useEmptyConversationStore(): void {
  beforeAll(createTestVault);
  beforeEach(async () => {
    await ensureUnlocked();
    await resetConversationsForTests();
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });
}

export function createMeta(overrides: Partial<ConversationMeta> = {}): ConversationMeta {
  return {
    id: 'conversation-1', title: 'Trip planning', provider: 'openai', model: 'gpt-4o-mini',
    settings: { temperature: 0.7, maxTokens: 1024, systemPrompt: 'Be brief.' },
    createdAt: 1_000, updatedAt: 2_000, totalCost: 0.0123, totalInputTokens: 100, totalOutputTokens: 200, messageCount: 0,
    ...overrides,
  };
}

export function createMessage(conversationId: string, sequence: number, overrides: Partial<StoredMessage> = {}): StoredMessage {
  return {
    id: `${conversationId}-message-${sequence}`, conversationId, sequence, role: sequence % 2 === 0 ? 'user' : 'assistant',
    content: `Message number ${sequence}`, status: 'complete', createdAt: 1_000 + sequence,
    ...overrides,
  };
}

export async function expectCode(promise: Promise<unknown>, code: BYOKErrorCode): Promise<BYOKError> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(BYOKError);
  expect((error as BYOKError).code).toBe(code);
  return error as BYOKError;
}

function openRawDatabase(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(CONVERSATION_DATABASE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('open failed'));
  });
}

async function runRawRequest<T>(storeName: StoreName, mode: IDBTransactionMode, issue: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const database = await openRawDatabase();
  try {
    return await new Promise<T>((resolve, reject) => {
      const transaction = database.transaction(storeName, mode);
      const request = issue(transaction.objectStore(storeName));
      transaction.oncomplete = () => resolve(request.result);
      transaction.onabort = () => reject(transaction.error ?? new Error('aborted'));
    });
  } finally {
    database.close();
  }
}

export function readRawRecords(storeName: StoreName): Promise<unknown[]> {
  return runRawRequest(storeName, 'readonly', (store) => store.getAll());
}

export function putRawRecord(storeName: StoreName, record: unknown): Promise<IDBValidKey> {
  return runRawRequest(storeName, 'readwrite', (store) => store.put(record));
}

export function deleteRawRecord(storeName: StoreName, key: IDBValidKey): Promise<undefined> {
  return runRawRequest(storeName, 'readwrite', (store) => store.delete(key));
}

/** The session's record key, as the store uses it. */
export function sessionRecordKey(): RecordKey {
  const { header, dek } = requireSession();
  return { dek, vaultId: header.vaultId };
}

/** Every conversation's search text as stored in the shards (search-shards.ts), by id. */
export async function readStoredSearchTexts(): Promise<Map<string, SearchText>> {
  const texts = new Map<string, SearchText>();
  for (const record of (await readRawRecords(SEARCH_SHARDS_STORE)) as SearchShardRecord[]) {
    for (const [id, json] of await openSearchShard(sessionRecordKey(), record)) texts.set(id, JSON.parse(json) as SearchText);
  }
  return texts;
}

/** The stored shard holding `conversationId`'s search text. */
export async function readShardOf(conversationId: string): Promise<SearchShardRecord> {
  const records = (await readRawRecords(SEARCH_SHARDS_STORE)) as SearchShardRecord[];
  const found = records.find((record) => record.shard === shardOf(conversationId));
  if (found === undefined) throw new Error(`no search shard for ${conversationId}`);
  return found;
}
