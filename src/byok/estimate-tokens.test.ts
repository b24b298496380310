import { describe, expect, it } from 'vitest';
import { estimateInputCost, estimateRequestTokens, estimateTokens, IMAGE_TOKEN_ESTIMATE } from './estimate-tokens';

describe('estimateTokens', () => {
  it('counts about four characters per token', () => {
    expect(estimateTokens('')).toBe(0);
    expect(estimateTokens('abcd')).toBe(1);
    expect(estimateTokens('abcde')).toBe(2);
  });
  it('adds framing per message, the system prompt and images', () => {
    const tokens = estimateRequestTokens([{ role: 'user', content: [{ type: 'text', text: 'abcdefgh' }, { type: 'image', dataUrl: 'data:image/png;base64,AA==' }] }], 'abcd');
    expect(tokens).toBe(4 + 2 + IMAGE_TOKEN_ESTIMATE + 1);
  });
  it('prices the input side with the catalogue', () => {
    expect(estimateInputCost('openai', 'gpt-4o', [{ role: 'user', content: 'x'.repeat(3984) }])).toBeCloseTo(0.0025, 6);
    expect(estimateInputCost('openai', 'no-such-model', [{ role: 'user', content: 'x' }])).toBeNull();
  });
});
