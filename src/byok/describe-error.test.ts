import { describe, expect, it } from 'vitest';
import { describeError } from './describe-error';
import { BYOK_ERROR_CODES, BYOKError } from './types';

describe('describeError', () => {
  it('has words and an action for every error code', () => {
    for (const code of Object.values(BYOK_ERROR_CODES)) {
      const description = describeError(new BYOKError(code, 'x', { provider: 'openai' }));
      expect(description.code).toBe(code);
      expect(description.title.length).toBeGreaterThan(3);
      expect(description.detail.length).toBeGreaterThan(10);
    }
  });

  it('names the provider and the wait time', () => {
    const description = describeError(new BYOKError('RATE_LIMITED', 'slow down', { provider: 'anthropic', retryAfterMs: 4200 }));
    expect(description.title).toContain('Anthropic');
    expect(description.waitSeconds).toBe(5);
    expect(description.detail).toContain('5 s');
    expect(description.action).toBe('wait');
  });

  it('says both offline and CORS for a network error, and treats foreign errors as unknown', () => {
    expect(describeError(new BYOKError('NETWORK_ERROR', 'x', { provider: 'mistral' })).detail).toMatch(/offline.*CORS/);
    expect(describeError(new TypeError('boom')).code).toBe('UNKNOWN');
  });
});
