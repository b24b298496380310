// A vault key goes only to the endpoint it is bound to (security.md R21, R22): a caller's baseUrl
// that differs is refused before the key is decrypted or any request is made, unless the caller
// passed the key explicitly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addKey, createVault, getKeyCredentials, resetForTests } from './api-key-manager';
import { setFetchForTests } from './providers/shared/provider-fetch';
import { createEventStreamResponse, createRecordingFetch, readFixture } from './providers/shared/test-helpers';
import { collectStream } from './streaming-client';
import type { ChatRequest } from './types';

const VAULT_KEY = 'sk-proj-CANARY-binding0123456789abcdef';
const base: ChatRequest = { provider: 'openai', model: 'gpt-4o', messages: [{ role: 'user', content: 'Hi' }] };

function record() {
  const recording = createRecordingFetch(() => createEventStreamResponse(readFixture('openai', 'openai-text.sse')));
  setFetchForTests(recording.fetch);
  return recording;
}

beforeAll(async () => {
  await resetForTests();
  await createVault('correct horse battery staple', { iterations: 600_000 });
  await addKey('openai', VAULT_KEY, { baseUrl: 'https://gateway.example/v1/' });
});
afterAll(async () => {
  setFetchForTests(undefined);
  await resetForTests();
});

describe('vault key endpoint binding', () => {
  it('sends the vault key to its bound endpoint', async () => {
    const recording = record();
    await collectStream(base);
    await collectStream({ ...base, baseUrl: 'https://gateway.example/v1' });
    expect(recording.requests.map((request) => request.url)).toEqual([
      'https://gateway.example/v1/chat/completions', 'https://gateway.example/v1/chat/completions',
    ]);
  });

  it('refuses a different baseUrl for the vault key, with no request made', async () => {
    const recording = record();
    for (const baseUrl of ['https://attacker.example/v1', 'https://gateway.example/other', 'https://gateway.example.attacker.example/v1']) {
      await expect(collectStream({ ...base, baseUrl })).rejects.toMatchObject({ code: 'INVALID_REQUEST', message: expect.stringContaining('bound to https://gateway.example/v1') });
      await expect(getKeyCredentials('openai', baseUrl)).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
    }
    expect(recording.requests).toEqual([]);
  });

  it('lets an explicitly passed key go to the caller endpoint, still validated', async () => {
    const recording = record();
    await collectStream({ ...base, apiKey: 'sk-proj-CANARY-explicit0123456789abc', baseUrl: 'https://other.example/v1' });
    expect(recording.requests[0]?.url).toBe('https://other.example/v1/chat/completions');
    await expect(collectStream({ ...base, apiKey: 'sk-proj-CANARY-explicit0123456789abc', baseUrl: 'http://evil.example/v1' })).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
  });
});
