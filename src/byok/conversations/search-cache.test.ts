// The session's search cache: after the first search, later searches must see every write made
// through the store (and nothing after a lock), without the at-rest records changing shape.
import { describe, expect, it, vi } from 'vitest';
import { lockVault } from '../api-key-manager';
import * as records from './conversation-records';
import { requireSession } from '../vault/vault-session';
import * as database from './conversation-database';
import { CONVERSATIONS_STORE, SEARCH_SHARDS_STORE, SEARCH_TEXT_STORE } from './conversation-database';
import { CONVERSATION_CHANNEL } from './conversation-tabs';
import {
  deleteConversation, deleteMessagesFrom, importConversation, prepareSearch, saveConversation, saveMessage, searchConversationSnippets, searchConversations,
} from './conversation-store';
import { createMessage, createMeta, ensureUnlocked, expectCode, putRawRecord, readShardOf, sessionRecordKey, useEmptyConversationStore } from './conversation-test-fixtures';
import * as shards from './search-shards';
import { chunkIds } from './search-fill';
import { holdBackgroundReads } from './background-reads';

useEmptyConversationStore();

async function seed(id: string, title: string, texts: string[]): Promise<void> {
  await saveConversation(createMeta({ id, title }));
  for (const [sequence, content] of texts.entries()) await saveMessage(createMessage(id, sequence, { content }));
}

/**
 * Primes the search cache; once the shard holding `id` is read, and while the fill is still opening
 * it, another tab changes `id`.
 */
async function primeWhileAnotherTabChanges(id: string): Promise<void> {
  let letOpen = (): void => undefined;
  const opened = new Promise<void>((resolve) => (letOpen = resolve));
  const openSearchShard = shards.openSearchShard;
  let held = false;
  const gate = vi.spyOn(shards, 'openSearchShard').mockImplementation(async (key, record) => {
    if ((record as { shard?: number }).shard === shards.shardOf(id) && !held) {
      held = true;
      await opened;
    }
    return openSearchShard(key, record);
  });
  const priming = prepareSearch();
  await vi.waitFor(() => expect(held).toBe(true));
  const seen = new Promise((resolve) => {
    const listener = new BroadcastChannel(CONVERSATION_CHANNEL);
    listener.onmessage = () => { listener.close(); resolve(undefined); };
  });
  const otherTab = new BroadcastChannel(CONVERSATION_CHANNEL);
  otherTab.postMessage({ conversationId: id });
  otherTab.close();
  await seen;
  await new Promise((resolve) => setTimeout(resolve, 20));
  letOpen();
  await priming;
  gate.mockRestore();
}

/**
 * Three conversations, a fresh unlock (nothing cached), and then `run` while the page is never idle
 * and a conversation is opening (background reads held): a background fill waits for both.
 */
async function whileThePageIsBusy(run: () => Promise<void>): Promise<void> {
  for (const id of ['a', 'b', 'c']) await seed(id, `Title ${id}`, [`text of ${id}`]);
  lockVault();
  await ensureUnlocked();
  vi.stubGlobal('requestIdleCallback', () => 1);
  const release = holdBackgroundReads();
  try {
    await run();
  } finally {
    release();
    vi.unstubAllGlobals();
  }
}

describe('search cache', () => {
  it('gives each match a snippet from the cached text, decrypting nothing more than the plain search', async () => {
    await seed('a', 'Alpha', ['apples and pears', 'More APPLES later']);
    await seed('b', 'Beta', ['bananas']);
    const decrypt = vi.spyOn(shards, 'openSearchShard');
    const openMessage = vi.spyOn(records, 'openMessage');
    expect(await searchConversationSnippets('Apples')).toEqual([{ id: 'a', snippet: { text: 'apples and pears', matchStart: 0, matchEnd: 6 } }]);
    expect(decrypt).toHaveBeenCalledTimes(2);
    expect(await searchConversationSnippets('later')).toEqual([{ id: 'a', snippet: { text: 'More APPLES later', matchStart: 12, matchEnd: 17 } }]);
    expect(await searchConversations('bananas')).toEqual(['b']);
    expect(decrypt).toHaveBeenCalledTimes(2);
    expect(openMessage).not.toHaveBeenCalled();
    expect((await searchConversationSnippets('')).map((hit) => hit.snippet)).toEqual([null, null]);
  });

  it('decrypts each search record once per session, not once per search', async () => {
    await seed('a', 'Alpha', ['apples and pears']);
    await seed('b', 'Beta', ['bananas']);
    const decrypt = vi.spyOn(shards, 'openSearchShard');
    expect(await searchConversations('apples')).toEqual(['a']);
    expect(decrypt).toHaveBeenCalledTimes(2);
    expect(await searchConversations('bananas')).toEqual(['b']);
    expect(await searchConversations('pears')).toEqual(['a']);
    expect(decrypt).toHaveBeenCalledTimes(2);
  });

  it('sees renames, new and finished messages, truncation, deletion and imports after the first search', async () => {
    await seed('c', 'Cooking', ['soup']);
    expect(await searchConversations('soup')).toEqual(['c']);
    await saveConversation(createMeta({ id: 'c', title: 'Quantum chromodynamics' }));
    expect(await searchConversations('chromo')).toEqual(['c']);
    await saveMessage(createMessage('c', 1, { content: 'a partial zebra', status: 'streaming' }));
    expect(await searchConversations('zebra')).toEqual([]);
    await saveMessage(createMessage('c', 1, { content: 'a finished zebra' }));
    expect(await searchConversations('zebra')).toEqual(['c']);
    await deleteMessagesFrom('c', 1);
    expect(await searchConversations('zebra')).toEqual([]);
    const exported = { format: 'vivim-byok-conversation', version: 1, conversation: createMeta({ id: 'x', title: 'Imported' }), messages: [createMessage('x', 0, { content: 'endofunctors' })] };
    const imported = await importConversation(exported);
    expect(await searchConversations('endofunctors')).toEqual([imported.id]);
    await deleteConversation('c');
    expect(await searchConversations('soup')).toEqual([]);
  });

  it('picks up a conversation written past this tab (as another tab would) on the next search', async () => {
    await seed('a', 'Alpha', ['apples']);
    expect(await searchConversations('apples')).toEqual(['a']);
    const { header, dek } = requireSession();
    const key = { dek, vaultId: header.vaultId };
    await putRawRecord(CONVERSATIONS_STORE, await records.sealMeta(key, createMeta({ id: 'b', title: 'Apples again' })));
    await putRawRecord(SEARCH_SHARDS_STORE, await shards.sealSearchShard(key, shards.shardOf('b'), new Map([['b', JSON.stringify({ title: 'apples again', entries: [] })]])));
    expect(await searchConversations('apples')).toEqual(['a', 'b']);
  });

  it('is dropped on lock: after unlocking, search decrypts again and locked search still refuses', async () => {
    await seed('a', 'Alpha', ['apples']);
    await searchConversations('apples');
    lockVault();
    await expectCode(searchConversations('apples'), 'VAULT_LOCKED');
    await ensureUnlocked();
    const decrypt = vi.spyOn(shards, 'openSearchShard');
    expect(await searchConversations('apples')).toEqual(['a']);
    expect(decrypt).toHaveBeenCalledTimes(1);
  });

  it('prepareSearch fills the cache in the background, and a search joining it sees a write made meanwhile', async () => {
    for (const id of ['a', 'b', 'c']) await seed(id, `Title ${id}`, [`text of ${id}`]);
    const priming = prepareSearch();
    await saveMessage(createMessage('b', 1, { content: 'written while priming: walrus' }));
    await priming;
    const decrypt = vi.spyOn(shards, 'openSearchShard');
    expect(await searchConversations('walrus')).toEqual(['b']);
    expect(await searchConversations('text of')).toEqual(['a', 'b', 'c']);
    expect(decrypt).not.toHaveBeenCalled();
  });

  it('prepareSearch waits for idle time before each background chunk, so what the user does next goes first', async () => {
    for (const id of ['a', 'b', 'c']) await seed(id, `Title ${id}`, [`text of ${id}`]);
    const waits: number[] = [];
    vi.stubGlobal('requestIdleCallback', (callback: () => void, options: { timeout: number }) => {
      waits.push(options.timeout);
      setTimeout(callback, 0);
      return waits.length;
    });
    try {
      await prepareSearch();
    } finally {
      vi.unstubAllGlobals();
    }
    expect(waits.length).toBeGreaterThan(0);
    expect(waits.every((timeout) => timeout > 0)).toBe(true);
    const decrypt = vi.spyOn(shards, 'openSearchShard');
    expect(await searchConversations('text of')).toEqual(['a', 'b', 'c']);
    expect(decrypt).not.toHaveBeenCalled();
  });

  it('a search does not wait for the idle moment a background fill is waiting for, nor for an open in flight', async () => {
    await whileThePageIsBusy(async () => {
      const filling = prepareSearch();
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(await searchConversations('text of')).toEqual(['a', 'b', 'c']);
      await filling;
    });
  });

  it('prepareSearch({ now: true }) reads every missing text at once, without waiting for an idle moment or an open', async () => {
    await whileThePageIsBusy(async () => {
      const ready = prepareSearch({ now: true }).then(() => 'ready');
      const waited = new Promise((resolve) => setTimeout(() => resolve('still waiting'), 500));
      expect(await Promise.race([ready, waited])).toBe('ready');
    });
    const decrypt = vi.spyOn(shards, 'openSearchShard');
    expect(await searchConversations('text of')).toEqual(['a', 'b', 'c']);
    expect(decrypt).not.toHaveBeenCalled();
  });

  it('prepareSearch({ now: true }) hurries a background fill under way instead of reading the shards twice', async () => {
    for (const id of ['a', 'b', 'c']) await seed(id, `Title ${id}`, [`text of ${id}`]);
    lockVault();
    await ensureUnlocked();
    vi.stubGlobal('requestIdleCallback', () => 1);
    const decrypt = vi.spyOn(shards, 'openSearchShard');
    try {
      const background = prepareSearch();
      await new Promise((resolve) => setTimeout(resolve, 20));
      await prepareSearch({ now: true });
      await background;
    } finally {
      vi.unstubAllGlobals();
    }
    const opened = decrypt.mock.calls.map(([, record]) => (record as { shard: number }).shard);
    expect(new Set(opened).size).toBe(opened.length);
  });

  it('prepareSearch reads no search record while opening a conversation holds background reads', async () => {
    for (const id of ['a', 'b']) await seed(id, `Title ${id}`, [`text of ${id}`]);
    lockVault();
    await ensureUnlocked();
    const decrypt = vi.spyOn(shards, 'openSearchShard');
    const release = holdBackgroundReads();
    const filling = prepareSearch();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(decrypt).not.toHaveBeenCalled();
    release();
    await filling;
    expect(decrypt).toHaveBeenCalledTimes(2);
  });

  it('prepareSearch with nothing missing reads no search shard (the chat screen primes on every visit)', async () => {
    for (const id of ['a', 'b']) await seed(id, `Title ${id}`, [`text of ${id}`]);
    await prepareSearch();
    const reads = vi.spyOn(database, 'readRecord');
    const readAll = vi.spyOn(database, 'readAllRecords');
    const decrypt = vi.spyOn(shards, 'openSearchShard');
    await prepareSearch();
    expect(reads.mock.calls.filter(([store]) => store === SEARCH_SHARDS_STORE)).toEqual([]);
    expect(readAll.mock.calls.filter(([store]) => store === SEARCH_SHARDS_STORE)).toEqual([]);
    expect(decrypt).not.toHaveBeenCalled();
  });

  it('a shard read before another tab changed a conversation does not put that older text into the cache', async () => {
    for (const id of ['a', 'b']) await seed(id, `Title ${id}`, [`text of ${id}`]);
    lockVault();
    await ensureUnlocked();
    await primeWhileAnotherTabChanges('b');
    // "b" is read again by the next search; "a" came from the fill.
    const decrypt = vi.spyOn(shards, 'openSearchShard');
    expect(await searchConversations('text of')).toEqual(['a', 'b']);
    expect(decrypt).toHaveBeenCalled();
    decrypt.mockClear();
    expect(await searchConversations('text of a')).toEqual(['a']);
    expect(decrypt).not.toHaveBeenCalled();
  });

  it('a conversation left out that way is not filled from an older format-2 record either', async () => {
    for (const id of ['a', 'b']) await seed(id, `Title ${id}`, [`text of ${id}`]);
    await putRawRecord(SEARCH_TEXT_STORE, await records.sealSearchText(sessionRecordKey(), 'b', { title: 'title b', entries: [[0, 'older words: walrus']] }));
    lockVault();
    await ensureUnlocked();
    await primeWhileAnotherTabChanges('b');
    expect(await searchConversations('walrus')).toEqual([]);
    expect(await searchConversations('text of b')).toEqual(['b']);
  });

  it('reports a corrupt shard on every search rather than caching it', async () => {
    await seed('a', 'apples', []);
    await seed('b', 'bananas', []);
    await putRawRecord(SEARCH_SHARDS_STORE, { ...(await readShardOf('b')), sealed: (await readShardOf('a')).sealed });
    for (let round = 0; round < 2; round += 1) {
      const reports: unknown[] = [];
      expect(await searchConversations('a', { onCorruptRecord: (report) => reports.push(report) })).toEqual(['a']);
      expect(reports).toMatchObject([{ kind: 'search-text', conversationId: 'b' }]);
    }
  });
});

describe('chunkIds', () => {
  it('splits in order into runs of at most the given size', () => {
    expect(chunkIds([], 2)).toEqual([]);
    expect(chunkIds(['a', 'b', 'c', 'd', 'e'], 2)).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
    expect(chunkIds(['a'], 100)).toEqual([['a']]);
  });
});
