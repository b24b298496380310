import { afterEach, describe, expect, it, vi } from 'vitest';
import { requireSession } from '../vault/vault-session';
import { MESSAGES_STORE } from './conversation-database';
import { sealMessage } from './conversation-records';
import {
  deleteMessagesFrom, listConversations, loadMessages, readConversationTail, replaceMessagesFrom, saveConversation, saveMessage, searchConversations, tailOf, updateConversation,
} from './conversation-store';
import { CONVERSATION_CHANNEL, CONVERSATION_WRITE_LOCK, streamingLockName } from './conversation-tabs';
import { createMessage, createMeta, expectCode, putRawRecord, useEmptyConversationStore } from './conversation-test-fixtures';
import { rememberSearchText } from './search-cache';

useEmptyConversationStore();
afterEach(() => {
  vi.unstubAllGlobals();
});

/**
 * A Web Locks manager shared by "tabs": locks are granted in order per name, and `query` lists
 * what is held. `holdElsewhere` takes a lock as another tab would and returns its release.
 */
function installSharedLocks() {
  const held = new Set<string>();
  const tails = new Map<string, Promise<unknown>>();
  const locks = {
    request(name: string, callback: () => Promise<unknown>): Promise<unknown> {
      const granted = (tails.get(name) ?? Promise.resolve()).then(async () => {
        held.add(name);
        try {
          return await callback();
        } finally {
          held.delete(name);
        }
      });
      tails.set(name, granted.catch(() => undefined));
      return granted;
    },
    query: async () => ({ held: [...held].map((name) => ({ name })) }),
  };
  vi.stubGlobal('navigator', { locks });
  return {
    holdElsewhere(name: string): () => void {
      let release = () => undefined as void;
      void locks.request(name, () => new Promise<void>((resolve) => {
        release = resolve;
      }));
      return () => release();
    },
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

async function saveTurns(conversationId: string, count: number): Promise<void> {
  for (let sequence = 0; sequence < count; sequence += 1) await saveMessage(createMessage(conversationId, sequence));
}

describe('a write based on an outdated view of the conversation', () => {
  it('is refused with CONVERSATION_CHANGED once another tab added a message, and writes nothing', async () => {
    await saveTurns('c', 2);
    const seenByThisTab = tailOf(await loadMessages('c'));
    // The other tab sends its message and gets its reply.
    await saveMessage(createMessage('c', 2, { id: 'other-tab-question' }), { expectedTail: seenByThisTab });
    await saveMessage(createMessage('c', 3, { id: 'other-tab-answer' }));
    await expectCode(saveMessage(createMessage('c', 2, { id: 'this-tab-question' }), { expectedTail: seenByThisTab }), 'CONVERSATION_CHANGED');
    expect((await loadMessages('c')).map((message) => message.id)).toEqual(['c-message-0', 'c-message-1', 'other-tab-question', 'other-tab-answer']);
  });

  it('refuses to drop messages (regenerate, edit) the writer has not seen', async () => {
    await saveTurns('c', 4);
    const seen = tailOf((await loadMessages('c')).slice(0, 2));
    await expectCode(deleteMessagesFrom('c', 1, { expectedTail: seen }), 'CONVERSATION_CHANGED');
    expect(await loadMessages('c')).toHaveLength(4);
    await deleteMessagesFrom('c', 1, { expectedTail: tailOf(await loadMessages('c')) });
    expect(await loadMessages('c')).toHaveLength(1);
  });

  it('treats "no messages yet" as a view too', async () => {
    await saveMessage(createMessage('new', 0), { expectedTail: null });
    await expectCode(saveMessage(createMessage('new', 0, { id: 'second-tab' }), { expectedTail: null }), 'CONVERSATION_CHANGED');
    expect(await readConversationTail('new')).toEqual({ sequence: 0, messageId: 'new-message-0' });
  });
});

const heldLockNames = async (): Promise<string[]> =>
  (await (navigator as unknown as { locks: { query(): Promise<{ held: Array<{ name: string }> }> } }).locks.query()).held.map((lock) => lock.name);

describe('a reply streaming in another tab', () => {
  it('stays "streaming" for every other tab while that tab holds its lock, and is a crash leftover after', async () => {
    const tabs = installSharedLocks();
    const key = { dek: requireSession().dek, vaultId: requireSession().header.vaultId };
    await saveTurns('c', 1);
    const reply = createMessage('c', 1, { id: 'streaming-reply', role: 'assistant', status: 'streaming' });
    const release = tabs.holdElsewhere(streamingLockName('c', reply.id));
    await putRawRecord(MESSAGES_STORE, await sealMessage(key, reply));
    expect((await loadMessages('c'))[1]?.status).toBe('streaming');
    expect((await loadMessages('c'))[1]?.status).toBe('streaming');
    release();
    await settle();
    expect((await loadMessages('c'))[1]?.status).toBe('interrupted');
  });

  it('is claimed by the writing tab before its record says "streaming", and let go once it ends', async () => {
    installSharedLocks();
    const reply = createMessage('c', 0, { role: 'assistant', status: 'streaming' });
    await saveMessage(reply);
    expect(await heldLockNames()).toContain(streamingLockName('c', reply.id));
    await saveMessage({ ...reply, status: 'complete' });
    await settle();
    expect(await heldLockNames()).not.toContain(streamingLockName('c', reply.id));
  });

  it('is claimed too when it starts in place of an older reply (a regenerate)', async () => {
    installSharedLocks();
    await saveMessage(createMessage('c', 0));
    await saveMessage(createMessage('c', 1));
    const reply = createMessage('c', 1, { id: 'regenerated', status: 'streaming' });
    await replaceMessagesFrom('c', 1, [reply]);
    expect(await heldLockNames()).toContain(streamingLockName('c', reply.id));
    expect((await loadMessages('c'))[1]).toMatchObject({ id: 'regenerated', status: 'streaming' });
  });

  it('is let go when its final write fails (a full disk), and the other tabs are told, so none waits on it forever', async () => {
    installSharedLocks();
    const reply = createMessage('c', 0, { role: 'assistant', status: 'streaming' });
    await saveMessage(reply);
    const otherTab = new BroadcastChannel(CONVERSATION_CHANNEL);
    const told: unknown[] = [];
    otherTab.onmessage = (event) => told.push(event.data);
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    await expectCode(saveMessage({ ...reply, status: 'complete' }), 'UNKNOWN');
    vi.restoreAllMocks();
    await settle();
    otherTab.close();
    expect(await heldLockNames()).not.toContain(streamingLockName('c', reply.id));
    expect(told).toEqual([{ conversationId: 'c' }]);
    // In the other tab, with no claim held any more, the stored reply reads as interrupted.
    expect((await loadMessages('c'))[0]?.status).toBe('interrupted');
  });

  it('is let go again when that write fails, and the older reply stays', async () => {
    installSharedLocks();
    await saveMessage(createMessage('c', 0));
    await saveMessage(createMessage('c', 1, { id: 'older' }));
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const reply = createMessage('c', 1, { id: 'regenerated', status: 'streaming' });
    await expectCode(replaceMessagesFrom('c', 1, [reply]), 'UNKNOWN');
    vi.restoreAllMocks();
    await settle();
    expect(await heldLockNames()).not.toContain(streamingLockName('c', reply.id));
    expect((await loadMessages('c')).map((message) => message.id)).toEqual(['c-message-0', 'older']);
  });
});

describe('writes across tabs', () => {
  it('wait while another tab holds the write lock', async () => {
    const tabs = installSharedLocks();
    const release = tabs.holdElsewhere(CONVERSATION_WRITE_LOCK);
    let saved = false;
    const saving = saveMessage(createMessage('c', 0)).then(() => {
      saved = true;
    });
    await settle();
    expect(saved).toBe(false);
    release();
    await saving;
    expect(await loadMessages('c')).toHaveLength(1);
  });

  it('another tab announcing a change makes the next search read that conversation again', async () => {
    await saveConversation(createMeta({ id: 'x', title: 'Alpha route' }));
    expect(await searchConversations('alpha')).toEqual(['x']);
    // As if another tab had renamed it: this tab's cache still has what it read before.
    rememberSearchText(requireSession().dek, 'x', { title: 'something else', entries: [] }, { shard: 0, before: null, after: null });
    expect(await searchConversations('alpha')).toEqual([]);
    const otherTab = new BroadcastChannel(CONVERSATION_CHANNEL);
    otherTab.postMessage({ conversationId: 'x' });
    otherTab.close();
    await settle();
    expect(await searchConversations('alpha')).toEqual(['x']);
  });
});

describe('updateConversation', () => {
  it('changes what is stored, so a change another tab made meanwhile is kept', async () => {
    const seenByThisTab = createMeta({ id: 'm', title: 'Old title', totalCost: 1 });
    await saveConversation(seenByThisTab);
    // Another tab renames it while this tab streams a reply.
    await saveConversation({ ...seenByThisTab, title: 'Renamed elsewhere', updatedAt: 3_000 });
    const written = await updateConversation('m', (stored) => (stored ? { ...stored, totalCost: stored.totalCost + 0.5 } : null));
    expect(written).toMatchObject({ title: 'Renamed elsewhere', totalCost: 1.5 });
    expect((await listConversations()).find((meta) => meta.id === 'm')).toMatchObject({ title: 'Renamed elsewhere', totalCost: 1.5 });
    expect(await searchConversations('renamed')).toEqual(['m']);
  });

  it('writes nothing when the change says so (a conversation deleted elsewhere stays deleted)', async () => {
    expect(await updateConversation('gone', (stored) => (stored ? { ...stored, title: 'Back again' } : null))).toBeNull();
    expect(await listConversations()).toEqual([]);
    await saveConversation(createMeta({ id: 'm' }));
    await expectCode(updateConversation('m', (stored) => (stored ? { ...stored, id: 'other' } : null)), 'INVALID_REQUEST');
  });
});
