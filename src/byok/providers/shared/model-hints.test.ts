import { describe, expect, it } from 'vitest';
import { readMatchingReplay, resolveReasoningEffort } from './model-hints';

describe('resolveReasoningEffort', () => {
  it('sends a supported value unchanged', () => {
    expect(resolveReasoningEffort('medium', ['low', 'medium', 'high'])).toBe('medium');
  });

  it('clamps to the nearest value the model takes, ties going up', () => {
    expect(resolveReasoningEffort('minimal', ['low', 'medium', 'high'])).toBe('low');
    expect(resolveReasoningEffort('none', ['low', 'medium', 'high'])).toBe('low');
    expect(resolveReasoningEffort('minimal', ['none', 'high'])).toBe('none');
    expect(resolveReasoningEffort('low', ['none', 'high'])).toBe('high');
    expect(resolveReasoningEffort('medium', ['none', 'high'])).toBe('high');
    expect(resolveReasoningEffort('minimal', ['none', 'low', 'medium', 'high'])).toBe('low');
    expect(resolveReasoningEffort('low', ['high'])).toBe('high');
  });

  it('sends nothing for a model without reasoning, or one that takes no effort', () => {
    expect(resolveReasoningEffort('high', undefined)).toBeUndefined();
    expect(resolveReasoningEffort('high', [])).toBeUndefined();
    expect(resolveReasoningEffort(undefined, ['low'])).toBeUndefined();
  });
});

describe('readMatchingReplay', () => {
  const replay = { provider: 'anthropic', model: 'claude-sonnet-4-6', items: [{ type: 'thinking' }] };
  it('replays only to the same provider and model', () => {
    expect(readMatchingReplay(replay, 'anthropic', 'claude-sonnet-4-6')).toEqual([{ type: 'thinking' }]);
    expect(readMatchingReplay(replay, 'anthropic', 'claude-opus-4-7')).toBeUndefined();
    expect(readMatchingReplay(replay, 'google', 'claude-sonnet-4-6')).toBeUndefined();
    expect(readMatchingReplay(undefined, 'anthropic', 'claude-sonnet-4-6')).toBeUndefined();
  });
});
