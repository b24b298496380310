import { describe, expect, it, vi } from 'vitest';
import { createVault, lockVault, resetForTests } from '../api-key-manager';
import { ALL_STORES, CONVERSATIONS_STORE, MESSAGES_STORE, SEARCH_SHARDS_STORE } from './conversation-database';
import type { MessageRecord, MetaRecord } from './conversation-records';
import {
  deleteConversation, deleteMessagesFrom, exportConversation, importConversation, listConversations, loadMessages, saveConversation, saveMessage, searchConversations, type CorruptRecordReport,
} from './conversation-store';
import {
  TEST_PASSPHRASE, createMessage, createMeta, deleteRawRecord, ensureUnlocked, expectCode, putRawRecord, readRawRecords, readShardOf, useEmptyConversationStore,
} from './conversation-test-fixtures';
import { shardOf, type SearchShardRecord } from './search-shards';

useEmptyConversationStore();

const CANARIES = {
  title: 'CanaryTitle Zanzibar Quokka',
  prompt: 'CanarySystemPrompt Obsidian Walrus',
  model: 'canary-model-ultraviolet-9',
  userText: 'CanaryUserText Marmalade Sextant',
  replyText: 'CanaryReplyText Periwinkle Gazebo',
  toolArgument: 'CanaryToolArgument Tangerine Lighthouse',
};

function encodeForms(text: string): string[] {
  const bytes = new TextEncoder().encode(text);
  const toBase64 = (data: Uint8Array): string => Buffer.from(data).toString('base64');
  // base64 of the text at each of the three byte alignments it could sit at inside a longer value.
  const shifted = [0, 1, 2].map((offset) => toBase64(new Uint8Array([...new Uint8Array(offset), ...bytes])).slice(4, -4));
  const utf16 = Buffer.from(text, 'utf16le');
  return [text, text.toLowerCase(), toBase64(bytes), ...shifted, Buffer.from(bytes).toString('hex'), utf16.toString('hex'), utf16.toString('base64')];
}

async function storeCanaryConversation(): Promise<void> {
  await saveConversation(createMeta({ id: 'c', title: CANARIES.title, model: CANARIES.model, settings: { systemPrompt: CANARIES.prompt } }));
  await saveMessage(createMessage('c', 0, { content: CANARIES.userText }));
  await saveMessage(createMessage('c', 1, {
    content: [{ type: 'text', text: CANARIES.replyText }], model: CANARIES.model,
    toolCalls: [{ id: 'call', name: 'lookup', arguments: { query: CANARIES.toolArgument } }],
  }));
  await saveMessage(createMessage('c', 2, { content: CANARIES.replyText, status: 'streaming' }));
}

describe('at rest', () => {
  it('stores no title, prompt, model or text in any value, raw, lower-cased, base64 or hex', async () => {
    await storeCanaryConversation();
    const imported = await importConversation(await exportConversation('c'));
    const values = (await Promise.all(ALL_STORES.map((name) => readRawRecords(name)))).flat();
    // Two metas, six messages, and the search shard(s) holding both conversations' text.
    expect(values).toHaveLength(2 * (1 + 3) + new Set([shardOf('c'), shardOf(imported.id)]).size);
    const dump = JSON.stringify(values);
    for (const canary of Object.values(CANARIES)) {
      for (const form of encodeForms(canary)) expect(dump).not.toContain(form);
    }
    // The scan can see plaintext: the same canaries are in a decrypted export.
    expect(JSON.stringify(await exportConversation('c'))).toContain(CANARIES.prompt);
  });

  it('keeps only routing fields in the clear', async () => {
    await storeCanaryConversation();
    const [meta] = (await readRawRecords(CONVERSATIONS_STORE)) as MetaRecord[];
    const [message] = (await readRawRecords(MESSAGES_STORE)) as MessageRecord[];
    const [search] = (await readRawRecords(SEARCH_SHARDS_STORE)) as SearchShardRecord[];
    expect(Object.keys(meta ?? {}).sort()).toEqual(['formatVersion', 'id', 'payload']);
    expect(Object.keys(message ?? {}).sort()).toEqual(['conversationId', 'formatVersion', 'messageId', 'payload', 'sequence']);
    expect(Object.keys(search ?? {}).sort()).toEqual(['formatVersion', 'sealed', 'shard']);
    expect(search?.sealed).toBeInstanceOf(Uint8Array);
  });
});

describe('tampering', () => {
  it('a message payload copied to another message id, or moved to another sequence, fails with DECRYPTION_FAILED', async () => {
    await saveMessage(createMessage('c', 0, { content: 'first' }));
    await saveMessage(createMessage('c', 1, { content: 'second' }));
    const [first, second] = (await readRawRecords(MESSAGES_STORE)) as MessageRecord[];
    if (first === undefined || second === undefined) throw new Error('expected two records');
    await putRawRecord(MESSAGES_STORE, { ...second, payload: first.payload });
    await expectCode(loadMessages('c'), 'DECRYPTION_FAILED');
    await putRawRecord(MESSAGES_STORE, { ...first, sequence: 1 });
    await expectCode(loadMessages('c'), 'DECRYPTION_FAILED');
    const reports: CorruptRecordReport[] = [];
    await putRawRecord(MESSAGES_STORE, second);
    await putRawRecord(MESSAGES_STORE, { ...first, conversationId: 'elsewhere' });
    expect(await loadMessages('elsewhere', { onCorruptRecord: (report) => reports.push(report) })).toEqual([]);
    expect(reports).toMatchObject([{ kind: 'message', conversationId: 'elsewhere', sequence: 0, error: { code: 'DECRYPTION_FAILED' } }]);
  });

  it('a flipped ciphertext byte fails that message; with a callback the rest still load', async () => {
    for (const sequence of [0, 1, 2]) await saveMessage(createMessage('c', sequence));
    const records = (await readRawRecords(MESSAGES_STORE)) as MessageRecord[];
    const target = records[1] as MessageRecord;
    const bytes = Buffer.from(target.payload.ciphertext, 'base64');
    bytes[0] = (bytes[0] ?? 0) ^ 1;
    await putRawRecord(MESSAGES_STORE, { ...target, payload: { ...target.payload, ciphertext: bytes.toString('base64') } });
    await expectCode(loadMessages('c'), 'DECRYPTION_FAILED');
    const reports: CorruptRecordReport[] = [];
    const loaded = await loadMessages('c', { onCorruptRecord: (report) => reports.push(report) });
    expect(loaded.map((message) => message.sequence)).toEqual([0, 2]);
    expect(reports.map((report) => report.sequence)).toEqual([1]);
  });

  it('a meta swapped onto another id is skipped and reported; the rest of the list survives', async () => {
    for (const id of ['a', 'b', 'c']) await saveConversation(createMeta({ id, title: `Title ${id}` }));
    const metas = (await readRawRecords(CONVERSATIONS_STORE)) as MetaRecord[];
    await putRawRecord(CONVERSATIONS_STORE, { ...metas[1], payload: metas[0]?.payload });
    const reports: CorruptRecordReport[] = [];
    const list = await listConversations({ onCorruptRecord: (report) => reports.push(report) });
    expect(list.map((meta) => meta.id).sort()).toEqual(['a', 'c']);
    expect(reports).toMatchObject([{ kind: 'meta', conversationId: 'b', error: { code: 'DECRYPTION_FAILED' } }]);
    expect(await listConversations()).toHaveLength(2);
  });

  it('a swapped search shard is skipped by search and repaired by the next write', async () => {
    await saveConversation(createMeta({ id: 'a', title: 'apples' }));
    await saveConversation(createMeta({ id: 'b', title: 'bananas' }));
    expect(shardOf('a')).not.toBe(shardOf('b'));
    // Shard a's bytes stored as shard b: the AAD names the shard, so they do not open there.
    await putRawRecord(SEARCH_SHARDS_STORE, { ...(await readShardOf('b')), sealed: (await readShardOf('a')).sealed });
    const reports: CorruptRecordReport[] = [];
    expect(await searchConversations('a', { onCorruptRecord: (report) => reports.push(report) })).toEqual(['a']);
    expect(reports).toMatchObject([{ kind: 'search-text', conversationId: 'b' }]);
    await saveConversation(createMeta({ id: 'b', title: 'bananas' }));
    expect(await searchConversations('bananas')).toEqual(['b']);
  });

  it('ignores a search record whose conversation is gone', async () => {
    await saveConversation(createMeta({ id: 'a', title: 'apples' }));
    await deleteRawRecord(CONVERSATIONS_STORE, 'a');
    expect(await searchConversations('apples')).toEqual([]);
  });
});

describe('failed writes', () => {
  it('a full disk rejects with a clear error and keeps the stored message', async () => {
    await saveMessage(createMessage('c', 0, { content: 'kept' }));
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const error = await expectCode(saveMessage(createMessage('c', 0, { content: 'lost' })), 'UNKNOWN');
    expect(error.message).toMatch(/storage for this site is full/);
    vi.restoreAllMocks();
    expect((await loadMessages('c'))[0]?.content).toBe('kept');
  });

  it.each([3, 6])('an import whose transaction aborts at write %i of 6 stores nothing', async (abortAt) => {
    const exported = { format: 'vivim-byok-conversation', version: 1, conversation: createMeta(), messages: [0, 1, 2, 3].map((sequence) => createMessage('x', sequence)) };
    const originalPut = IDBObjectStore.prototype.put;
    let calls = 0;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      calls += 1;
      const request = originalPut.apply(this, args);
      // This write is issued, then the whole transaction is aborted (later writes throw at once).
      if (calls === abortAt) this.transaction.abort();
      return request;
    });
    const error = await expectCode(importConversation(exported), 'UNKNOWN');
    expect(error.message).toMatch(/Importing the conversation failed/);
    vi.restoreAllMocks();
    expect(await listConversations()).toEqual([]);
    expect(await readRawRecords(MESSAGES_STORE)).toEqual([]);
  });
});

describe('vault binding', () => {
  it('every call rejects with VAULT_LOCKED while the vault is locked', async () => {
    await saveConversation(createMeta({ id: 'c' }));
    lockVault();
    const calls: Array<() => Promise<unknown>> = [
      () => listConversations(), () => saveConversation(createMeta()), () => deleteConversation('c'), () => loadMessages('c'),
      () => saveMessage(createMessage('c', 0)), () => deleteMessagesFrom('c', 0), () => searchConversations('x'),
      () => exportConversation('c'), () => importConversation({}),
    ];
    for (const call of calls) await expectCode(call(), 'VAULT_LOCKED');
    await ensureUnlocked();
    expect(await listConversations()).toHaveLength(1);
  });

  it("another vault cannot read this vault's conversations", async () => {
    await saveConversation(createMeta({ id: 'c' }));
    await saveMessage(createMessage('c', 0));
    await resetForTests();
    await createVault(TEST_PASSPHRASE, { iterations: 600_000 });
    const reports: CorruptRecordReport[] = [];
    expect(await listConversations({ onCorruptRecord: (report) => reports.push(report) })).toEqual([]);
    expect(reports).toHaveLength(1);
    await expectCode(loadMessages('c'), 'DECRYPTION_FAILED');
  });
});
