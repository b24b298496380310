import { describe, expect, it } from 'vitest';
import { formatContextWindow, formatModelPrice, scoreModelMatch, searchModels } from './model-search';
import { listAvailableModels } from './use-chat-environment';

const models = listAvailableModels(['openai', 'anthropic', 'mistral']);

describe('searchModels', () => {
  it('finds GPT-5.x for "gpt5", ignoring dots and dashes', () => {
    const groups = searchModels(models, 'gpt5');
    const names = groups.flatMap((group) => group.models.map((model) => model.name));
    expect(names.length).toBeGreaterThan(2);
    expect(names.every((name) => name.startsWith('GPT-5'))).toBe(true);
  });

  it('groups by provider in provider order and returns everything for an empty query', () => {
    const groups = searchModels(models, '');
    expect(groups.map((group) => group.provider)).toEqual(['openai', 'anthropic', 'mistral']);
    expect(groups.flatMap((group) => group.models)).toHaveLength(models.length);
  });

  it('falls back to letters in order only when no model matches word for word', () => {
    expect(scoreModelMatch({ name: 'GPT-5.4 Mini', id: 'gpt-5.4-mini' }, 'g54m')).toBe(1);
    expect(scoreModelMatch({ name: 'GPT-5.4 Mini', id: 'gpt-5.4-mini' }, '5.4 mini')).toBe(2);
    expect(scoreModelMatch({ name: 'Claude Haiku 4.5', id: 'claude-haiku-4-5' }, 'gpt')).toBe(0);
  });

  it('leaves retired models out', () => {
    const retired = { ...models[0]!, id: 'old', name: 'Old One', status: 'retired' as const };
    expect(searchModels([retired], 'old')).toEqual([]);
  });
});

describe('model values', () => {
  it('shows prices per million tokens, or says the price is unknown', () => {
    expect(formatModelPrice({ inputCostPer1k: 0.0025, outputCostPer1k: 0.01 }, 'per-1m')).toBe('$2.50 / $10.00 per 1M');
    expect(formatModelPrice({ inputCostPer1k: 0.0025, outputCostPer1k: 0.01 }, 'per-1k')).toBe('$0.0025 / $0.01 per 1K');
    expect(formatModelPrice({ inputCostPer1k: 0.000075, outputCostPer1k: 0.0003 }, 'per-1m')).toBe('$0.075 / $0.30 per 1M');
    expect(formatModelPrice({ inputCostPer1k: null, outputCostPer1k: null }, 'per-1m')).toBe('price unknown');
    expect(formatContextWindow(128_000)).toBe('128K');
    expect(formatContextWindow(1_050_000)).toBe('1.05M');
  });
});
