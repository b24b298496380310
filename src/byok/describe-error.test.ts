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

  it('says the storage is full when a write was refused for lack of space, whatever code it came with', () => {
    const full = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    for (const code of ['ENCRYPTION_FAILED', 'UNKNOWN'] as const) {
      const description = describeError(new BYOKError(code, 'Saving the vault failed; the previous vault is unchanged.', { cause: full }));
      expect(description).toMatchObject({ code, title: 'Storage full', action: 'none' });
      expect(description.detail).toMatch(/storage for this site is full, so nothing was saved\. Free disk space/);
    }
    expect(describeError(new BYOKError('ENCRYPTION_FAILED', 'Encryption failed.')).title).toBe('Could not encrypt');
  });

  it('says both offline and CORS for a network error, and treats foreign errors as unknown', () => {
    expect(describeError(new BYOKError('NETWORK_ERROR', 'x', { provider: 'mistral' })).detail).toMatch(/offline.*CORS/);
    expect(describeError(new TypeError('boom')).code).toBe('UNKNOWN');
  });
});
