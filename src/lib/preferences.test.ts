// Preferences live in an unauthenticated store, so every value is checked on read (security.md R11).
import { createStore, set } from 'idb-keyval';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_PREFERENCES, readPreference, resetPreference, writePreference } from './preferences';

const rawStore = createStore('vivim-byok-preferences', 'preferences');

beforeEach(async () => {
  await resetPreference('autoLockMinutes');
  await resetPreference('defaultModel');
});

describe('preferences read back only in-range values', () => {
  it('reads an idle lock of 1e9 minutes (a would-be "never") as the default', async () => {
    await set('autoLockMinutes', 1e9, rawStore);
    expect(await readPreference('autoLockMinutes')).toBe(DEFAULT_PREFERENCES.autoLockMinutes);
  });

  it.each([0, -5, 241, 7, Number.NaN, Infinity, '15', null])('reads an idle lock of %s as the default', async (value) => {
    await set('autoLockMinutes', value, rawStore);
    expect(await readPreference('autoLockMinutes')).toBe(15);
  });

  it('keeps every offered choice', async () => {
    for (const minutes of [1, 5, 15, 30, 60, 240]) {
      await writePreference('autoLockMinutes', minutes);
      expect(await readPreference('autoLockMinutes')).toBe(minutes);
    }
  });

  it('reads a malformed default model as none', async () => {
    await set('defaultModel', { provider: 7 }, rawStore);
    expect(await readPreference('defaultModel')).toBeNull();
    await writePreference('defaultModel', { provider: 'openai', modelId: 'gpt-4o' });
    expect(await readPreference('defaultModel')).toEqual({ provider: 'openai', modelId: 'gpt-4o' });
  });
});
