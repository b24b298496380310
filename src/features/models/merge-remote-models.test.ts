import { describe, expect, it } from 'vitest';
import { PROVIDERS } from '../../byok/provider-config';
import { PRICING_TABLE } from '../../byok/pricing-table';
import type { BYOKProvider, ProviderModel } from '../../byok/types';
import { mergeRemoteModels, normaliseRemoteModelId, type PricingTable, type ProviderNames } from './merge-remote-models';

const NAMES: ProviderNames = { openai: 'OpenAI', anthropic: 'Anthropic', google: 'Google Gemini', xai: 'xAI', mistral: 'Mistral' };
const FEATURES = { streaming: true, functionCalling: true, vision: false };

function createModel(id: string, overrides: Partial<ProviderModel> = {}): ProviderModel {
  return {
    id, name: id.toUpperCase(), contextWindow: 128_000, maxOutputTokens: 4_096, inputCostPer1k: 0.001, outputCostPer1k: 0.002,
    features: FEATURES, status: 'active', lastVerified: '2026-07-24', ...overrides,
  };
}

function createTable(partial: Partial<PricingTable>): PricingTable {
  return { openai: [], anthropic: [], google: [], xai: [], mistral: [], ...partial };
}

describe('mergeRemoteModels', () => {
  it('returns every pricing-table model unflagged when no live list is given', () => {
    const entries = mergeRemoteModels(PRICING_TABLE, {}, NAMES);
    const tableSize = (Object.keys(PRICING_TABLE) as BYOKProvider[]).reduce((sum, provider) => sum + PRICING_TABLE[provider].length, 0);
    expect(entries).toHaveLength(tableSize);
    expect(entries.every((entry) => !entry.priceUnknown && !entry.notListedByProvider)).toBe(true);
    expect(new Set(entries.map((entry) => entry.key)).size).toBe(tableSize);
    const gpt4o = entries.find((entry) => entry.key === 'openai:gpt-4o');
    expect(gpt4o).toMatchObject({ name: 'GPT-4o', providerName: 'OpenAI', inputCostPer1k: 0.0025, outputCostPer1k: 0.01, contextWindow: 128_000 });
  });

  it('appends models only the provider lists, marked price unknown and pickable', () => {
    const table = createTable({ openai: [createModel('gpt-a')] });
    const entries = mergeRemoteModels(table, { openai: [{ id: 'gpt-a' }, { id: 'gpt-new', contextWindow: 64_000 }] }, NAMES);
    expect(entries.map((entry) => entry.key)).toEqual(['openai:gpt-a', 'openai:gpt-new']);
    expect(entries[1]).toMatchObject({
      name: 'gpt-new', priceUnknown: true, inputCostPer1k: null, outputCostPer1k: null, features: null,
      contextWindow: 64_000, maxOutputTokens: null, status: 'active', notListedByProvider: false,
    });
  });

  it('flags active table models the provider no longer lists, but not retired ones', () => {
    const table = createTable({
      mistral: [createModel('kept'), createModel('dropped'), createModel('old', { status: 'retired', retiredOn: '2025-01-01' })],
    });
    const entries = mergeRemoteModels(table, { mistral: [{ id: 'kept' }] }, NAMES);
    const flags = Object.fromEntries(entries.map((entry) => [entry.id, entry.notListedByProvider]));
    expect(flags).toEqual({ kept: false, dropped: true, old: false });
  });

  it('leaves providers without a live list untouched', () => {
    const table = createTable({ openai: [createModel('gpt-a')], xai: [createModel('grok-a')] });
    const entries = mergeRemoteModels(table, { openai: [] }, NAMES);
    expect(entries.find((entry) => entry.id === 'gpt-a')?.notListedByProvider).toBe(true);
    expect(entries.find((entry) => entry.id === 'grok-a')?.notListedByProvider).toBe(false);
  });

  it('matches Gemini ids reported with the models/ prefix and keeps the display name', () => {
    const table = createTable({ google: [createModel('gemini-x')] });
    const entries = mergeRemoteModels(table, { google: [{ id: 'models/gemini-x' }, { id: 'models/gemini-y', displayName: 'Gemini Y' }] }, NAMES);
    expect(entries.map((entry) => [entry.id, entry.name, entry.priceUnknown])).toEqual([
      ['gemini-x', 'GEMINI-X', false],
      ['gemini-y', 'Gemini Y', true],
    ]);
  });

  it('lists a model the provider reports twice only once', () => {
    const entries = mergeRemoteModels(createTable({}), { xai: [{ id: 'grok-z' }, { id: 'grok-z' }] }, NAMES);
    expect(entries.map((entry) => entry.key)).toEqual(['xai:grok-z']);
  });

  it('merges the real table with the mock provider lists as the e2e test expects', () => {
    const entries = mergeRemoteModels(PRICING_TABLE, { openai: [{ id: 'gpt-4o' }, { id: 'gpt-mock-unpriced' }] }, NAMES);
    expect(entries.find((entry) => entry.key === 'openai:gpt-mock-unpriced')?.priceUnknown).toBe(true);
    expect(entries.find((entry) => entry.key === 'openai:gpt-4o')?.notListedByProvider).toBe(false);
    expect(entries.find((entry) => entry.key === 'openai:gpt-4o-mini')?.notListedByProvider).toBe(true);
    expect(entries.find((entry) => entry.key === 'openai:gpt-4-turbo')?.notListedByProvider).toBe(false);
    expect(PROVIDERS.openai.displayName).toBe(NAMES.openai);
  });
});

describe('normaliseRemoteModelId', () => {
  it('strips the models/ prefix for Gemini only', () => {
    expect(normaliseRemoteModelId('google', 'models/gemini-2.5-pro')).toBe('gemini-2.5-pro');
    expect(normaliseRemoteModelId('openai', 'models/odd')).toBe('models/odd');
  });
});
