import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import { readPlainValue, writePlainValue } from '../vault/plain-data-store';
import { requireSession } from '../vault/vault-session';
import { createTestVault, ensureUnlocked, expectCode } from './conversation-test-fixtures';
import type { ConversationTool } from './conversation-types';
import { loadToolLibrary, saveToolLibrary } from './tool-library';

const weather: ConversationTool = {
  id: 'tool-1', name: 'get_weather', description: 'Current weather in a city', enabled: true,
  parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
};

beforeAll(async () => {
  await createTestVault();
  await ensureUnlocked();
});

describe('tool library', () => {
  it('is empty until something is saved, then reads back what was saved', async () => {
    expect(await loadToolLibrary()).toEqual([]);
    await saveToolLibrary([weather]);
    expect(await loadToolLibrary()).toEqual([weather]);
  });

  it('is stored encrypted: neither the name nor the schema is readable at rest', async () => {
    await saveToolLibrary([weather]);
    const stored = await readPlainValue<unknown>(`tool-library:${requireSession().header.vaultId}`);
    const text = JSON.stringify(stored);
    expect(text).not.toContain('get_weather');
    expect(text).not.toContain('city');
    expect(stored).toMatchObject({ iv: expect.any(String), ciphertext: expect.any(String) });
  });

  it('refuses a record that was altered', async () => {
    await saveToolLibrary([weather]);
    const key = `tool-library:${requireSession().header.vaultId}`;
    const stored = await readPlainValue<{ iv: string; ciphertext: string }>(key);
    if (!stored) throw new Error('nothing stored');
    const flipped = stored.ciphertext.startsWith('A') ? `B${stored.ciphertext.slice(1)}` : `A${stored.ciphertext.slice(1)}`;
    await writePlainValue(key, { ...stored, ciphertext: flipped });
    await expectCode(loadToolLibrary(), 'DECRYPTION_FAILED');
  });

  it('refuses a tool without a name', async () => {
    await expectCode(saveToolLibrary([{ ...weather, name: '' }]), 'INVALID_REQUEST');
  });
});
