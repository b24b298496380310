// One row of the Models screen: a pricing-table model, a model only the provider's own list knows,
// or a table model the provider no longer lists. Plain data, so filtering and merging stay testable.
import type { BYOKProvider, ModelFeatures, PriceTier } from '../../byok/types';

export interface CatalogueEntry {
  /** `provider:modelId`, unique across the catalogue. */
  key: string;
  provider: BYOKProvider;
  providerName: string;
  id: string;
  name: string;
  /** null when only the provider's list knows the model and it did not say. */
  contextWindow: number | null;
  maxOutputTokens: number | null;
  /** USD per 1K tokens; null when the pricing table does not know the model ("price unknown"). */
  inputCostPer1k: number | null;
  outputCostPer1k: number | null;
  /** null when the features are not known (a model only the provider's list reports). */
  features: ModelFeatures | null;
  status: 'active' | 'retired';
  retiredOn?: string;
  tiers?: PriceTier[];
  lastVerified?: string;
  /** The provider's live list reports it but the pricing table does not know it. */
  priceUnknown: boolean;
  /** The provider's live list was fetched and does not contain this table model. */
  notListedByProvider: boolean;
}

export function createEntryKey(provider: BYOKProvider, modelId: string): string {
  return `${provider}:${modelId}`;
}

/** Retired models stay visible (their price explains past costs) but cannot be picked. */
export function isPickable(entry: CatalogueEntry): boolean {
  return entry.status !== 'retired';
}
