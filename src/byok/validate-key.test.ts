import { afterEach, describe, expect, it } from 'vitest';
import { setFetchForTests } from './providers/shared/provider-fetch';
import { createJsonResponse, createRecordingFetch } from './providers/shared/test-helpers';
import { validateKey } from './validate-key';

afterEach(() => setFetchForTests(undefined));

describe('validateKey', () => {
  it('refuses a malformed key without any request', async () => {
    const recording = createRecordingFetch(() => createJsonResponse(200, { data: [] }));
    setFetchForTests(recording.fetch);
    const result = await validateKey('mistral', 'not a key');
    expect(result).toMatchObject({ valid: false, code: 'INVALID_API_KEY' });
    expect(recording.requests).toHaveLength(0);
  });

  it('returns the model ids on success, using the default endpoint', async () => {
    const recording = createRecordingFetch(() => createJsonResponse(200, { data: [{ id: 'gpt-4o' }] }));
    setFetchForTests(recording.fetch);
    await expect(validateKey('openai', '  sk-proj-abcdefghijklmnopqrstuvwxyz  ')).resolves.toEqual({ valid: true, models: ['gpt-4o'] });
    expect(recording.requests[0]?.url).toBe('https://api.openai.com/v1/models');
    expect(recording.requests[0]?.headers['authorization']).toBe('Bearer sk-proj-abcdefghijklmnopqrstuvwxyz');
  });

  it('turns a provider refusal into words and a code', async () => {
    setFetchForTests(createRecordingFetch(() => createJsonResponse(429, { error: { message: 'quota', type: 'insufficient_quota', code: 'insufficient_quota' } })).fetch);
    const result = await validateKey('openai', 'sk-proj-abcdefghijklmnopqrstuvwxyz');
    expect(result).toMatchObject({ valid: false, code: 'INSUFFICIENT_QUOTA' });
    expect(result.error).toMatch(/credit|quota/);
  });
});
