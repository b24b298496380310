import { describe, expect, it } from 'vitest';
import { exportConversation, importConversation, listConversations, loadMessages, saveConversation, saveMessage, searchConversations } from './conversation-store';
import { createMessage, createMeta, expectCode, useEmptyConversationStore } from './conversation-test-fixtures';
import { IMPORT_LIMITS } from './conversation-transfer';
import type { ConversationExport } from './conversation-types';

useEmptyConversationStore();

async function exportSample(): Promise<ConversationExport> {
  await saveConversation(createMeta({ id: 'source', title: 'Exported chat', messageCount: 99 }));
  await saveMessage(createMessage('source', 0, { content: 'What is a monad?' }));
  await saveMessage(createMessage('source', 5, {
    content: 'A monoid in the category of endofunctors.', provider: 'openai', model: 'gpt-4o',
    usage: { inputTokens: 5, outputTokens: 9, totalTokens: 14 }, cost: 0.0001,
  }));
  return exportConversation('source');
}

/** A valid export, as plain JSON, for building malformed variants. */
function createExportJson(): Record<string, unknown> {
  return JSON.parse(JSON.stringify({
    format: 'vivim-byok-conversation', version: 1,
    conversation: createMeta({ id: 'x' }),
    messages: [createMessage('x', 0), createMessage('x', 1)],
  })) as Record<string, unknown>;
}

describe('export', () => {
  it('exports the meta and the messages in order, in the documented envelope', async () => {
    const exported = await exportSample();
    expect(exported.format).toBe('vivim-byok-conversation');
    expect(exported.version).toBe(1);
    expect(exported.conversation).toMatchObject({ id: 'source', title: 'Exported chat' });
    expect(exported.messages.map((message) => message.sequence)).toEqual([0, 5]);
  });

  it('refuses an unknown conversation id', async () => {
    await expectCode(exportConversation('nope'), 'INVALID_REQUEST');
  });
});

describe('import', () => {
  it('re-imports an export under new ids, renumbered, next to the original', async () => {
    const exported = await exportSample();
    const imported = await importConversation(JSON.stringify(exported));
    expect(imported.id).not.toBe('source');
    expect(imported).toMatchObject({ title: 'Exported chat', messageCount: 2, totalCost: exported.conversation.totalCost });
    const messages = await loadMessages(imported.id);
    expect(messages.map((message) => [message.sequence, message.content, message.conversationId])).toEqual([
      [0, 'What is a monad?', imported.id],
      [1, 'A monoid in the category of endofunctors.', imported.id],
    ]);
    expect(messages.map((message) => message.id)).not.toContain(exported.messages[0]?.id);
    expect(messages[1]).toMatchObject({ usage: { totalTokens: 14 }, cost: 0.0001, model: 'gpt-4o' });
    expect((await listConversations()).map((meta) => meta.id)).toEqual([imported.id, 'source']);
    expect((await searchConversations('endofunctors')).sort()).toEqual([imported.id, 'source'].sort());
  });

  it('turns a reply exported mid-stream into an interrupted one and drops unknown fields', async () => {
    const data = createExportJson();
    const messages = data.messages as Array<Record<string, unknown>>;
    messages[1] = { ...messages[1], status: 'streaming', injected: 'ignored' };
    const imported = await importConversation(data);
    const loaded = await loadMessages(imported.id);
    expect(loaded[1]?.status).toBe('interrupted');
    expect(loaded[1]).not.toHaveProperty('injected');
  });

  it('does not let __proto__ in a file pollute objects', async () => {
    const text = JSON.stringify(createExportJson()).replace('"settings":{', '"settings":{"__proto__":{"polluted":true},');
    const imported = await importConversation(text);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(imported.settings).sort()).toEqual(['maxTokens', 'systemPrompt', 'temperature']);
  });

  const mutations: Array<[string, (data: Record<string, unknown>) => unknown, RegExp]> = [
    ['not JSON', () => '{"format": ', /not valid JSON/],
    ['null', () => null, /must be an object/],
    ['an array', () => [], /must be an object/],
    ['another format', (data) => ({ ...data, format: 'chatgpt-export' }), /"format" must be/],
    ['another version', (data) => ({ ...data, version: 2 }), /version 2 is not supported/],
    ['no conversation', (data) => ({ ...data, conversation: undefined }), /conversation must be an object/],
    ['an unknown provider', (data) => ({ ...data, conversation: { ...(data.conversation as object), provider: 'evil' } }), /conversation\.provider must be one of/],
    ['negative tokens', (data) => ({ ...data, conversation: { ...(data.conversation as object), totalInputTokens: -1 } }), /totalInputTokens must be a non-negative number/],
    ['a huge title', (data) => ({ ...data, conversation: { ...(data.conversation as object), title: 'x'.repeat(2_001) } }), /title must be at most/],
    ['messages not an array', (data) => ({ ...data, messages: {} }), /messages must be an array/],
    ['a bad role', (data) => ({ ...data, messages: [{ ...createMessage('x', 0), role: 'system' }] }), /messages\[0\]\.role/],
    ['a bad part type', (data) => ({ ...data, messages: [{ ...createMessage('x', 0), content: [{ type: 'video' }] }] }), /messages\[0\]\.content\[0\]\.type/],
    ['a remote image', (data) => ({ ...data, messages: [{ ...createMessage('x', 0), content: [{ type: 'image', dataUrl: 'https://attacker.example/p.png' }] }] }), /dataUrl must be a data:image/],
    ['tool arguments not an object', (data) => ({ ...data, messages: [{ ...createMessage('x', 1), toolCalls: [{ id: 'a', name: 'b', arguments: 'x' }] }] }), /toolCalls\[0\]\.arguments must be an object/],
    ['a duplicate sequence', (data) => ({ ...data, messages: [createMessage('x', 0), createMessage('x', 0, { id: 'other' })] }), /share a sequence/],
    ['too many messages', (data) => ({ ...data, messages: new Array<unknown>(IMPORT_LIMITS.messages + 1).fill(null) }), /at most 20000 entries/],
  ];

  it.each(mutations)('rejects %s with INVALID_REQUEST and stores nothing', async (_name, mutate, message) => {
    const error = await expectCode(importConversation(mutate(createExportJson())), 'INVALID_REQUEST');
    expect(error.message).toMatch(message);
    expect(await listConversations()).toEqual([]);
  });
});
