// Merges the pricing table with the providers' own GET /models lists into catalogue entries.
import type { RemoteModel } from '../../byok/providers/provider-adapter';
import type { BYOKProvider, ProviderModel } from '../../byok/types';
import { createEntryKey, type CatalogueEntry } from './catalogue-entry';

export type PricingTable = Record<BYOKProvider, ProviderModel[]>;
export type RemoteModelLists = Partial<Record<BYOKProvider, RemoteModel[]>>;
export type ProviderNames = Record<BYOKProvider, string>;

/** Gemini reports ids as `models/<id>`; the pricing table and requests use the bare id. */
export function normaliseRemoteModelId(provider: BYOKProvider, modelId: string): string {
  return provider === 'google' && modelId.startsWith('models/') ? modelId.slice('models/'.length) : modelId;
}

export function convertTableModel(provider: BYOKProvider, providerName: string, model: ProviderModel): CatalogueEntry {
  return {
    key: createEntryKey(provider, model.id),
    provider,
    providerName,
    id: model.id,
    name: model.name,
    contextWindow: model.contextWindow,
    maxOutputTokens: model.maxOutputTokens,
    inputCostPer1k: model.inputCostPer1k,
    outputCostPer1k: model.outputCostPer1k,
    features: model.features,
    status: model.status,
    ...(model.retiredOn ? { retiredOn: model.retiredOn } : {}),
    ...(model.tiers ? { tiers: model.tiers } : {}),
    lastVerified: model.lastVerified,
    priceUnknown: false,
    notListedByProvider: false,
  };
}

function convertRemoteModel(provider: BYOKProvider, providerName: string, model: RemoteModel, modelId: string): CatalogueEntry {
  return {
    key: createEntryKey(provider, modelId),
    provider,
    providerName,
    id: modelId,
    name: model.displayName && model.displayName !== model.id ? model.displayName : modelId,
    contextWindow: model.contextWindow ?? null,
    maxOutputTokens: model.maxOutputTokens ?? null,
    inputCostPer1k: null,
    outputCostPer1k: null,
    features: null,
    status: 'active',
    priceUnknown: true,
    notListedByProvider: false,
  };
}

function mergeProvider(provider: BYOKProvider, providerName: string, tableModels: ProviderModel[], remote: RemoteModel[] | undefined): CatalogueEntry[] {
  const tableEntries = tableModels.map((model) => convertTableModel(provider, providerName, model));
  if (!remote) return tableEntries;

  const remoteById = new Map<string, RemoteModel>();
  for (const model of remote) remoteById.set(normaliseRemoteModelId(provider, model.id), model);

  const tableIds = new Set(tableModels.map((model) => model.id));
  const flagged = tableEntries.map((entry) =>
    // A retired model is expected to be gone from the list; flagging it too would only add noise.
    entry.status === 'active' && !remoteById.has(entry.id) ? { ...entry, notListedByProvider: true } : entry,
  );
  const unknown: CatalogueEntry[] = [];
  for (const [modelId, model] of remoteById) {
    if (!tableIds.has(modelId)) unknown.push(convertRemoteModel(provider, providerName, model, modelId));
  }
  unknown.sort((first, second) => first.id.localeCompare(second.id));
  return [...flagged, ...unknown];
}

/**
 * Every table model, in table order per provider; for each provider whose live list is given, the
 * models only that list knows are appended ("price unknown") and active table models missing from
 * it are flagged ("not listed by provider"). A provider without a list keeps the table as it is.
 */
export function mergeRemoteModels(table: PricingTable, remoteLists: RemoteModelLists, providerNames: ProviderNames): CatalogueEntry[] {
  const providers = Object.keys(table) as BYOKProvider[];
  return providers.flatMap((provider) => mergeProvider(provider, providerNames[provider], table[provider], remoteLists[provider]));
}
