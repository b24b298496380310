import { describe, expect, it } from 'vitest';
import { readConversationMeta } from '../../byok/conversations/conversation-validation';
import type { ConversationMeta } from '../../byok/conversations/conversation-types';
import { formatConversationMarkdown } from './conversation-export';
import { formatConversationCost } from './conversation-total';

const meta: ConversationMeta = {
  id: 'c1', title: 'Trip', provider: 'openai', model: 'gpt-4o', settings: {}, createdAt: 1, updatedAt: 2,
  totalCost: 0.0123, totalInputTokens: 10, totalOutputTokens: 20, messageCount: 2,
};

describe('a conversation total', () => {
  it('is marked "≈" once any reply in it was counted from its text', () => {
    expect(formatConversationCost(meta)).toBe('$0.0123');
    expect(formatConversationCost({ ...meta, estimatedTotals: true })).toBe('≈ $0.0123');
  });

  it('keeps the mark through storage and import, and drops anything but true', () => {
    expect(readConversationMeta({ ...meta, estimatedTotals: true }, 'meta').estimatedTotals).toBe(true);
    expect(readConversationMeta({ ...meta, estimatedTotals: 'yes' }, 'meta')).not.toHaveProperty('estimatedTotals');
  });

  it('says so in the Markdown export', () => {
    expect(formatConversationMarkdown({ ...meta, estimatedTotals: true }, [])).toContain('Total cost: ≈ $0.0123');
  });
});
