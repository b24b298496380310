// The one place that turns a Usage into dollars (providers.md §8, providers-reasoning.md §1.6,
// §3.5, §4.4). Adapters already report input with cache reads and writes inside it and output with
// reasoning/thinking inside it, so reasoning is billed at the output price by construction; cache
// reads and writes are split out of the input and billed at their own prices.
import type { PriceTier, ProviderModel, Usage } from '../types';

export interface UsagePrices {
  inputCostPer1k: number;
  outputCostPer1k: number;
  cachedInputCostPer1k: number;
  cacheWriteCostPer1k: number;
}

/** Rounding to 10 decimals removes binary float noise, as calculateCost does. */
function roundUsd(value: number): number {
  return Math.round(value * 1e10) / 1e10;
}

function isCount(value: number | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

function findTier(model: ProviderModel, inputTokens: number): PriceTier | undefined {
  const tiers = [...(model.tiers ?? [])].sort((a, b) => b.aboveInputTokens - a.aboveInputTokens);
  return tiers.find((candidate) => inputTokens > candidate.aboveInputTokens);
}

/**
 * The prices that apply to a request with this many input tokens. A long-prompt tier raises every
 * input price by the same factor (Gemini Pro over 200k: cached input doubles with input).
 * Without a published cached or cache-write price, those tokens cost the input price.
 */
export function getUsagePrices(model: ProviderModel, inputTokens: number): UsagePrices {
  const tier = findTier(model, inputTokens);
  const input = tier ? tier.inputCostPer1k : model.inputCostPer1k;
  const scale = model.inputCostPer1k > 0 ? input / model.inputCostPer1k : 1;
  return {
    inputCostPer1k: input,
    outputCostPer1k: tier ? tier.outputCostPer1k : model.outputCostPer1k,
    cachedInputCostPer1k: model.cachedInputCostPer1k === undefined ? input : model.cachedInputCostPer1k * scale,
    cacheWriteCostPer1k: model.cacheWriteCostPer1k === undefined ? input : model.cacheWriteCostPer1k * scale,
  };
}

/** USD for one Usage at a model's prices; null when a count is not a usable number. */
export function priceUsage(model: ProviderModel, usage: Usage): number | null {
  if (!isCount(usage.inputTokens) || !isCount(usage.outputTokens)) return null;
  const cached = isCount(usage.cachedInputTokens) ? usage.cachedInputTokens : 0;
  const written = isCount(usage.cacheWriteTokens) ? usage.cacheWriteTokens : 0;
  // Cached counts are part of the input; a provider that reports more than the total is clamped.
  const cachedPart = Math.min(cached, usage.inputTokens);
  const writtenPart = Math.min(written, usage.inputTokens - cachedPart);
  const uncached = usage.inputTokens - cachedPart - writtenPart;
  const prices = getUsagePrices(model, usage.inputTokens);
  return roundUsd(
    (uncached / 1000) * prices.inputCostPer1k
      + (cachedPart / 1000) * prices.cachedInputCostPer1k
      + (writtenPart / 1000) * prices.cacheWriteCostPer1k
      + (usage.outputTokens / 1000) * prices.outputCostPer1k,
  );
}

