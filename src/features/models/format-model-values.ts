// Display helpers for catalogue values; unit prices are formatted by src/byok/price-unit.
import { formatTokenPrice, type PriceUnit } from '../../byok/price-unit';
import type { PriceTier } from '../../byok/types';

/** 128000 → "128K", 1048576 → "1.05M", 2097152 → "2.1M", 16385 → "16.4K", null → "unknown". */
export function formatTokenCount(tokens: number | null): string {
  if (tokens === null) return 'unknown';
  if (tokens >= 1_000_000) return `${trimNumber(tokens / 1_000_000, 2)}M`;
  if (tokens >= 1_000) return `${trimNumber(tokens / 1_000, tokens >= 100_000 ? 0 : 1)}K`;
  return String(tokens);
}

function trimNumber(value: number, decimals: number): string {
  return String(Number(value.toFixed(decimals)));
}

/** "over 200K tokens: $4.00 in / $18.00 out" (per 1M), one line per tier, lowest threshold first. */
export function describePriceTiers(tiers: readonly PriceTier[] | undefined, unit: PriceUnit): string[] {
  if (!tiers) return [];
  return [...tiers]
    .sort((first, second) => first.aboveInputTokens - second.aboveInputTokens)
    .map((tier) => `over ${formatTokenCount(tier.aboveInputTokens)} tokens: ${formatTokenPrice(tier.inputCostPer1k, unit)} in / ${formatTokenPrice(tier.outputCostPer1k, unit)} out`);
}
