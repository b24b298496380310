// Search records, format 3: the conversations' search texts in 16 encrypted shards. Binary at
// rest, bound by AAD to their shard, vault and format; a damaged shard is reported for each of its
// conversations and search goes on; the next write to it rebuilds it from the messages; a write
// never loses what another tab wrote to the same shard meanwhile.
import { describe, expect, it, vi } from 'vitest';
import { lockVault, unlockVault } from '../api-key-manager';
import { encodeBase64 } from '../crypto';
import { SEARCH_SHARDS_STORE } from './conversation-database';
import { decryptSearchText } from './conversation-records';
import type { CorruptRecordReport } from './conversation-types';
import { saveConversation, saveMessage, searchConversationSnippets, searchConversations } from './conversation-store';
import {
  TEST_PASSPHRASE, createMessage, createMeta, putRawRecord, readRawRecords, readShardOf, readStoredSearchTexts, sessionRecordKey, useEmptyConversationStore,
} from './conversation-test-fixtures';
import * as shards from './search-shards';

useEmptyConversationStore();

async function seedConversation(id: string, title: string, texts: string[]): Promise<void> {
  await saveConversation(createMeta({ id, title }));
  for (const [sequence, content] of texts.entries()) await saveMessage(createMessage(id, sequence, { content }));
}

/** Locks and unlocks: the session's search cache is dropped, the records stay. */
async function resetSearchCacheOnly(): Promise<void> {
  lockVault();
  await unlockVault(TEST_PASSPHRASE);
}

const TEXTS: shards.ShardTexts = new Map([['a', '{"title":"trip","titleCase":"0T","entries":[[0,"lisbon in may","0L"]]}'], ['a8', '{"title":"x","entries":[]}']]);
/** Conversation ids in the same shard as 'a' (and 'b' in another), so one shard holds several. */
const SAME_SHARD_AS_A = 'a8';

describe('search shards', () => {
  it('round-trip as binary, one record per shard, with nothing readable but the shard number', async () => {
    expect(shards.shardOf(SAME_SHARD_AS_A)).toBe(shards.shardOf('a'));
    const sealed = await shards.sealSearchShard(sessionRecordKey(), shards.shardOf('a'), TEXTS);
    expect(Object.keys(sealed).sort()).toEqual(['formatVersion', 'sealed', 'shard']);
    expect(sealed).toMatchObject({ formatVersion: 3, shard: shards.shardOf('a') });
    expect(sealed.sealed).toBeInstanceOf(Uint8Array);
    expect(await shards.openSearchShard(sessionRecordKey(), sealed)).toEqual(TEXTS);
    await seedConversation('a', 'Trip', ['Lisbon in May']);
    await seedConversation('b', 'Beta', ['bananas']);
    expect((await readRawRecords(SEARCH_SHARDS_STORE)).map((record) => (record as shards.SearchShardRecord).shard).sort((x, y) => x - y))
      .toEqual([shards.shardOf('a'), shards.shardOf('b')].sort((x, y) => x - y));
    expect((await readStoredSearchTexts()).get('a')).toEqual({ title: 'trip', titleCase: '0T', entries: [[0, 'lisbon in may', '0L9M']] });
  });

  it('bind the bytes to their shard, vault and format', async () => {
    const key = sessionRecordKey();
    const sealed = await shards.sealSearchShard(key, shards.shardOf('a'), TEXTS);
    const other = (shards.shardOf('a') + 1) % shards.SEARCH_SHARD_COUNT;
    await expect(shards.openSearchShard(key, { ...sealed, shard: other })).rejects.toMatchObject({ code: 'DECRYPTION_FAILED' });
    await expect(shards.openSearchShard({ ...key, vaultId: 'another-vault' }, sealed)).rejects.toMatchObject({ code: 'DECRYPTION_FAILED' });
    // The same bytes relabelled as a format-2 or format-1 record do not open: the format is in the AAD.
    await expect(decryptSearchText(key, { formatVersion: 2, conversationId: 'a', sealed: sealed.sealed })).rejects.toMatchObject({ code: 'DECRYPTION_FAILED' });
    const asLegacy = { formatVersion: 1 as const, conversationId: 'a', payload: { iv: encodeBase64(sealed.sealed.subarray(0, 12)), ciphertext: encodeBase64(sealed.sealed.subarray(12)) } };
    await expect(decryptSearchText(key, asLegacy)).rejects.toMatchObject({ code: 'DECRYPTION_FAILED' });
    // A text under an id that does not belong to the shard is refused too.
    const misplaced = await shards.sealSearchShard(key, other, TEXTS);
    await expect(shards.openSearchShard(key, misplaced)).rejects.toMatchObject({ code: 'DECRYPTION_FAILED' });
  });

  it('report a tampered, truncated, non-binary or unknown shard as DECRYPTION_FAILED for its conversations, and keep searching the rest', async () => {
    await seedConversation('a', 'apples', ['apple pie']);
    await seedConversation(SAME_SHARD_AS_A, 'apricots', ['apricot jam']);
    await seedConversation('b', 'bananas', ['banana bread']);
    const good = await readShardOf('a');
    const flipped = good.sealed.slice();
    flipped[20] = (flipped[20] ?? 0) ^ 1;
    const variants: unknown[] = [
      { ...good, sealed: flipped },
      { ...good, sealed: good.sealed.slice(0, 27) },
      { ...good, sealed: good.sealed.slice(0, good.sealed.length - 1) },
      { ...good, sealed: encodeBase64(good.sealed) },
      { ...good, formatVersion: 4 },
    ];
    for (const variant of variants) {
      await resetSearchCacheOnly();
      await putRawRecord(SEARCH_SHARDS_STORE, variant);
      const reports: CorruptRecordReport[] = [];
      expect(await searchConversations('a', { onCorruptRecord: (report) => reports.push(report) })).toEqual(['b']);
      expect(reports.map((report) => report.conversationId).sort()).toEqual(['a', SAME_SHARD_AS_A]);
      expect(reports).toMatchObject([{ kind: 'search-text', error: { code: 'DECRYPTION_FAILED' } }, { kind: 'search-text', error: { code: 'DECRYPTION_FAILED' } }]);
    }
  });

  it('are rebuilt from the messages by the next write, for every conversation in the shard', async () => {
    await seedConversation('a', 'apples', ['Apple PIE']);
    await seedConversation(SAME_SHARD_AS_A, 'apricots', ['apricot jam']);
    const good = await readShardOf('a');
    await putRawRecord(SEARCH_SHARDS_STORE, { ...good, sealed: good.sealed.slice(0, 40) });
    await saveMessage(createMessage('a', 1, { content: 'and custard' }));
    await resetSearchCacheOnly();
    const reports: CorruptRecordReport[] = [];
    expect(await searchConversations('jam', { onCorruptRecord: (report) => reports.push(report) })).toEqual([SAME_SHARD_AS_A]);
    expect(await searchConversations('custard')).toEqual(['a']);
    expect((await searchConversationSnippets('pie'))[0]?.snippet?.text).toBe('Apple PIE');
    expect(reports).toEqual([]);
  });

  it('a write never loses what another tab wrote to the same shard after it was read', async () => {
    await seedConversation('a', 'apples', ['apple pie']);
    const key = sessionRecordKey();
    const seal = shards.sealSearchShard;
    let otherTabWrote = false;
    vi.spyOn(shards, 'sealSearchShard').mockImplementation(async (recordKey, shard, texts) => {
      if (!otherTabWrote) {
        otherTabWrote = true;
        // Another tab saves a conversation in the same shard between this write's read and its commit.
        const theirs = new Map([...(await shards.openSearchShard(key, await readShardOf('a'))), [SAME_SHARD_AS_A, '{"title":"from the other tab","entries":[]}']]);
        await putRawRecord(SEARCH_SHARDS_STORE, await seal(recordKey, shard, theirs));
      }
      return seal(recordKey, shard, texts);
    });
    await saveMessage(createMessage('a', 1, { content: 'and custard' }));
    vi.restoreAllMocks();
    const stored = await readStoredSearchTexts();
    expect(stored.get(SAME_SHARD_AS_A)?.title).toBe('from the other tab');
    expect(JSON.stringify(stored.get('a'))).toContain('and custard');
  });
});
