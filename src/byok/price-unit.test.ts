import { describe, expect, it } from 'vitest';
import { formatTokenPrice, priceUnitLabel } from './price-unit';

describe('formatTokenPrice', () => {
  it('shows the table price per 1M as providers quote it', () => {
    expect(formatTokenPrice(0.0025, 'per-1m')).toBe('$2.50');
    expect(formatTokenPrice(0.01, 'per-1m')).toBe('$10.00');
    expect(formatTokenPrice(0.000075, 'per-1m')).toBe('$0.075');
    expect(formatTokenPrice(0.0003, 'per-1m')).toBe('$0.30');
    expect(formatTokenPrice(0.003125, 'per-1m')).toBe('$3.125');
  });

  it('shows the table price per 1K without rounding cheap prices away', () => {
    expect(formatTokenPrice(0.0025, 'per-1k')).toBe('$0.0025');
    expect(formatTokenPrice(0.01, 'per-1k')).toBe('$0.01');
    expect(formatTokenPrice(0.00015, 'per-1k')).toBe('$0.00015');
    expect(formatTokenPrice(0.000075, 'per-1k')).toBe('$0.000075');
    expect(formatTokenPrice(0, 'per-1k')).toBe('$0.00');
  });

  it('says so when the price is unknown, in either unit', () => {
    expect(formatTokenPrice(null, 'per-1m')).toBe('price unknown');
    expect(formatTokenPrice(null, 'per-1k')).toBe('price unknown');
  });

  it('names the unit', () => {
    expect(priceUnitLabel('per-1m')).toBe('per 1M');
    expect(priceUnitLabel('per-1k')).toBe('per 1K');
  });
});
