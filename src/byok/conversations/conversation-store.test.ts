import { describe, expect, it } from 'vitest';
import { requireSession } from '../vault/vault-session';
import { MESSAGES_STORE } from './conversation-database';
import { openMessage, sealMessage, type MessageRecord } from './conversation-records';
import {
  deleteConversation, deleteMessagesFrom, listConversations, loadMessages, replaceMessagesFrom, saveConversation, saveMessage, searchConversations,
  type StoredMessage,
} from './conversation-store';
import { createMessage, createMeta, expectCode, putRawRecord, readRawRecords, readStoredSearchTexts, useEmptyConversationStore } from './conversation-test-fixtures';

useEmptyConversationStore();

async function saveConversationWithMessages(id: string, texts: string[], title = `Title of ${id}`): Promise<void> {
  await saveConversation(createMeta({ id, title, messageCount: texts.length }));
  for (const [sequence, text] of texts.entries()) await saveMessage(createMessage(id, sequence, { content: text }));
}

describe('conversations', () => {
  it('round-trips a meta and lists newest updatedAt first', async () => {
    const older = createMeta({ id: 'a', updatedAt: 10 });
    const newest = createMeta({ id: 'b', updatedAt: 30, title: 'Ünïcödé 🚀', provider: 'anthropic', model: 'claude-haiku-4-5' });
    const middle = createMeta({ id: 'c', updatedAt: 20, settings: {} });
    for (const meta of [older, newest, middle]) await saveConversation(meta);
    expect(await listConversations()).toEqual([newest, middle, older]);
  });

  it('replaces a meta saved again under the same id', async () => {
    await saveConversation(createMeta({ title: 'First' }));
    await saveConversation(createMeta({ title: 'Renamed', updatedAt: 5_000, totalCost: 1.5 }));
    const list = await listConversations();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ title: 'Renamed', updatedAt: 5_000, totalCost: 1.5 });
  });

  it('refuses a malformed meta or message with INVALID_REQUEST', async () => {
    await expectCode(saveConversation({ ...createMeta(), provider: 'nope' } as never), 'INVALID_REQUEST');
    await expectCode(saveMessage({ ...createMessage('c', 0), sequence: -1 }), 'INVALID_REQUEST');
    await expectCode(saveMessage({ ...createMessage('c', 0), role: 'system' } as never), 'INVALID_REQUEST');
    expect(await listConversations()).toEqual([]);
  });
});

describe('messages', () => {
  it('round-trips every field and returns messages by sequence, whatever the write order', async () => {
    const assistant: StoredMessage = createMessage('c', 1, {
      content: [{ type: 'text', text: 'Here you go' }, { type: 'image', dataUrl: 'data:image/png;base64,iVBORw0KGgo=' }],
      toolCalls: [{ id: 'call_1', name: 'lookup', arguments: { city: 'Paris', nested: { days: [1, 2] } } }],
      provider: 'openai', model: 'gpt-4o', usage: { inputTokens: 10, outputTokens: 20, totalTokens: 30 }, cost: null,
      firstTokenMs: 120, totalMs: 900, status: 'error', error: { code: 'RATE_LIMITED', message: 'Slow down', retryAfterMs: 2_000 },
    });
    const tool = createMessage('c', 2, { role: 'tool', toolCallId: 'call_1', name: 'lookup', content: '{"temp":21}' });
    await saveMessage(tool);
    await saveMessage(assistant);
    await saveMessage(createMessage('c', 0));
    expect(await loadMessages('c')).toEqual([createMessage('c', 0), assistant, tool]);
  });

  it('reads one conversation by key range only, even when ids share a prefix', async () => {
    await saveConversationWithMessages('c1', ['one', 'two']);
    await saveConversationWithMessages('c10', ['ten']);
    expect((await loadMessages('c1')).map((message) => message.content)).toEqual(['one', 'two']);
    expect((await loadMessages('c10')).map((message) => message.content)).toEqual(['ten']);
    expect(await loadMessages('missing')).toEqual([]);
  });

  it('writes a streaming reply through as one record that is overwritten, never the history', async () => {
    await saveConversationWithMessages('c', ['question']);
    const before = (await readRawRecords(MESSAGES_STORE)) as MessageRecord[];
    let text = '';
    for (const delta of ['Hel', 'lo ', 'there']) {
      text += delta;
      await saveMessage(createMessage('c', 1, { content: text, status: 'streaming' }));
    }
    const after = (await readRawRecords(MESSAGES_STORE)) as MessageRecord[];
    expect(after).toHaveLength(2);
    // The earlier message's ciphertext is untouched: nothing rewrote the history.
    expect(after[0]).toEqual(before[0]);
    const messages = await loadMessages('c');
    expect(messages[1]).toMatchObject({ content: 'Hello there', status: 'streaming' });
  });

  it('deletes a conversation with all its messages and search text, leaving others alone', async () => {
    await saveConversationWithMessages('keep', ['stay here']);
    await saveConversationWithMessages('drop', ['go away', 'also gone']);
    await deleteConversation('drop');
    expect((await listConversations()).map((meta) => meta.id)).toEqual(['keep']);
    expect(await loadMessages('drop')).toEqual([]);
    const rawMessages = (await readRawRecords(MESSAGES_STORE)) as MessageRecord[];
    expect(rawMessages.map((record) => record.conversationId)).toEqual(['keep']);
    expect([...(await readStoredSearchTexts()).keys()]).toEqual(['keep']);
    expect(await loadMessages('keep')).toHaveLength(1);
  });

  it('deleteMessagesFrom drops that sequence and later ones, from messages and search', async () => {
    await saveConversationWithMessages('c', ['alpha', 'bravo', 'charlie', 'delta']);
    await saveConversationWithMessages('other', ['charlie too']);
    await deleteMessagesFrom('c', 2);
    expect((await loadMessages('c')).map((message) => message.content)).toEqual(['alpha', 'bravo']);
    expect(await searchConversations('charlie')).toEqual(['other']);
    expect(await searchConversations('bravo')).toEqual(['c']);
    await saveMessage(createMessage('c', 2, { content: 'echo' }));
    expect(await searchConversations('ECHO')).toEqual(['c']);
  });

  it('replaceMessagesFrom swaps the tail in one write: a read at any moment finds the old tail or the new one, never neither', async () => {
    await saveConversationWithMessages('c', ['alpha', 'bravo', 'charlie', 'delta']);
    const replacement = [createMessage('c', 1, { id: 'c-echo', content: 'echo' }), createMessage('c', 2, { id: 'c-foxtrot', content: 'foxtrot' })];
    let done = false;
    const writing = replaceMessagesFrom('c', 1, replacement).then(() => { done = true; });
    const seen = new Set<string>();
    // What a reload in the middle of a version switch would read.
    while (!done) seen.add((await loadMessages('c')).map((message) => message.content).join(' '));
    await writing;
    seen.add((await loadMessages('c')).map((message) => message.content).join(' '));
    expect([...seen].filter((contents) => contents !== 'alpha bravo charlie delta' && contents !== 'alpha echo foxtrot')).toEqual([]);
    expect(seen.has('alpha echo foxtrot')).toBe(true);
    expect(await searchConversations('charlie')).toEqual([]);
    expect(await searchConversations('foxtrot')).toEqual(['c']);
  });

  it('replaceMessagesFrom refuses a message of another conversation, one before fromSequence, or a streaming one that is not last, and writes nothing', async () => {
    await saveConversationWithMessages('c', ['alpha', 'bravo']);
    await expectCode(replaceMessagesFrom('c', 1, [createMessage('other', 1)]), 'INVALID_REQUEST');
    await expectCode(replaceMessagesFrom('c', 1, [createMessage('c', 0)]), 'INVALID_REQUEST');
    await expectCode(replaceMessagesFrom('c', 1, [createMessage('c', 1, { status: 'streaming' }), createMessage('c', 2)]), 'INVALID_REQUEST');
    expect((await loadMessages('c')).map((message) => message.content)).toEqual(['alpha', 'bravo']);
  });

  it('replaceMessagesFrom puts a reply that starts streaming in place of the old one, kept out of search until it ends', async () => {
    await saveConversationWithMessages('c', ['alpha', 'bravo']);
    const starting = createMessage('c', 1, { id: 'c-new', role: 'assistant', content: '', status: 'streaming' });
    await replaceMessagesFrom('c', 1, [starting]);
    expect((await loadMessages('c')).map((message) => [message.id, message.status])).toEqual([['c-message-0', 'complete'], ['c-new', 'streaming']]);
    expect(await searchConversations('bravo')).toEqual([]);
  });
});

describe('search', () => {
  it('matches titles and message text, case-insensitively', async () => {
    await saveConversationWithMessages('trip', ['Where should we stay in Lisbon?', 'Try Alfama.'], 'Holiday PLANS');
    await saveConversationWithMessages('code', ['Fix my TypeScript generics'], 'Compiler errors');
    await saveMessage(createMessage('code', 1, { content: [{ type: 'text', text: 'Use a Conditional type' }, { type: 'image', dataUrl: 'data:image/png;base64,QUJD' }] }));
    expect(await searchConversations('holiday plans')).toEqual(['trip']);
    expect(await searchConversations('lisbon')).toEqual(['trip']);
    expect(await searchConversations('CONDITIONAL TYPE')).toEqual(['code']);
    expect(await searchConversations('QUJD')).toEqual([]);
    expect(await searchConversations('nowhere')).toEqual([]);
    expect((await searchConversations('')).sort()).toEqual(['code', 'trip']);
  });

  it('finds text with quotes, backslashes, line breaks and emoji exactly', async () => {
    await saveConversationWithMessages('c', ['She said "hi"\nC:\\temp\\ then 😀 smiled', 'tab\there']);
    for (const query of ['said "hi"\nc:\\temp', '😀 smiled', '\ud83d', 'tab\th']) expect(await searchConversations(query)).toEqual(['c']);
    // The stored JSON holds "\\nc:" for the line break: "nc:" passes the prefilter but is not in the text.
    for (const query of ['nc:', 'tabt', 'temp\\\\']) expect(await searchConversations(query)).toEqual([]);
  });

  it('follows renames, and indexes a reply once it stops streaming', async () => {
    await saveConversationWithMessages('c', ['hello']);
    await saveConversation(createMeta({ id: 'c', title: 'Quantum chromodynamics' }));
    expect(await searchConversations('chromo')).toEqual(['c']);
    expect(await searchConversations('title of c')).toEqual([]);
    await saveMessage(createMessage('c', 1, { content: 'A partial zebra', status: 'streaming' }));
    expect(await searchConversations('zebra')).toEqual([]);
    await saveMessage(createMessage('c', 1, { content: 'A partial zebra, stopped', status: 'stopped' }));
    expect(await searchConversations('zebra')).toEqual(['c']);
  });
});

describe('interrupted replies', () => {
  it('returns a reply left streaming by an earlier page as interrupted, and rewrites it so', async () => {
    await saveConversationWithMessages('c', ['question']);
    // What a page that crashed mid-reply left behind: written by the same vault, not tracked here.
    const { header, dek } = requireSession();
    const key = { dek, vaultId: header.vaultId };
    await putRawRecord(MESSAGES_STORE, await sealMessage(key, createMessage('c', 1, { content: 'half an answer about otters', status: 'streaming' })));
    const messages = await loadMessages('c');
    expect(messages[1]).toMatchObject({ status: 'interrupted', content: 'half an answer about otters' });
    const stored = ((await readRawRecords(MESSAGES_STORE)) as MessageRecord[]).find((record) => record.sequence === 1);
    expect(stored).toBeDefined();
    expect(await openMessage(key, stored as MessageRecord)).toMatchObject({ status: 'interrupted' });
    expect(await searchConversations('otters')).toEqual(['c']);
  });

  it('leaves a reply this page is still streaming as streaming', async () => {
    await saveConversationWithMessages('c', ['question']);
    await saveMessage(createMessage('c', 1, { content: 'still coming', status: 'streaming' }));
    expect((await loadMessages('c'))[1]?.status).toBe('streaming');
  });
});
