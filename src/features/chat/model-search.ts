// Search and grouping for the chat's model picker: pure, so the fuzzy rules are tested directly.
import { formatTokenPrice, priceUnitLabel, type PriceUnit } from '../../byok/price-unit';
import { findModel } from '../../byok/provider-config';
import { BYOK_PROVIDERS, type BYOKProvider } from '../../byok/types';
import type { ChatModelOption } from './use-chat-environment';

export interface ModelGroup {
  provider: BYOKProvider;
  providerName: string;
  models: ChatModelOption[];
}

/** Letters and digits only: "GPT-5.4 Mini" and "gpt-5.4-mini" both become "gpt54mini". */
export function compactForSearch(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, '');
}

function isSubsequence(needle: string, haystack: string): boolean {
  let position = 0;
  for (const character of haystack) if (character === needle[position]) position += 1;
  return position === needle.length;
}

/**
 * 2: every word of the query appears (punctuation ignored, so "gpt5" finds GPT-5.4);
 * 1: the query's letters appear in order ("g5m" finds GPT-5 Mini); 0: no match.
 */
export function scoreModelMatch(model: Pick<ChatModelOption, 'name' | 'id'>, query: string): number {
  const words = query.split(/\s+/).map(compactForSearch).filter(Boolean);
  if (words.length === 0) return 2;
  const haystack = `${compactForSearch(model.name)} ${compactForSearch(model.id)}`;
  if (words.every((word) => haystack.includes(word))) return 2;
  const needle = words.join('');
  return isSubsequence(needle, compactForSearch(model.name)) || isSubsequence(needle, compactForSearch(model.id)) ? 1 : 0;
}

/** Matching, active models grouped by provider (provider order); whole-word matches first. */
export function searchModels(models: readonly ChatModelOption[], query: string): ModelGroup[] {
  const scored = models
    .filter((model) => model.status === 'active')
    .map((model) => ({ model, score: scoreModelMatch(model, query) }))
    .filter((entry) => entry.score > 0);
  const best = Math.max(0, ...scored.map((entry) => entry.score));
  const kept = scored.filter((entry) => entry.score === best).map((entry) => entry.model);
  return BYOK_PROVIDERS.flatMap((provider) => {
    const inGroup = kept.filter((model) => model.provider === provider);
    return inGroup.length > 0 ? [{ provider, providerName: inGroup[0]!.providerName, models: inGroup }] : [];
  });
}

/** Reasoning models are the ones the table marks as rejecting temperature. */
export function isReasoningModel(model: Pick<ChatModelOption, 'provider' | 'id'>): boolean {
  return findModel(model.provider, model.id)?.rejectsTemperature === true;
}

/** "$2.50 / $10.00 per 1M" (or per 1K), or "price unknown" for a model only the provider's list knows. */
export function formatModelPrice(model: Pick<ChatModelOption, 'inputCostPer1k' | 'outputCostPer1k'>, unit: PriceUnit): string {
  if (model.inputCostPer1k === null || model.outputCostPer1k === null) return 'price unknown';
  return `${formatTokenPrice(model.inputCostPer1k, unit)} / ${formatTokenPrice(model.outputCostPer1k, unit)} ${priceUnitLabel(unit)}`;
}

/** 128000 → "128K", 1050000 → "1.05M", null → "?". */
export function formatContextWindow(tokens: number | null): string {
  if (tokens === null) return '?';
  if (tokens >= 1_000_000) return `${String(Number((tokens / 1_000_000).toFixed(2)))}M`;
  return `${String(Math.round(tokens / 1000))}K`;
}
