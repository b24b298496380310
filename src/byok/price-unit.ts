// Prices in the unit people know. Providers quote USD per 1M tokens; the seed's table (and
// calculateCost) keeps USD per 1K. Only the display converts, so every figure stays one number.
export type PriceUnit = 'per-1m' | 'per-1k';

export const PRICE_UNITS: readonly PriceUnit[] = ['per-1m', 'per-1k'];

/** Per 1M by default: that is how every provider's price page quotes it. */
export const DEFAULT_PRICE_UNIT: PriceUnit = 'per-1m';

/** "per 1M" / "per 1K". */
export function priceUnitLabel(unit: PriceUnit): string {
  return unit === 'per-1m' ? 'per 1M' : 'per 1K';
}

/**
 * A per-1K price from the table, shown in `unit`: "$2.50" per 1M, "$0.0025" per 1K. At least two
 * decimals, and a cheap model keeps its significant digits ($0.000075, not "$0.0001"), so cheap
 * models compare truthfully.
 */
export function formatTokenPrice(usdPer1k: number | null, unit: PriceUnit): string {
  if (usdPer1k === null) return 'price unknown';
  const usd = unit === 'per-1m' ? usdPer1k * 1000 : usdPer1k;
  const trimmed = String(Number(usd.toFixed(7)));
  const decimals = trimmed.split('.')[1]?.length ?? 0;
  return `$${decimals < 2 ? usd.toFixed(2) : trimmed}`;
}
