import { describe, expect, it } from 'vitest';
import type { ConversationMeta, StoredMessage } from '../../byok/conversations/conversation-types';
import { createExportFileName, formatConversationMarkdown, ImportFormatError, parseConversationJson } from './conversation-export';

const meta: ConversationMeta = {
  id: 'c1', title: 'Sorting: a question!', provider: 'openai', model: 'gpt-4o', settings: { systemPrompt: 'Be brief' },
  createdAt: Date.UTC(2025, 0, 2), updatedAt: 0, totalCost: 0.0075, totalInputTokens: 1000, totalOutputTokens: 500, messageCount: 2,
};
const messages: StoredMessage[] = [
  { id: 'a', conversationId: 'c1', sequence: 1, role: 'assistant', content: 'Use `sort()`.', status: 'stopped', provider: 'openai', model: 'gpt-4o',
    usage: { inputTokens: 1000, outputTokens: 500, totalTokens: 1500 }, cost: 0.0075, createdAt: 2,
    toolCalls: [{ id: 't', name: 'lookup', arguments: { q: 'sort' } }] },
  { id: 'u', conversationId: 'c1', sequence: 0, role: 'user', content: [{ type: 'text', text: 'How do I sort?' }, { type: 'image', dataUrl: 'data:image/png;base64,AA==' }], status: 'complete', createdAt: 1 },
];

describe('formatConversationMarkdown', () => {
  it('writes a header with model and totals, then the messages in order', () => {
    const markdown = formatConversationMarkdown(meta, messages);
    expect(markdown.startsWith('# Sorting: a question!\n')).toBe(true);
    expect(markdown).toContain('- Model: GPT-4o');
    expect(markdown).toContain('- Total cost: $0.0075 (1000 input, 500 output tokens)');
    expect(markdown).toContain('## System prompt\n\nBe brief');
    expect(markdown.indexOf('## You')).toBeLessThan(markdown.indexOf('## Assistant'));
    expect(markdown).toContain('[image attached]');
    expect(markdown).not.toContain('base64');
    expect(markdown).toContain('// tool call: lookup');
    expect(markdown).toContain('_GPT-4o · 1000 in / 500 out tokens · $0.0075 · stopped_');
  });
});

describe('a conversation with several models and a failed turn', () => {
  it('names the model of each reply and leaves out a failed reply that said nothing', () => {
    const replies: StoredMessage[] = [
      { id: 'u1', conversationId: 'c1', sequence: 0, role: 'user', content: 'One', status: 'complete', createdAt: 1 },
      { id: 'a1', conversationId: 'c1', sequence: 1, role: 'assistant', content: 'From 4o', status: 'complete', provider: 'openai', model: 'gpt-4o', createdAt: 2 },
      { id: 'u2', conversationId: 'c1', sequence: 2, role: 'user', content: 'Two', status: 'complete', createdAt: 3 },
      { id: 'a2', conversationId: 'c1', sequence: 3, role: 'assistant', content: '', status: 'error', provider: 'openai', model: 'gpt-4o-mini', error: { code: 'RATE_LIMITED', message: 'slow' }, createdAt: 4 },
      { id: 'a3', conversationId: 'c1', sequence: 4, role: 'assistant', content: 'From Haiku', status: 'complete', provider: 'anthropic', model: 'claude-haiku-4-5', createdAt: 5 },
    ];
    const markdown = formatConversationMarkdown(meta, replies);
    expect(markdown).toContain('- Models: GPT-4o, Claude Haiku 4.5');
    expect(markdown).toContain('## Assistant (GPT-4o)\n\nFrom 4o');
    expect(markdown).toContain('## Assistant (Claude Haiku 4.5)\n\nFrom Haiku');
    expect(markdown).not.toContain('GPT-4o Mini');
    expect(markdown.match(/## Assistant/g)).toHaveLength(2);
  });
});

describe('reasoning in exports', () => {
  const thought: StoredMessage = {
    id: 'r', conversationId: 'c1', sequence: 2, role: 'assistant', content: 'Seventeen degrees.', status: 'complete', createdAt: 3,
    reasoning: 'The user wants Paris.\n\nCheck the tool.', reasoningMs: 2100,
  };

  it('leaves the reasoning out of Markdown by default', () => {
    const markdown = formatConversationMarkdown(meta, [thought]);
    expect(markdown).toContain('Seventeen degrees.');
    expect(markdown).not.toContain('The user wants Paris');
    expect(markdown).not.toContain('Thinking');
  });

  it('includes it, quoted above the answer, when asked', () => {
    const markdown = formatConversationMarkdown(meta, [thought], { includeReasoning: true });
    expect(markdown).toContain('> **Thinking**\n>\n> The user wants Paris.\n>\n> Check the tool.\n\nSeventeen degrees.');
  });
});

describe('file names and JSON reading', () => {
  it('makes a safe file name from the title', () => {
    expect(createExportFileName('Sorting: a question!', 'md')).toBe('sorting-a-question.md');
    expect(createExportFileName('???', 'json')).toBe('conversation.json');
  });
  it('parses JSON and names a non-JSON file as such', () => {
    expect(parseConversationJson('{"format":"x"}')).toEqual({ format: 'x' });
    expect(() => parseConversationJson('not json')).toThrow(ImportFormatError);
  });
});
