// Search records of formats 1 (base64, lower case only) and 2 (binary, one per conversation) are
// still read, and are moved into the search shards (format 3, search-shards.ts) in the background
// or by the chat's next write: format 1 rebuilt from the messages so snippets get their case back,
// without ever losing text or overwriting a newer write.
import { describe, expect, it, vi } from 'vitest';
import { lockVault, rotateDataKey, unlockVault } from '../api-key-manager';
import { encryptToBytes, encryptValue } from '../crypto';
import { CONVERSATION_DATABASE, MESSAGES_STORE, SEARCH_SHARDS_STORE, SEARCH_TEXT_STORE } from './conversation-database';
import * as records from './conversation-records';
import type { StoredSearchEntry } from './conversation-records';
import type { CorruptRecordReport } from './conversation-types';
import { prepareSearch, saveConversation, saveMessage, searchConversationSnippets, searchConversations } from './conversation-store';
import {
  TEST_PASSPHRASE, createMessage, createMeta, putRawRecord, readRawRecords, readShardOf, readStoredSearchTexts, sessionRecordKey as recordKey, useEmptyConversationStore,
} from './conversation-test-fixtures';
import { encodeSearchShardContext, openSearchShard, sealSearchShard, shardOf, wasRefolded } from './search-shards';
import * as searchTextRecords from './search-text-records';

useEmptyConversationStore();

/** What the app wrote before format 2: base64 strings, lower-case text, the format-1 AAD. */
async function putLegacyRecord(conversationId: string, searchText: records.SearchText): Promise<records.LegacySearchTextRecord> {
  const aad = records.encodeConversationContext(recordKey().vaultId, conversationId, '', 'search-text');
  const record = { formatVersion: 1 as const, conversationId, payload: await encryptValue(recordKey().dek, JSON.stringify(searchText), aad) };
  await putRawRecord(SEARCH_TEXT_STORE, record);
  return record;
}

/** What the app wrote before format 3: one binary record per conversation. */
async function putFormat2Record(conversationId: string, searchText: records.SearchText): Promise<void> {
  await putRawRecord(SEARCH_TEXT_STORE, await records.sealSearchText(recordKey(), conversationId, searchText));
}

/** Seeds through the store (which writes shards), then takes the conversation's text out of its shard. */
async function seedConversation(id: string, title: string, texts: string[]): Promise<void> {
  await saveConversation(createMeta({ id, title }));
  for (const [sequence, content] of texts.entries()) await saveMessage(createMessage(id, sequence, { content }));
  const shardTexts = await openSearchShard(recordKey(), await readShardOf(id));
  shardTexts.delete(id);
  await putRawRecord(SEARCH_SHARDS_STORE, await sealSearchShard(recordKey(), shardOf(id), shardTexts));
}

/** Ids that still have a format-1 or -2 record. */
async function olderRecordIds(): Promise<string[]> {
  return ((await readRawRecords(SEARCH_TEXT_STORE)) as records.StoredSearchTextRecord[]).map((record) => record.conversationId);
}

/** Locks and unlocks: the session's search cache is dropped, the records stay. */
async function resetSearchCacheOnly(): Promise<void> {
  lockVault();
  await unlockVault(TEST_PASSPHRASE);
}

describe('format-1 search records', () => {
  it('are still searched, then moved into their shard in the background with the case from the messages', async () => {
    await seedConversation('a', 'Trip to Lisbon', ['Pastéis de NATA in Belém', 'İstanbul next']);
    await putLegacyRecord('a', { title: 'trip to lisbon', entries: [[0, 'pastéis de nata in belém'], [1, 'i̇stanbul next']] });
    await resetSearchCacheOnly();
    expect(await searchConversationSnippets('NATA')).toEqual([{ id: 'a', snippet: { text: 'pastéis de nata in belém', matchStart: 11, matchEnd: 15 } }]);

    await prepareSearch();
    expect(await olderRecordIds()).toEqual([]);
    expect((await readStoredSearchTexts()).get('a')).toMatchObject({ title: 'trip to lisbon', titleCase: '0T7L' });
    // The session's cache has the moved text too, and so has the next session.
    expect((await searchConversationSnippets('nata'))[0]?.snippet?.text).toBe('Pastéis de NATA in Belém');
    await resetSearchCacheOnly();
    expect((await searchConversationSnippets('İstanbul'))[0]?.snippet).toEqual({ text: 'İstanbul next', matchStart: 0, matchEnd: 8 });
  });

  it('keep their text when a message cannot be read, rather than lose it', async () => {
    await seedConversation('a', 'Notes', ['first SECRET word', 'second']);
    const legacy = await putLegacyRecord('a', { title: 'notes', entries: [[0, 'first secret word'], [1, 'second']] });
    const [message] = (await readRawRecords(MESSAGES_STORE)) as records.MessageRecord[];
    await putRawRecord(MESSAGES_STORE, { ...message, payload: legacy.payload });
    await resetSearchCacheOnly();
    await prepareSearch();
    expect(await olderRecordIds()).toEqual([]);
    expect(await searchConversations('secret')).toEqual(['a']);
    await resetSearchCacheOnly();
    expect((await searchConversationSnippets('secret'))[0]?.snippet?.text).toBe('first secret word');
  });

  it('are never written over a newer record the chat saved meanwhile', async () => {
    await seedConversation('a', 'Notes', ['first']);
    await putLegacyRecord('a', { title: 'notes', entries: [[0, 'first']] });
    await resetSearchCacheOnly();
    const rebuild = searchTextRecords.rebuildSearchText;
    vi.spyOn(searchTextRecords, 'rebuildSearchText').mockImplementation(async (key, id) => {
      const rebuilt = await rebuild(key, id);
      // The chat saves a reply while the move is rebuilding from the older messages.
      if (id === 'a') await saveMessage(createMessage('a', 1, { content: 'A NEWER reply' }));
      return rebuilt;
    });
    await prepareSearch();
    vi.restoreAllMocks();
    await resetSearchCacheOnly();
    expect((await searchConversationSnippets('newer'))[0]?.snippet?.text).toBe('A NEWER reply');
    expect(await searchConversations('first')).toEqual(['a']);
  });

  it('are rebuilt with their case and moved when the chat writes to the conversation', async () => {
    await seedConversation('a', 'Notes', ['Old MESSAGE']);
    await putLegacyRecord('a', { title: 'notes', entries: [[0, 'old message']] });
    await resetSearchCacheOnly();
    await saveMessage(createMessage('a', 1, { content: 'New one' }));
    expect(await olderRecordIds()).toEqual([]);
    expect((await readStoredSearchTexts()).get('a')?.entries).toHaveLength(2);
    expect((await searchConversationSnippets('message'))[0]?.snippet?.text).toBe('Old MESSAGE');
  });

  it('survive a data-key rotation next to format-2 records and shards, all readable with only the new key', async () => {
    await saveConversation(createMeta({ id: 'a', title: 'Alpha' }));
    await saveMessage(createMessage('a', 0, { content: 'apple pie' }));
    await seedConversation('b', 'Beta', ['banana bread']);
    await putLegacyRecord('b', { title: 'beta', entries: [[0, 'banana bread']] });
    await seedConversation('c', 'Gamma', ['cherry cake']);
    await putFormat2Record('c', { title: 'gamma', entries: [[0, 'cherry cake']] });
    await rotateDataKey(TEST_PASSPHRASE, { batchSize: 1 });
    await resetSearchCacheOnly();
    const reports: CorruptRecordReport[] = [];
    const onCorruptRecord = (report: CorruptRecordReport) => reports.push(report);
    expect(await searchConversations('apple', { onCorruptRecord })).toEqual(['a']);
    expect(await searchConversations('banana', { onCorruptRecord })).toEqual(['b']);
    expect(await searchConversations('cherry', { onCorruptRecord })).toEqual(['c']);
    expect(reports).toEqual([]);
    expect((await olderRecordIds()).sort()).toEqual(['b', 'c']);
  });
});

describe('format-2 search records', () => {
  it('are still searched, then moved into their shard as they are; the next session decrypts shards only', async () => {
    await seedConversation('a', 'Trip', ['Lisbon in May']);
    await saveConversation(createMeta({ id: 'b', title: 'Beta' }));
    const text: records.SearchText = { title: 'trip', titleCase: '0T', entries: [[0, 'lisbon in may', '0L9M']] };
    await putFormat2Record('a', text);
    await resetSearchCacheOnly();
    expect(await searchConversationSnippets('may')).toEqual([{ id: 'a', snippet: { text: 'Lisbon in May', matchStart: 10, matchEnd: 13 } }]);
    await prepareSearch();
    expect(await olderRecordIds()).toEqual([]);
    expect((await readStoredSearchTexts()).get('a')).toEqual(text);
    await resetSearchCacheOnly();
    const decrypt = vi.spyOn(records, 'decryptSearchText');
    expect(await searchConversations('lisbon')).toEqual(['a']);
    expect(decrypt).not.toHaveBeenCalled();
  });

  it('a damaged one is reported and kept, and the chat\'s next write rebuilds it into the shard', async () => {
    await seedConversation('a', 'Trip', ['Lisbon in May']);
    await putRawRecord(SEARCH_TEXT_STORE, { formatVersion: 2, conversationId: 'a', sealed: new Uint8Array(40) });
    await resetSearchCacheOnly();
    const reports: CorruptRecordReport[] = [];
    expect(await searchConversations('lisbon', { onCorruptRecord: (report) => reports.push(report) })).toEqual([]);
    expect(reports).toMatchObject([{ kind: 'search-text', conversationId: 'a', error: { code: 'DECRYPTION_FAILED' } }]);
    await prepareSearch();
    expect(await olderRecordIds()).toEqual(['a']);
    await saveConversation(createMeta({ id: 'a', title: 'Trip' }));
    expect(await olderRecordIds()).toEqual([]);
    expect(await searchConversations('lisbon')).toEqual(['a']);
  });
});

/** A conversation database as the app created it before the shards: version 1, three stores. */
async function replaceWithVersion1Database(values: { conversations: unknown[]; searchTexts: unknown[] }): Promise<void> {
  await new Promise((resolve, reject) => {
    // The app's own connection closes itself on the version change this deletion sends.
    const request = indexedDB.deleteDatabase(CONVERSATION_DATABASE);
    request.onsuccess = resolve;
    request.onerror = () => reject(request.error ?? new Error('delete failed'));
  });
  await new Promise<void>((resolve, reject) => {
    const request = indexedDB.open(CONVERSATION_DATABASE, 1);
    request.onupgradeneeded = () => {
      const database = request.result;
      const conversations = database.createObjectStore('conversations', { keyPath: 'id' });
      database.createObjectStore('messages', { keyPath: ['conversationId', 'sequence'] });
      const searchTexts = database.createObjectStore('search-text', { keyPath: 'conversationId' });
      for (const value of values.conversations) conversations.put(value);
      for (const value of values.searchTexts) searchTexts.put(value);
    };
    request.onsuccess = () => {
      request.result.close();
      resolve();
    };
    request.onerror = () => reject(request.error ?? new Error('open failed'));
  });
}

describe('a database from before the shards (version 1)', () => {
  it('is upgraded in place: its search records are read at once, then moved into the shards', async () => {
    const key = recordKey();
    await replaceWithVersion1Database({
      conversations: [await records.sealMeta(key, createMeta({ id: 'a', title: 'Trip' }))],
      searchTexts: [await records.sealSearchText(key, 'a', { title: 'trip', titleCase: '0T', entries: [[0, 'lisbon in may', '0L9M']] })],
    });
    expect(await searchConversations('lisbon')).toEqual(['a']);
    await prepareSearch();
    expect(await olderRecordIds()).toEqual([]);
    expect((await readStoredSearchTexts()).get('a')).toMatchObject({ title: 'trip', entries: [[0, 'lisbon in may', '0L9M']] });
  });
});

/** A shard as format 3 wrote it before accent folding: no fold version, texts lower case only. */
async function putShardBeforeFolding(texts: Map<string, records.SearchText>): Promise<number> {
  const ids = [...texts.keys()];
  const shard = shardOf(ids[0] ?? '');
  const bodies = ids.map((id) => JSON.stringify(texts.get(id)));
  const plaintext = `${JSON.stringify([ids, bodies.map((body) => body.length)])}\n${bodies.join('')}`;
  const sealed = await encryptToBytes(recordKey().dek, plaintext, encodeSearchShardContext(recordKey().vaultId, shard));
  await putRawRecord(SEARCH_SHARDS_STORE, { formatVersion: 3, shard, sealed });
  return shard;
}

describe('texts written before accent folding', () => {
  it('in a shard: found without accents at once, and the shard is rewritten folded in the background', async () => {
    await saveConversation(createMeta({ id: 'a', title: 'Café' }));
    await putShardBeforeFolding(new Map([['a', { title: 'café', titleCase: '0C', entries: [[0, 'i̇zmi̇r and crème', '0İZMİR']] }]]));
    await resetSearchCacheOnly();
    expect(await searchConversationSnippets('izmir')).toEqual([{ id: 'a', snippet: { text: 'İZMİR and crème', matchStart: 0, matchEnd: 5 } }]);
    expect(await searchConversations('creme')).toEqual(['a']);
    await prepareSearch();
    const rewritten = await openSearchShard(recordKey(), await readShardOf('a'));
    expect(wasRefolded(rewritten)).toBe(false);
    expect(JSON.parse(rewritten.get('a') ?? 'null')).toEqual({ title: 'cafe', titleCase: '0C2é', entries: [[0, 'izmir and creme', '0İZMİR7è']] });
    await resetSearchCacheOnly();
    expect((await searchConversationSnippets('cafe'))[0]?.snippet?.text).toBe('Café');
  });

  it('in a format-2 record: found without accents, and moved into the shard folded', async () => {
    await seedConversation('a', 'Trip', ['Ein Café in Zürich']);
    await putFormat2Record('a', { title: 'trip', titleCase: '0T', entries: [[0, 'ein café in zürich', '0E3C7Z']] });
    await resetSearchCacheOnly();
    expect(await searchConversationSnippets('zurich')).toEqual([{ id: 'a', snippet: { text: 'Ein Café in Zürich', matchStart: 12, matchEnd: 18 } }]);
    await prepareSearch();
    expect(await olderRecordIds()).toEqual([]);
    expect(((await readStoredSearchTexts()).get('a')?.entries[0] as StoredSearchEntry | undefined)?.[1]).toBe('ein cafe in zurich');
  });
});
