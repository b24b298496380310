// Search records at rest, format 2: sealed bytes stored as binary (no base64), the AAD bound to
// the conversation and to the format; format-1 records still read, and are rewritten in the
// background (rebuilt from the messages so snippets get their case back) without losing text.
import { describe, expect, it, vi } from 'vitest';
import { lockVault, rotateDataKey, unlockVault } from '../api-key-manager';
import { encodeBase64, encryptValue } from '../crypto';
import { requireSession } from '../vault/vault-session';
import { MESSAGES_STORE, SEARCH_TEXT_STORE } from './conversation-database';
import * as records from './conversation-records';
import type { CorruptRecordReport } from './conversation-types';
import {
  prepareSearch, saveConversation, saveMessage, searchConversationSnippets, searchConversations,
} from './conversation-store';
import { TEST_PASSPHRASE, createMessage, createMeta, putRawRecord, readRawRecords, useEmptyConversationStore } from './conversation-test-fixtures';
import * as searchTextRecords from './search-text-records';

useEmptyConversationStore();

function recordKey(): records.RecordKey {
  const { header, dek } = requireSession();
  return { dek, vaultId: header.vaultId };
}

/** What the app wrote before format 2: base64 strings, lower-case text, the format-1 AAD. */
async function putLegacyRecord(conversationId: string, searchText: records.SearchText): Promise<records.LegacySearchTextRecord> {
  const aad = records.encodeConversationContext(recordKey().vaultId, conversationId, '', 'search-text');
  const record = { formatVersion: 1 as const, conversationId, payload: await encryptValue(recordKey().dek, JSON.stringify(searchText), aad) };
  await putRawRecord(SEARCH_TEXT_STORE, record);
  return record;
}

async function seedConversation(id: string, title: string, texts: string[]): Promise<void> {
  await saveConversation(createMeta({ id, title }));
  for (const [sequence, content] of texts.entries()) await saveMessage(createMessage(id, sequence, { content }));
}

async function storedRecord(conversationId: string): Promise<records.StoredSearchTextRecord> {
  const all = (await readRawRecords(SEARCH_TEXT_STORE)) as records.StoredSearchTextRecord[];
  const found = all.find((record) => record.conversationId === conversationId);
  if (found === undefined) throw new Error(`no search record for ${conversationId}`);
  return found;
}

const SEARCH_TEXT: records.SearchText = { title: 'trip', titleCase: '0T', entries: [[0, 'lisbon in may', '0L']] };

describe('search record format 2', () => {
  it('round-trips as binary: IV ‖ ciphertext ‖ tag, no strings at rest', async () => {
    const sealed = await records.sealSearchText(recordKey(), 'c', SEARCH_TEXT);
    expect(sealed.formatVersion).toBe(records.SEARCH_TEXT_FORMAT_VERSION);
    expect(sealed.sealed).toBeInstanceOf(Uint8Array);
    expect(sealed.sealed.length).toBe(12 + new TextEncoder().encode(JSON.stringify(SEARCH_TEXT)).length + 16);
    await putRawRecord(SEARCH_TEXT_STORE, sealed);
    const stored = await storedRecord('c');
    expect(stored).toEqual(sealed);
    expect(await records.openSearchText(recordKey(), stored)).toEqual(SEARCH_TEXT);
  });

  it('binds the bytes to their conversation, vault and format', async () => {
    const sealed = await records.sealSearchText(recordKey(), 'c', SEARCH_TEXT);
    await expect(records.openSearchText(recordKey(), { ...sealed, conversationId: 'd' })).rejects.toMatchObject({ code: 'DECRYPTION_FAILED' });
    await expect(records.openSearchText({ ...recordKey(), vaultId: 'another-vault' }, sealed)).rejects.toMatchObject({ code: 'DECRYPTION_FAILED' });
    // The same bytes relabelled as a format-1 record do not open: the format is in the AAD.
    const asLegacy = { formatVersion: 1 as const, conversationId: 'c', payload: { iv: encodeBase64(sealed.sealed.subarray(0, 12)), ciphertext: encodeBase64(sealed.sealed.subarray(12)) } };
    await expect(records.openSearchText(recordKey(), asLegacy)).rejects.toMatchObject({ code: 'DECRYPTION_FAILED' });
  });

  it('reports a tampered, truncated or non-binary record as DECRYPTION_FAILED and keeps searching the rest', async () => {
    await seedConversation('a', 'apples', ['apple pie']);
    await seedConversation('b', 'bananas', ['banana bread']);
    const good = (await storedRecord('b')) as records.SearchTextRecord;
    const flipped = good.sealed.slice();
    flipped[20] = (flipped[20] ?? 0) ^ 1;
    const variants: unknown[] = [
      { ...good, sealed: flipped },
      { ...good, sealed: good.sealed.slice(0, 27) },
      { ...good, sealed: good.sealed.slice(0, good.sealed.length - 1) },
      { ...good, sealed: encodeBase64(good.sealed) },
      { formatVersion: 3, conversationId: 'b', sealed: good.sealed },
    ];
    for (const variant of variants) {
      await resetSearchCacheOnly();
      await putRawRecord(SEARCH_TEXT_STORE, variant);
      const reports: CorruptRecordReport[] = [];
      expect(await searchConversations('a', { onCorruptRecord: (report) => reports.push(report) })).toEqual(['a']);
      expect(reports).toMatchObject([{ kind: 'search-text', conversationId: 'b', error: { code: 'DECRYPTION_FAILED' } }]);
    }
  });
});

/** Locks and unlocks: the session's search cache is dropped, the records stay. */
async function resetSearchCacheOnly(): Promise<void> {
  lockVault();
  await unlockVault(TEST_PASSPHRASE);
}

describe('format-1 search records', () => {
  it('are still searched, then rewritten as format 2 in the background with the case from the messages', async () => {
    await seedConversation('a', 'Trip to Lisbon', ['Pastéis de NATA in Belém', 'İstanbul next']);
    await putLegacyRecord('a', { title: 'trip to lisbon', entries: [[0, 'pastéis de nata in belém'], [1, 'i̇stanbul next']] });
    await resetSearchCacheOnly();
    expect(await searchConversationSnippets('NATA')).toEqual([{ id: 'a', snippet: { text: 'pastéis de nata in belém', matchStart: 11, matchEnd: 15 } }]);

    await prepareSearch();
    const upgraded = await storedRecord('a');
    expect(upgraded.formatVersion).toBe(2);
    expect(await records.openSearchText(recordKey(), upgraded)).toMatchObject({ title: 'trip to lisbon', titleCase: '0T7L' });
    // The session's cache has the upgraded text too, and so has the next session.
    expect((await searchConversationSnippets('nata'))[0]?.snippet?.text).toBe('Pastéis de NATA in Belém');
    await resetSearchCacheOnly();
    expect((await searchConversationSnippets('istanbul'))).toEqual([]);
    expect((await searchConversationSnippets('İstanbul'))[0]?.snippet).toEqual({ text: 'İstanbul next', matchStart: 0, matchEnd: 8 });
  });

  it('keep their text when a message cannot be read, rather than lose it', async () => {
    await seedConversation('a', 'Notes', ['first SECRET word', 'second']);
    const legacy = await putLegacyRecord('a', { title: 'notes', entries: [[0, 'first secret word'], [1, 'second']] });
    const [message] = (await readRawRecords(MESSAGES_STORE)) as records.MessageRecord[];
    await putRawRecord(MESSAGES_STORE, { ...message, payload: legacy.payload });
    await resetSearchCacheOnly();
    await prepareSearch();
    const stored = await storedRecord('a');
    expect(stored.formatVersion).toBe(2);
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
      // The chat saves a reply while the upgrade is rebuilding from the older messages.
      if (id === 'a') await saveMessage(createMessage('a', 1, { content: 'A NEWER reply' }));
      return rebuilt;
    });
    await prepareSearch();
    vi.restoreAllMocks();
    await resetSearchCacheOnly();
    expect((await searchConversationSnippets('newer'))[0]?.snippet?.text).toBe('A NEWER reply');
    expect(await searchConversations('first')).toEqual(['a']);
  });

  it('are rebuilt with their case when the chat writes to the conversation', async () => {
    await seedConversation('a', 'Notes', ['Old MESSAGE']);
    await putLegacyRecord('a', { title: 'notes', entries: [[0, 'old message']] });
    await resetSearchCacheOnly();
    await saveMessage(createMessage('a', 1, { content: 'New one' }));
    const stored = await storedRecord('a');
    expect(stored.formatVersion).toBe(2);
    expect((await searchConversationSnippets('message'))[0]?.snippet?.text).toBe('Old MESSAGE');
  });

  it('survive a data-key rotation next to format-2 records, both readable with only the new key', async () => {
    await seedConversation('a', 'Alpha', ['apple pie']);
    await seedConversation('b', 'Beta', ['banana bread']);
    await putLegacyRecord('b', { title: 'beta', entries: [[0, 'banana bread']] });
    await rotateDataKey(TEST_PASSPHRASE, { batchSize: 1 });
    await resetSearchCacheOnly();
    const reports: CorruptRecordReport[] = [];
    const onCorruptRecord = (report: CorruptRecordReport) => reports.push(report);
    expect(await searchConversations('apple', { onCorruptRecord })).toEqual(['a']);
    expect(await searchConversations('banana', { onCorruptRecord })).toEqual(['b']);
    expect(reports).toEqual([]);
    expect((await storedRecord('a')).formatVersion).toBe(2);
  });
});
