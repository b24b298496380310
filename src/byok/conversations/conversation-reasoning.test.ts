// Reasoning, replay data and tools travel with a conversation: encrypted at rest like its text,
// kept by the JSON export and accepted back on import.
import { describe, expect, it } from 'vitest';
import { exportConversation, importConversation, loadMessages, saveConversation, saveMessage } from './conversation-store';
import { createMessage, createMeta, readRawRecords, useEmptyConversationStore } from './conversation-test-fixtures';
import type { StoredMessage } from './conversation-types';

useEmptyConversationStore();

const tools = [{ id: 't1', name: 'get_weather', description: 'Weather', enabled: true, parameters: { type: 'object', properties: { city: { type: 'string' } } } }];
const reply: StoredMessage = createMessage('conversation-1', 1, {
  role: 'assistant', content: '', reasoning: 'SECRET-REASONING weighing the forecast', reasoningMs: 1800,
  toolCalls: [{ id: 'toolu_1', name: 'get_weather', arguments: { city: 'Paris' } }],
  replay: { provider: 'anthropic', model: 'claude-sonnet-4-6', items: [{ type: 'thinking', thinking: 'SECRET-REASONING', signature: 'SIG-123' }] },
  usage: { inputTokens: 10, outputTokens: 300, totalTokens: 310, reasoningTokens: 280 },
});
const result: StoredMessage = createMessage('conversation-1', 2, { role: 'tool', toolCallId: 'toolu_1', name: 'get_weather', content: '17', rejected: false });

describe('reasoning at rest and in transfer', () => {
  it('stores reasoning and replay encrypted, and reads them back', async () => {
    await saveConversation(createMeta({ settings: { reasoningEffort: 'high' }, tools }));
    await saveMessage(reply);
    await saveMessage(result);
    const raw = JSON.stringify(await readRawRecords('messages'));
    expect(raw).not.toContain('SECRET-REASONING');
    expect(raw).not.toContain('SIG-123');
    const [loaded] = await loadMessages('conversation-1');
    expect(loaded).toMatchObject({ reasoning: reply.reasoning, reasoningMs: 1800, replay: reply.replay, usage: { reasoningTokens: 280 } });
  });

  it('keeps reasoning, replay, effort and tools in the JSON export and on import', async () => {
    await saveConversation(createMeta({ settings: { reasoningEffort: 'high' }, tools }));
    await saveMessage(reply);
    const exported = await exportConversation('conversation-1');
    expect(exported.messages[0]?.reasoning).toBe(reply.reasoning);
    const imported = await importConversation(JSON.parse(JSON.stringify(exported)));
    expect(imported.settings.reasoningEffort).toBe('high');
    expect(imported.tools).toEqual(tools);
    const [message] = await loadMessages(imported.id);
    expect(message?.replay).toEqual(reply.replay);
  });

  it('refuses an unknown effort value on import', async () => {
    await saveConversation(createMeta());
    const exported = await exportConversation('conversation-1');
    const tampered = { ...exported, conversation: { ...exported.conversation, settings: { reasoningEffort: 'ludicrous' } } };
    await expect(importConversation(tampered)).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
  });
});
