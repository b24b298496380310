import { describe, expect, it } from 'vitest';
import type { BYOKProvider } from '../../byok/types';
import type { CatalogueEntry } from './catalogue-entry';
import { DEFAULT_QUERY, filterCatalogue, matchesSearch, queryCatalogue, sortCatalogue, type CatalogueQuery } from './catalogue-filter';

function createEntry(provider: BYOKProvider, id: string, overrides: Partial<CatalogueEntry> = {}): CatalogueEntry {
  return {
    key: `${provider}:${id}`, provider, providerName: provider, id, name: id, contextWindow: 100_000, maxOutputTokens: 4_096,
    inputCostPer1k: 0.001, outputCostPer1k: 0.002, features: { streaming: true, functionCalling: true, vision: false },
    status: 'active', priceUnknown: false, notListedByProvider: false, ...overrides,
  };
}

const ENTRIES: CatalogueEntry[] = [
  createEntry('openai', 'gpt-4o', { name: 'GPT-4o', inputCostPer1k: 0.0025, outputCostPer1k: 0.01, contextWindow: 128_000, features: { streaming: true, functionCalling: true, vision: true } }),
  createEntry('openai', 'gpt-4o-mini', { name: 'GPT-4o Mini', inputCostPer1k: 0.00015, outputCostPer1k: 0.0006, contextWindow: 128_000 }),
  createEntry('anthropic', 'claude-x', { name: 'Claude X', inputCostPer1k: 0.003, outputCostPer1k: 0.015, contextWindow: 200_000, features: { streaming: true, functionCalling: true, vision: true } }),
  createEntry('mistral', 'open-mistral-7b', { name: 'Mistral 7B', inputCostPer1k: 0.00025, outputCostPer1k: 0.00025, contextWindow: 32_000, features: { streaming: true, functionCalling: false, vision: false } }),
  createEntry('xai', 'grok-unknown', { priceUnknown: true, inputCostPer1k: null, outputCostPer1k: null, contextWindow: null, features: null }),
];

function ids(entries: CatalogueEntry[]): string[] {
  return entries.map((entry) => entry.id);
}

function query(overrides: Partial<CatalogueQuery>): CatalogueQuery {
  return { ...DEFAULT_QUERY, ...overrides };
}

describe('filterCatalogue', () => {
  it('keeps everything with the default query, in catalogue order', () => {
    expect(ids(filterCatalogue(ENTRIES, DEFAULT_QUERY))).toEqual(ids(ENTRIES));
  });

  it('filters by provider', () => {
    expect(ids(filterCatalogue(ENTRIES, query({ provider: 'openai' })))).toEqual(['gpt-4o', 'gpt-4o-mini']);
  });

  it('filters by features, every one required, and never promises unknown features', () => {
    expect(ids(filterCatalogue(ENTRIES, query({ features: ['vision'] })))).toEqual(['gpt-4o', 'claude-x']);
    expect(ids(filterCatalogue(ENTRIES, query({ features: ['functionCalling'] })))).toEqual(['gpt-4o', 'gpt-4o-mini', 'claude-x']);
    expect(ids(filterCatalogue(ENTRIES, query({ features: ['vision', 'functionCalling'] })))).toEqual(['gpt-4o', 'claude-x']);
  });

  it('keeps only providers with a key when asked', () => {
    expect(ids(filterCatalogue(ENTRIES, query({ onlyProviders: new Set<BYOKProvider>(['mistral', 'xai']) })))).toEqual(['open-mistral-7b', 'grok-unknown']);
    expect(filterCatalogue(ENTRIES, query({ onlyProviders: new Set() }))).toEqual([]);
  });

  it('combines filters with search', () => {
    expect(ids(filterCatalogue(ENTRIES, query({ provider: 'openai', search: 'mini' })))).toEqual(['gpt-4o-mini']);
  });
});

describe('matchesSearch', () => {
  it('matches the name or the id, case-insensitively, every word in any order', () => {
    const [gpt4o, mini, , mistral] = ENTRIES;
    expect(matchesSearch(mini!, 'MINI 4o')).toBe(true);
    expect(matchesSearch(gpt4o!, 'gpt-4o')).toBe(true);
    expect(matchesSearch(mistral!, 'open-mistral')).toBe(true);
    expect(matchesSearch(mistral!, '7b')).toBe(true);
    expect(matchesSearch(mistral!, 'mistral large')).toBe(false);
    expect(matchesSearch(mistral!, '   ')).toBe(true);
  });
});

describe('sortCatalogue', () => {
  it('sorts by input price, cheapest first, unknown prices last', () => {
    expect(ids(sortCatalogue(ENTRIES, 'input-price'))).toEqual(['gpt-4o-mini', 'open-mistral-7b', 'gpt-4o', 'claude-x', 'grok-unknown']);
  });

  it('sorts by output price, cheapest first, unknown prices last', () => {
    expect(ids(sortCatalogue(ENTRIES, 'output-price'))).toEqual(['open-mistral-7b', 'gpt-4o-mini', 'gpt-4o', 'claude-x', 'grok-unknown']);
  });

  it('sorts by context window, largest first, ties in catalogue order, unknown last', () => {
    expect(ids(sortCatalogue(ENTRIES, 'context-window'))).toEqual(['claude-x', 'gpt-4o', 'gpt-4o-mini', 'open-mistral-7b', 'grok-unknown']);
  });

  it('keeps the catalogue order for "provider" and never mutates its input', () => {
    const before = ids(ENTRIES);
    expect(ids(sortCatalogue(ENTRIES, 'provider'))).toEqual(before);
    sortCatalogue(ENTRIES, 'input-price');
    expect(ids(ENTRIES)).toEqual(before);
  });
});

describe('queryCatalogue with a long catalogue', () => {
  it('filters and sorts 500 models correctly', () => {
    const providers: BYOKProvider[] = ['openai', 'anthropic', 'google', 'xai', 'mistral'];
    const many = Array.from({ length: 500 }, (_, index) =>
      createEntry(providers[index % 5]!, `model-${index}`, { inputCostPer1k: (500 - index) / 100_000, features: { streaming: true, functionCalling: true, vision: index % 2 === 0 } }),
    );
    const result = queryCatalogue(many, query({ provider: 'google', features: ['vision'], search: 'model-1', sort: 'input-price' }));
    expect(result.every((entry) => entry.provider === 'google' && entry.features?.vision && entry.id.startsWith('model-1'))).toBe(true);
    expect(result.length).toBeGreaterThan(0);
    const prices = result.map((entry) => entry.inputCostPer1k ?? Infinity);
    expect(prices).toEqual([...prices].sort((first, second) => first - second));
  });
});

describe('retired models', () => {
  const entries = [
    createEntry('openai', 'old-cheap', { status: 'retired', inputCostPer1k: 0.00001, contextWindow: 9_000_000 }),
    createEntry('openai', 'current', { inputCostPer1k: 0.002, contextWindow: 128_000 }),
  ];
  it('are hidden unless asked for', () => {
    expect(ids(queryCatalogue(entries, DEFAULT_QUERY))).toEqual(['current']);
    expect(ids(queryCatalogue(entries, query({ showRetired: true })))).toEqual(['current', 'old-cheap']);
  });
  it('sort last by price and by context window, however cheap or large', () => {
    expect(ids(sortCatalogue(entries, 'input-price'))).toEqual(['current', 'old-cheap']);
    expect(ids(sortCatalogue(entries, 'context-window'))).toEqual(['current', 'old-cheap']);
    expect(ids(sortCatalogue(entries, 'provider'))).toEqual(['current', 'old-cheap']);
  });
});
