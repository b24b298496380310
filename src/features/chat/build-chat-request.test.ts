import { describe, expect, it } from 'vitest';
import type { ConversationMeta, StoredMessage } from '../../byok/conversations/conversation-types';
import { buildChatRequest, convertToChatMessages } from './build-chat-request';

const meta: ConversationMeta = {
  id: 'c1', title: 'Weather', provider: 'anthropic', model: 'claude-sonnet-4-6', settings: { reasoningEffort: 'high' },
  createdAt: 1, updatedAt: 1, totalCost: 0, totalInputTokens: 0, totalOutputTokens: 0, messageCount: 0,
  tools: [
    { id: 't1', name: 'get_weather', description: 'Weather', enabled: true, parameters: { type: 'object', properties: { city: { type: 'string' } } } },
    { id: 't2', name: 'get_time', enabled: false, parameters: { type: 'object' } },
  ],
};

let sequence = 0;
const message = (fields: Partial<StoredMessage>): StoredMessage => ({
  id: `m${sequence}`, conversationId: 'c1', sequence: sequence++, role: 'user', content: '', status: 'complete', createdAt: 1, ...fields,
});

const call = { id: 'toolu_1', name: 'get_weather', arguments: { city: 'Paris' } };
const replay = { provider: 'anthropic' as const, model: 'claude-sonnet-4-6', items: [{ type: 'thinking', thinking: 'Hmm', signature: 'sig' }] };

describe('convertToChatMessages', () => {
  it('sends an answered call as a real call with its replay, then its result', () => {
    const history = [
      message({ role: 'user', content: 'Weather?' }),
      message({ role: 'assistant', content: '', toolCalls: [call], replay, reasoning: 'Hmm' }),
      message({ role: 'tool', toolCallId: 'toolu_1', name: 'get_weather', content: '17 °C' }),
    ];
    expect(convertToChatMessages(history)).toEqual([
      { role: 'user', content: 'Weather?' },
      { role: 'assistant', content: '', toolCalls: [call], replay },
      { role: 'tool', toolCallId: 'toolu_1', name: 'get_weather', content: '17 °C' },
    ]);
  });

  it('describes an unanswered call in words and drops its replay', () => {
    const history = [
      message({ role: 'user', content: 'Weather?' }),
      message({ role: 'assistant', content: 'Let me look.', toolCalls: [call], replay }),
      message({ role: 'user', content: 'Never mind' }),
    ];
    expect(convertToChatMessages(history)[1]).toEqual({ role: 'assistant', content: 'Let me look.\n\n[tool call get_weather {"city":"Paris"}]' });
  });

  it('needs a result for every parallel call before sending them as calls', () => {
    const second = { id: 'toolu_2', name: 'get_weather', arguments: { city: 'Tokyo' } };
    const history = [
      message({ role: 'user', content: 'Weather?' }),
      message({ role: 'assistant', content: '', toolCalls: [call, second] }),
      message({ role: 'tool', toolCallId: 'toolu_1', name: 'get_weather', content: '17' }),
    ];
    const converted = convertToChatMessages(history);
    expect(converted).toHaveLength(2);
    expect(converted[1]).toMatchObject({ role: 'assistant', content: expect.stringContaining('[tool call') });
  });
});

describe('buildChatRequest', () => {
  it('sends enabled tools and the reasoning effort', () => {
    const request = buildChatRequest(meta, [message({ role: 'user', content: 'Hi' })], new AbortController().signal);
    expect(request.tools?.map((tool) => tool.name)).toEqual(['get_weather']);
    expect(request.settings?.reasoningEffort).toBe('high');
  });

  it('keeps a disabled tool the history already called', () => {
    const timeCall = { id: 'toolu_9', name: 'get_time', arguments: {} };
    const history = [
      message({ role: 'user', content: 'Time?' }),
      message({ role: 'assistant', content: '', toolCalls: [timeCall] }),
      message({ role: 'tool', toolCallId: 'toolu_9', name: 'get_time', content: 'noon' }),
    ];
    expect(buildChatRequest(meta, history, new AbortController().signal).tools?.map((tool) => tool.name)).toEqual(['get_weather', 'get_time']);
  });
});
