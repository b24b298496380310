// The seed's own example imports validateKey from ./byok/api-key-manager: it must keep working.
import { describe, expect, it } from 'vitest';
import * as keyManager from './api-key-manager';

describe('seed contract', () => {
  it('exports validateKey from api-key-manager, with the same answers as validate-key', async () => {
    expect(typeof keyManager.validateKey).toBe('function');
    const result = await keyManager.validateKey('openai', 'not a key');
    expect(result).toMatchObject({ valid: false, code: 'INVALID_API_KEY' });
  });
});
