import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { BYOK_PROVIDERS, isBYOKError, type BYOKErrorCode, type BYOKProvider } from './types';
import { formatKeyDisplay } from './provider-config';
import {
  addKey, createVault, getDecryptedKey, getKeyCredentials, isVaultUnlocked, listKeys, lockVault, lockWritesDone, markKeyUsed, onVaultLocked, onVaultLocking, removeKey,
  resetForTests, rotateKey, setIdleTimeout, setKeyEndpoint, setKeyVerification, touchActivity, unlockVault, vaultExists, DEFAULT_IDLE_TIMEOUT_MS,
} from './api-key-manager';
import { loadDraft, saveDraft } from './conversations/draft-store';
import { recordUsage, setMonthlyBudget } from './usage-ledger';
import { onKeysChanged } from './key-events';

// One vault for the file: every PBKDF2 run at the 600,000 floor costs ~0.4 s.
const PASSPHRASE = 'correct horse battery staple';
const canary = (prefix: string): string => `${prefix}CANARY-${crypto.randomUUID()}`;

function createCanaryKeys(): Record<BYOKProvider, string> {
  const mistral = crypto.randomUUID().replaceAll('-', '');
  return {
    openai: canary('sk-proj-'), anthropic: canary('sk-ant-api03-'), google: canary('AQ.'), xai: canary('xai-'), mistral,
  };
}

async function expectCode(promise: Promise<unknown>, code: BYOKErrorCode): Promise<void> {
  const outcome = await promise.then(() => 'resolved', (error: unknown) => error);
  expect(isBYOKError(outcome) ? outcome.code : outcome).toBe(code);
}

beforeAll(async () => {
  await resetForTests();
  await expectCode(unlockVault(PASSPHRASE), 'KEY_NOT_FOUND');
  await expect(createVault('too short')).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
  expect(await vaultExists()).toBe(false);
  await createVault(PASSPHRASE, { iterations: 600_000 });
});

beforeEach(async () => {
  setIdleTimeout(DEFAULT_IDLE_TIMEOUT_MS);
  if (!isVaultUnlocked()) await unlockVault(PASSPHRASE);
  for (const provider of BYOK_PROVIDERS) await removeKey(provider);
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('seed examples', () => {
  it('addKey returns {valid, error} for the seed\'s elided key instead of throwing', async () => {
    const result = await addKey('openai', 'sk-proj-abc123...');
    expect(result.valid).toBe(false);
    expect(result.error).toMatch(/sk-/);
    expect(await listKeys()).toEqual([]);
  });
});

describe('vault lifecycle', () => {
  it('refuses a second vault and keeps the first', async () => {
    await expectCode(createVault('another long passphrase'), 'INVALID_REQUEST');
    expect(await vaultExists()).toBe(true);
  });

  it('locks, refuses use while locked, and tells listeners', async () => {
    const key = canary('sk-proj-');
    await addKey('openai', key);
    const reasons: string[] = [];
    const unsubscribe = onVaultLocked((reason) => reasons.push(reason));
    lockVault();
    unsubscribe();
    expect(isVaultUnlocked()).toBe(false);
    expect(reasons).toEqual(['manual']);
    await expectCode(getDecryptedKey('openai'), 'VAULT_LOCKED');
    await expectCode(getKeyCredentials('openai'), 'VAULT_LOCKED');
    await expectCode(listKeys(), 'VAULT_LOCKED');
    await expectCode(addKey('xai', canary('xai-')), 'VAULT_LOCKED');
    // The format is checked first: a malformed key gets its answer even while locked, and nothing is stored.
    expect((await addKey('xai', 'nope')).valid).toBe(false);
    await unlockVault(PASSPHRASE);
    expect(await getDecryptedKey('openai')).toBe(key);
  });

  it('a lock by hand lets what is only in memory be sealed with the key first, and waits for it; an idle lock does not', async () => {
    let sealed: Promise<unknown> | null = null;
    const stop = onVaultLocking(() => {
      // Still unlocked here: the key can be used, and the write it starts finishes after the lock.
      sealed = saveDraft('conversation-1', 'typed a moment before the lock');
      return sealed;
    });
    lockVault();
    expect(isVaultUnlocked()).toBe(false);
    expect(sealed).not.toBeNull();
    await lockWritesDone();
    await unlockVault(PASSPHRASE);
    expect(await loadDraft('conversation-1')).toBe('typed a moment before the lock');
    sealed = null;
    setIdleTimeout(1);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(isVaultUnlocked()).toBe(false);
    stop();
    setIdleTimeout(DEFAULT_IDLE_TIMEOUT_MS);
    expect(sealed).toBeNull();
  });

  it('locks after the idle timeout, checked at use (R12)', async () => {
    await addKey('openai', canary('sk-proj-'));
    const reasons: string[] = [];
    onVaultLocked((reason) => reasons.push(reason));
    setIdleTimeout(60_000);
    const start = Date.now();
    touchActivity(start);
    const now = vi.spyOn(Date, 'now').mockReturnValue(start + 59_000);
    expect(isVaultUnlocked()).toBe(true);
    touchActivity();
    now.mockReturnValue(start + 59_000 + 60_000);
    await expectCode(getDecryptedKey('openai'), 'VAULT_LOCKED');
    expect(isVaultUnlocked()).toBe(false);
    expect(reasons).toEqual(['idle']);
    // Activity after the timeout does not revive the session.
    touchActivity();
    expect(isVaultUnlocked()).toBe(false);
    expect(() => setIdleTimeout(0)).toThrow(RangeError);
  });
});

describe('keys', () => {
  it('adds, lists metadata only, and decrypts on demand without marking use', async () => {
    const key = canary('sk-proj-');
    expect(await addKey('openai', `  ${key}\n`)).toEqual({ valid: true });
    const [stored] = await listKeys();
    expect(stored).toMatchObject({
      provider: 'openai', keyPrefix: formatKeyDisplay(key), baseUrl: 'https://api.openai.com/v1', lastUsed: null, verification: 'unverified', isValid: null,
    });
    expect(JSON.stringify(await listKeys())).not.toContain(key.slice(8));
    expect(await getDecryptedKey('openai')).toBe(key);
    expect(await getKeyCredentials('openai')).toEqual({ apiKey: key, baseUrl: 'https://api.openai.com/v1' });
    expect((await listKeys())[0]?.lastUsed).toBeNull();
  });

  it('refuses a second key for a provider and points to rotate', async () => {
    const first = canary('xai-');
    await addKey('xai', first);
    const result = await addKey('xai', canary('xai-'));
    expect(result.valid).toBe(false);
    expect(result.error).toMatch(/rotate/i);
    expect(await getDecryptedKey('xai')).toBe(first);
  });

  it('stores nothing for a malformed key and never echoes it', async () => {
    const bad = canary('sk-admin-');
    const result = await addKey('openai', bad);
    expect(result.valid).toBe(false);
    expect(result.error).not.toContain(bad);
    expect(await listKeys()).toEqual([]);
  });

  it('rotates: new key, same endpoint, verification reset', async () => {
    await addKey('anthropic', canary('sk-ant-api03-'), { baseUrl: 'http://localhost:8787/v1' });
    await setKeyVerification('anthropic', 'verified');
    expect((await listKeys())[0]?.isValid).toBe(true);
    const next = canary('sk-ant-api03-');
    expect(await rotateKey('anthropic', next)).toEqual({ valid: true });
    expect(await getKeyCredentials('anthropic')).toEqual({ apiKey: next, baseUrl: 'http://localhost:8787/v1' });
    expect((await listKeys())[0]).toMatchObject({ verification: 'unverified', isValid: null, keyPrefix: formatKeyDisplay(next) });
    expect((await rotateKey('mistral', 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6')).valid).toBe(false);
    expect((await rotateKey('anthropic', 'sk-ant-oat01-whatever-token-here')).valid).toBe(false);
  });

  it('removes a key (KEY_NOT_FOUND afterwards) and marks use and verification', async () => {
    await addKey('google', canary('AIza'));
    await markKeyUsed('google', 1_800_000_000_000);
    await setKeyVerification('google', 'invalid');
    expect((await listKeys())[0]).toMatchObject({ lastUsed: 1_800_000_000_000, verification: 'invalid', isValid: false });
    await removeKey('google');
    await expectCode(getDecryptedKey('google'), 'KEY_NOT_FOUND');
    await expectCode(getKeyCredentials('google'), 'KEY_NOT_FOUND');
    await expect(markKeyUsed('google')).resolves.toBeUndefined();
  });

  it('tells this tab and the other tabs about every key change, with a word and nothing else', async () => {
    const heard: unknown[] = [];
    const otherTab = new BroadcastChannel('vivim-byok-keys');
    otherTab.addEventListener('message', (event: MessageEvent) => heard.push(event.data));
    let calls = 0;
    const stop = onKeysChanged(() => { calls += 1; });
    const key = canary('xai-');
    await addKey('xai', key);
    await setKeyVerification('xai', 'verified');
    await markKeyUsed('xai');
    await removeKey('xai');
    stop();
    await new Promise((resolve) => setTimeout(resolve, 20));
    otherTab.close();
    expect(calls).toBe(4);
    expect(heard).toEqual(['keys-changed', 'keys-changed', 'keys-changed', 'keys-changed']);
  });

  it('refuses unsafe endpoints on add', async () => {
    for (const baseUrl of ['http://api.openai.com/v1', 'https://api.openai.com@evil.example/v1', 'https://evil.example/?api.openai.com']) {
      const result = await addKey('openai', canary('sk-proj-'), { baseUrl });
      expect(result.valid).toBe(false);
      expect(result.error).toMatch(/endpoint/);
    }
    expect(await listKeys()).toEqual([]);
  });

  it('T22 moves a key to another endpoint only with the passphrase, re-encrypting it', async () => {
    const key = canary('sk-proj-');
    await addKey('openai', key);
    await expectCode(setKeyEndpoint('openai', 'wrong passphrase!!', 'http://127.0.0.1:8787/v1'), 'WRONG_PASSPHRASE');
    await expectCode(setKeyEndpoint('openai', PASSPHRASE, 'http://192.168.1.5/v1'), 'INVALID_REQUEST');
    expect((await getKeyCredentials('openai')).baseUrl).toBe('https://api.openai.com/v1');
    await setKeyEndpoint('openai', PASSPHRASE, 'http://127.0.0.1:8787/v1/');
    expect(await getKeyCredentials('openai')).toEqual({ apiKey: key, baseUrl: 'http://127.0.0.1:8787/v1' });
  });
});

function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Every value of every object store of every database, read with raw IndexedDB cursors. */
async function dumpAllIndexedDb(): Promise<string[]> {
  const request = <T>(idbRequest: IDBRequest<T>): Promise<T> =>
    new Promise((resolve, reject) => {
      idbRequest.onsuccess = () => resolve(idbRequest.result);
      idbRequest.onerror = () => reject(idbRequest.error);
    });
  const dumped: string[] = [];
  for (const { name } of await indexedDB.databases()) {
    if (name === undefined) continue;
    const database = await request(indexedDB.open(name));
    for (const storeName of Array.from(database.objectStoreNames)) {
      const store = database.transaction(storeName, 'readonly').objectStore(storeName);
      await new Promise<void>((resolve, reject) => {
        const cursor = store.openCursor();
        cursor.onerror = () => reject(cursor.error);
        cursor.onsuccess = () => {
          const current = cursor.result;
          if (current === null) return resolve();
          expect(current.value instanceof CryptoKey).toBe(false);
          dumped.push(`${name}/${storeName}/${String(current.key)}=${JSON.stringify(current.value)}`);
          current.continue();
        };
      });
    }
    database.close();
  }
  return dumped;
}

function encodingsOf(key: string): string[] {
  const utf8 = new TextEncoder().encode(key);
  const utf16 = new Uint8Array(Array.from(key).flatMap((character) => [character.charCodeAt(0) & 0xff, character.charCodeAt(0) >> 8]));
  return [key, btoa(key), btoa(key).replace(/=+$/, ''), toHex(utf8), toHex(utf16), key.slice(5, -4)];
}

describe('R17 canary scan of IndexedDB', () => {
  it('finds no key, in raw, base64 or hex, after adding keys for all five providers', async () => {
    const keys = createCanaryKeys();
    for (const provider of BYOK_PROVIDERS) expect(await addKey(provider, keys[provider])).toEqual({ valid: true });
    await markKeyUsed('openai');
    await setKeyVerification('xai', 'verified');
    await recordUsage({ provider: 'openai', model: 'gpt-4o', inputTokens: 10, outputTokens: 5, cost: 0.0001 });
    await setMonthlyBudget('openai', 5);
    lockVault();
    const dump = (await dumpAllIndexedDb()).join('\n');
    expect(dump).toContain('vivim-byok-vault/vault/header');
    expect(dump).toContain('vivim-byok-data/data/usage:openai');
    for (const provider of BYOK_PROVIDERS) {
      for (const form of encodingsOf(keys[provider])) expect(dump.includes(form), `${provider} ${form}`).toBe(false);
    }
  });

  it('the scan itself finds a canary that was stored on purpose (control)', async () => {
    const planted = canary('sk-proj-');
    const { writePlainValue } = await import('./vault/plain-data-store');
    await writePlainValue('control', { note: planted });
    expect((await dumpAllIndexedDb()).join('\n')).toContain(planted);
  });
});
