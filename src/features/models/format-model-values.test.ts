import { describe, expect, it } from 'vitest';
import { describePriceTiers, formatPricePer1k, formatTokenCount } from './format-model-values';

describe('formatTokenCount', () => {
  it('shortens token counts the way providers quote them', () => {
    expect(formatTokenCount(128_000)).toBe('128K');
    expect(formatTokenCount(16_385)).toBe('16.4K');
    expect(formatTokenCount(4_096)).toBe('4.1K');
    expect(formatTokenCount(1_048_576)).toBe('1.05M');
    expect(formatTokenCount(2_097_152)).toBe('2.1M');
    expect(formatTokenCount(512)).toBe('512');
    expect(formatTokenCount(null)).toBe('unknown');
  });
});

describe('formatPricePer1k', () => {
  it('uses formatCost, and says when the price is unknown', () => {
    expect(formatPricePer1k(0.0025)).toBe('$0.0025');
    expect(formatPricePer1k(0.01)).toBe('$0.01');
    expect(formatPricePer1k(null)).toBe('price unknown');
  });

  it('keeps the precision of cheap per-1K prices that four decimals would round away', () => {
    expect(formatPricePer1k(0.00015)).toBe('$0.00015');
    expect(formatPricePer1k(0.000075)).toBe('$0.000075');
    expect(formatPricePer1k(0.00125)).toBe('$0.00125');
    expect(formatPricePer1k(0)).toBe('$0.00');
  });
});

describe('describePriceTiers', () => {
  it('describes each tier above its prompt-size threshold, lowest first', () => {
    expect(describePriceTiers([
      { aboveInputTokens: 200_000, inputCostPer1k: 0.004, outputCostPer1k: 0.018 },
      { aboveInputTokens: 128_000, inputCostPer1k: 0.0025, outputCostPer1k: 0.01 },
    ])).toEqual(['over 128K tokens: $0.0025 in / $0.01 out', 'over 200K tokens: $0.004 in / $0.018 out']);
    expect(describePriceTiers(undefined)).toEqual([]);
  });
});
