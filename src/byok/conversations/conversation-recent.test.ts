import { afterEach, describe, expect, it } from 'vitest';
import { requireSession } from '../vault/vault-session';
import { MESSAGES_STORE } from './conversation-database';
import { sealMessage } from './conversation-records';
import { loadMessages, loadRecentMessages, saveMessage, type CorruptRecordReport } from './conversation-store';
import { createMessage, expectCode, putRawRecord, readRawRecords, useEmptyConversationStore } from './conversation-test-fixtures';

useEmptyConversationStore();

async function saveMessages(conversationId: string, count: number): Promise<void> {
  for (let sequence = 0; sequence < count; sequence += 1) await saveMessage(createMessage(conversationId, sequence, { content: `message ${sequence}` }));
}

const sequences = (messages: Array<{ sequence: number }>): number[] => messages.map((message) => message.sequence);

describe('loadRecentMessages', () => {
  it('returns only the newest messages, oldest first, and says older ones exist', async () => {
    await saveMessages('long', 12);
    await saveMessages('other', 3);
    const recent = await loadRecentMessages('long', 5);
    expect(sequences(recent.messages)).toEqual([7, 8, 9, 10, 11]);
    expect(recent.complete).toBe(false);
    expect(recent.messages).toEqual((await loadMessages('long')).slice(-5));
  });

  it('is complete when the conversation has no more messages than asked for', async () => {
    await saveMessages('short', 3);
    expect(await loadRecentMessages('short', 3)).toEqual({ messages: await loadMessages('short'), complete: true });
    expect(sequences((await loadRecentMessages('short', 50)).messages)).toEqual([0, 1, 2]);
    expect(await loadRecentMessages('empty', 10)).toEqual({ messages: [], complete: true });
  });

  it('never reads another conversation whose id sorts next to this one', async () => {
    await saveMessages('a', 2);
    await saveMessages('a\u0000', 4);
    await saveMessages('b', 4);
    expect((await loadRecentMessages('a', 3)).messages.map((message) => message.conversationId)).toEqual(['a', 'a']);
  });

  it('shows a reply a crash left streaming as interrupted, and stores that once it read everything', async () => {
    const key = { dek: requireSession().dek, vaultId: requireSession().header.vaultId };
    await saveMessages('c', 2);
    await putRawRecord(MESSAGES_STORE, await sealMessage(key, createMessage('c', 2, { status: 'streaming', role: 'assistant' })));
    const partial = await loadRecentMessages('c', 1);
    expect(partial.messages[0]?.status).toBe('interrupted');
    const complete = await loadRecentMessages('c', 3);
    expect(complete.messages[2]?.status).toBe('interrupted');
    expect((await loadMessages('c'))[2]?.status).toBe('interrupted');
  });

  it('rejects a damaged newest message, or skips and reports it when asked', async () => {
    await saveMessages('c', 4);
    const [newest] = (await readRawRecords(MESSAGES_STORE)).slice(-1) as Array<{ payload: { ciphertext: string } }>;
    await putRawRecord(MESSAGES_STORE, { ...newest, payload: { ...newest?.payload, ciphertext: `AAAA${newest?.payload.ciphertext.slice(4)}` } });
    await expectCode(loadRecentMessages('c', 2), 'DECRYPTION_FAILED');
    const reports: CorruptRecordReport[] = [];
    const recent = await loadRecentMessages('c', 2, { onCorruptRecord: (report) => reports.push(report) });
    expect(sequences(recent.messages)).toEqual([2]);
    expect(reports.map((report) => report.sequence)).toEqual([3]);
  });

  it('refuses a count that is not a positive whole number', async () => {
    await expectCode(loadRecentMessages('c', 0), 'INVALID_REQUEST');
    await expectCode(loadRecentMessages('c', 1.5), 'INVALID_REQUEST');
    await expectCode(loadRecentMessages('', 5), 'INVALID_REQUEST');
  });
});

describe('loadRecentMessages and IndexedDB getAllRecords', () => {
  type Store = { getAllRecords?: (...args: unknown[]) => unknown };
  const storePrototype = IDBObjectStore.prototype as Store;
  const original = storePrototype.getAllRecords;
  afterEach(() => {
    storePrototype.getAllRecords = original;
  });

  it('reads the newest messages in one getAllRecords request, newest first', async () => {
    await saveMessages('long', 12);
    const calls: unknown[] = [];
    storePrototype.getAllRecords = function (this: unknown, ...args: unknown[]) {
      calls.push(args[0]);
      return original?.apply(this, args);
    };
    expect(sequences((await loadRecentMessages('long', 5)).messages)).toEqual([7, 8, 9, 10, 11]);
    expect(calls).toEqual([expect.objectContaining({ count: 6, direction: 'prev' })]);
  });

  it('reads the same messages without it (older browsers): the keys, then the values', async () => {
    await saveMessages('long', 12);
    const withRecords = await loadRecentMessages('long', 5);
    delete storePrototype.getAllRecords;
    expect(await loadRecentMessages('long', 5)).toEqual(withRecords);
    expect(sequences((await loadRecentMessages('long', 50)).messages)).toEqual(sequences(await loadMessages('long')));
    expect(await loadRecentMessages('empty', 3)).toEqual({ messages: [], complete: true });
  });
});
