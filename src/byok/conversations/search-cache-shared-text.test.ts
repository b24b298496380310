// The session's search cache keeps a message this tab wrote as the message's own string where
// folding it is lower-casing it (TextAsWritten), so a long session holds each reply's text once,
// not once in the chat and once folded in the cache (performance.md B8). What is stored, found
// and shown stays as before, and another tab's write is never built over with a stale text.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { requireSession } from '../vault/vault-session';
import { SEARCH_SHARDS_STORE } from './conversation-database';
import { saveConversation, saveMessage, searchConversationSnippets, searchConversations } from './conversation-store';
import { createMessage, createMeta, putRawRecord, readShardOf, readStoredSearchTexts, sessionRecordKey, useEmptyConversationStore } from './conversation-test-fixtures';
import { findSearchSnippet } from './search-snippet';
import { matchesSearch, TextAsWritten } from './search-text';
import { openSearchShard, sealSearchShard, shardOf } from './search-shards';
import { dropSearchCache, openSearchCache } from './search-cache';

useEmptyConversationStore();

describe('TextAsWritten', () => {
  it('is stored folded with its case runs, and found and shown as written', () => {
    const entry = new TextAsWritten(3, 'The QUICK brown Fox');
    expect(JSON.parse(JSON.stringify(entry))).toEqual([3, 'the quick brown fox', '0T3QUICK7F']);
    const searchText = { title: 'zoo', entries: [entry] };
    expect(matchesSearch(searchText, 'quick brown')).toBe(true);
    expect(matchesSearch(searchText, 'slow')).toBe(false);
    expect(findSearchSnippet(searchText, 'brown fox')).toEqual({ text: 'The QUICK brown Fox', matchStart: 10, matchEnd: 19 });
  });
});

describe('the search cache and this tab\'s writes', () => {
  it('stores exactly what it stored before, and searches it the same way after further writes', async () => {
    await saveConversation(createMeta({ id: 'c', title: 'Zoo' }));
    expect(await searchConversations('zoo')).toEqual(['c']);
    await saveMessage(createMessage('c', 0, { content: 'Walrus AND Seal' }));
    await saveMessage(createMessage('c', 1, { content: 'Café au lait' }));
    await saveMessage(createMessage('c', 2, { content: 'all lower case' }));
    expect((await readStoredSearchTexts()).get('c')?.entries).toEqual([[0, 'walrus and seal', '0W6AND1S'], [1, 'cafe au lait', '0C2é'], [2, 'all lower case']]);
    expect(await searchConversationSnippets('and seal')).toEqual([{ id: 'c', snippet: { text: 'Walrus AND Seal', matchStart: 7, matchEnd: 15 } }]);
    expect(await searchConversations('cafe')).toEqual(['c']);
    expect(await searchConversations('lower')).toEqual(['c']);
  });

  it('builds on what the shard holds, not on its cached text, once another tab has written the shard', async () => {
    await saveConversation(createMeta({ id: 'c', title: 'Zoo' }));
    await saveMessage(createMessage('c', 0, { content: 'Walrus' }));
    expect(await searchConversations('walrus')).toEqual(['c']);
    // Another tab adds a message and renames the conversation; its announcement has not arrived.
    const texts = await openSearchShard(sessionRecordKey(), await readShardOf('c'));
    texts.set('c', JSON.stringify({ title: 'aquarium', titleCase: '0A', entries: [[0, 'walrus', '0W'], [1, 'penguin', '0P']] }));
    await putRawRecord(SEARCH_SHARDS_STORE, await sealSearchShard(sessionRecordKey(), shardOf('c'), texts));
    await saveMessage(createMessage('c', 2, { content: 'Seal' }));
    expect((await readStoredSearchTexts()).get('c')).toEqual({ title: 'aquarium', titleCase: '0A', entries: [[0, 'walrus', '0W'], [1, 'penguin', '0P'], [2, 'seal', '0S']] });
    expect(await searchConversations('penguin')).toEqual(['c']);
  });

  // Measured, not assumed: `===` cannot tell a shared string from an equal copy. What the same
  // writes retain with the cache there, less what they retain without one, is what the cache holds.
  it('holds the messages this tab wrote once: the message\'s own string, from one write to the next', async () => {
    setFlagsFromString('--expose-gc');
    const collectGarbage = runInNewContext('gc') as () => void;
    const reply = Array.from({ length: 100_000 }, (_, index) => `Word ${index % 10} and More. `).join('');
    const retainedByWrites = async (id: string, cached: boolean): Promise<number> => {
      await saveConversation(createMeta({ id, title: 'Zoo' }));
      if (cached) expect(await searchConversations('zoo')).toContain(id);
      else dropSearchCache();
      // A first exchange, so what a write compiles or caches the first time is not counted.
      await saveMessage(createMessage(id, 0, { content: 'A First Question' }));
      await saveMessage(createMessage(id, 1, { content: 'A first answer' }));
      collectGarbage();
      const before = process.memoryUsage().heapUsed;
      await saveMessage(createMessage(id, 2, { content: reply }));
      await saveMessage(createMessage(id, 3, { content: 'A short question?' }));
      collectGarbage();
      return process.memoryUsage().heapUsed - before;
    };
    const withoutCache = await retainedByWrites('a', false);
    const withCache = await retainedByWrites('b', true);
    expect(openSearchCache(requireSession().dek).has('b')).toBe(true);
    expect(await searchConversations('word 7 and more')).toEqual(['a', 'b']);
    expect(withCache - withoutCache).toBeLessThan(0.3 * reply.length);
  });
});
