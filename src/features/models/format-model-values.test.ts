import { describe, expect, it } from 'vitest';
import { describePriceTiers, formatTokenCount } from './format-model-values';

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

describe('describePriceTiers', () => {
  it('describes each tier above its prompt-size threshold, lowest first', () => {
    const tiers = [
      { aboveInputTokens: 200_000, inputCostPer1k: 0.004, outputCostPer1k: 0.018 },
      { aboveInputTokens: 128_000, inputCostPer1k: 0.0025, outputCostPer1k: 0.01 },
    ];
    expect(describePriceTiers(tiers, 'per-1k')).toEqual(['over 128K tokens: $0.0025 in / $0.01 out', 'over 200K tokens: $0.004 in / $0.018 out']);
    expect(describePriceTiers(tiers, 'per-1m')).toEqual(['over 128K tokens: $2.50 in / $10.00 out', 'over 200K tokens: $4.00 in / $18.00 out']);
    expect(describePriceTiers(undefined, 'per-1m')).toEqual([]);
  });
});
