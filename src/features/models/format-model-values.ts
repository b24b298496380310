// Display helpers for catalogue values; cost formatting itself is formatCost's (src/byok).
import { formatCost } from '../../byok/provider-config';
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

/**
 * formatCost keeps four decimals, which is right for a message's cost but turns a per-1K price of
 * $0.00015 into "$0.0001" (a third off) or "<$0.0001". Where it would lose precision, the price is
 * shown with up to seven decimals instead, so cheap models compare truthfully.
 */
export function formatPricePer1k(usd: number | null): string {
  if (usd === null) return 'price unknown';
  const formatted = formatCost(usd);
  const shown = Number(formatted.replace(/[^0-9.]/g, ''));
  if (usd > 0 && usd < 1 && Math.abs(shown - usd) > 1e-12) return `$${String(Number(usd.toFixed(7)))}`;
  return formatted;
}

/** "over 200K tokens: $0.004 in / $0.018 out", one line per tier, lowest threshold first. */
export function describePriceTiers(tiers: readonly PriceTier[] | undefined): string[] {
  if (!tiers) return [];
  return [...tiers]
    .sort((first, second) => first.aboveInputTokens - second.aboveInputTokens)
    .map((tier) => `over ${formatTokenCount(tier.aboveInputTokens)} tokens: ${formatPricePer1k(tier.inputCostPer1k)} in / ${formatPricePer1k(tier.outputCostPer1k)} out`);
}
