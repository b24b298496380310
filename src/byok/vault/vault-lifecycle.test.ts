import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isBYOKError, type BYOKErrorCode } from '../types';
import { decodeBase64, deriveKeyFromPassword, encodeBase64, wrapDataKey } from '../crypto';
import {
  addKey, changePassphrase, createVault, exportVault, getDecryptedKey, importVault, isVaultUnlocked, listKeys, lockVault, resetForTests,
  setKeyVerification, unlockVault, vaultExists,
} from '../api-key-manager';
import { KDF_ALGORITHM, LEGACY_ITERATIONS } from './kdf-parameters';
import { createKeyRecord, recordEntryKey, type KeyRecord } from './key-records';
import { DEK_ROTATION_WRITES, type OpenVault } from './vault-lifecycle';
import { assertHeaderShape, encodeWrapContext, openHeader, type VaultHeader } from './vault-header';
import { requireSession, startSession, updateSessionHeader } from './vault-session';
import { HEADER_ENTRY, failNextVaultWriteForTests, readAllVaultEntries, readVaultEntry, writeVaultAtomically } from './vault-storage';

const PASSPHRASE = 'correct horse battery staple';
const FAST = { iterations: 600_000 };
const canary = (prefix: string): string => `${prefix}CANARY-${crypto.randomUUID()}`;

async function outcomeOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(() => 'resolved', (error: unknown) => error);
}

async function expectCode(promise: Promise<unknown>, code: BYOKErrorCode): Promise<void> {
  const outcome = await outcomeOf(promise);
  expect(isBYOKError(outcome) ? outcome.code : outcome).toBe(code);
}

const readHeader = async (): Promise<VaultHeader> => (await readVaultEntry<VaultHeader>(HEADER_ENTRY)) as VaultHeader;
const writeHeader = (header: unknown): Promise<void> => writeVaultAtomically({ put: [[HEADER_ENTRY, header]] });

// Each PBKDF2 run at the 600,000 floor costs ~0.4 s, so one vault is created for the file and
// restored (stored entries + the unlocked session) where a test needs a fresh one.
let snapshot: { entries: Array<[string, unknown]>; opened: OpenVault; key: string };

beforeAll(async () => {
  await resetForTests();
  await createVault(PASSPHRASE, FAST);
  const key = canary('sk-proj-');
  expect(await addKey('openai', key)).toEqual({ valid: true });
  snapshot = { entries: await readAllVaultEntries(), opened: requireSession(), key };
});

async function createVaultWithKey(): Promise<string> {
  await writeVaultAtomically({ put: snapshot.entries });
  startSession(snapshot.opened);
  return snapshot.key;
}

beforeEach(async () => {
  await resetForTests();
});

describe('T13 the session data key', () => {
  it('is non-extractable with usages exactly encrypt/decrypt, after create and after unlock', async () => {
    await createVaultWithKey();
    for (let round = 0; round < 2; round += 1) {
      const { dek } = requireSession();
      expect(dek.extractable).toBe(false);
      expect([...dek.usages].sort()).toEqual(['decrypt', 'encrypt']);
      const exported = await outcomeOf(crypto.subtle.exportKey('raw', dek));
      expect(exported).toBeInstanceOf(DOMException);
      // Browsers say InvalidAccessError; Node 20 says InvalidAccessException.
      expect((exported as DOMException).name).toMatch(/^InvalidAccess(Error|Exception)$/);
      lockVault();
      if (round === 0) await unlockVault(PASSPHRASE);
    }
    const stored = (await readAllVaultEntries()).map(([, value]) => value);
    expect(stored.some((value) => value instanceof CryptoKey)).toBe(false);
  });
});

describe('T6 wrong passphrase', () => {
  it('refuses neighbouring passphrases with WRONG_PASSPHRASE and changes nothing', async () => {
    const key = await createVaultWithKey();
    lockVault();
    const before = await readAllVaultEntries();
    const neighbours = ['Correct horse battery staple', 'correct horse battery stapl', 'correct horse battery staplf', 'correct horse battery staple '];
    // In parallel: each attempt is a full PBKDF2 run, and none of them writes anything.
    await Promise.all(neighbours.map((wrong) => expectCode(unlockVault(wrong), 'WRONG_PASSPHRASE')));
    expect(isVaultUnlocked()).toBe(false);
    expect(await readAllVaultEntries()).toEqual(before);
    await unlockVault(PASSPHRASE);
    expect(await getDecryptedKey('openai')).toBe(key);
  });
});

describe('T14 header tampering', () => {
  const tampers: Array<[string, (header: VaultHeader) => unknown, BYOKErrorCode]> = [
    ['iterations below the floor', (h) => ({ ...h, kdf: { ...h.kdf, iterations: 599_999 } }), 'DECRYPTION_FAILED'],
    ['a 15-byte salt', (h) => ({ ...h, kdf: { ...h.kdf, salt: encodeBase64(new Uint8Array(15)) } }), 'DECRYPTION_FAILED'],
    ['an unknown algorithm', (h) => ({ ...h, kdf: { ...h.kdf, alg: 'argon2id' } }), 'DECRYPTION_FAILED'],
    ['an unknown version', (h) => ({ ...h, v: 2 }), 'DECRYPTION_FAILED'],
    ['a relabelled legacy version', (h) => ({ ...h, v: 0 }), 'DECRYPTION_FAILED'],
    ['a removed seal', (h) => ({ ...h, seal: undefined }), 'DECRYPTION_FAILED'],
    ['another vault id', (h) => ({ ...h, vaultId: crypto.randomUUID() }), 'DECRYPTION_FAILED'],
    ['another creation time', (h) => ({ ...h, createdAt: h.createdAt + 1 }), 'DECRYPTION_FAILED'],
    ['a rolled-back write counter', (h) => ({ ...h, writeCount: 0 }), 'DECRYPTION_FAILED'],
    ['a flipped wrapped-key byte', (h) => ({ ...h, wrappedDek: { ...h.wrappedDek, ciphertext: flipFirstByte(h.wrappedDek.ciphertext) } }), 'DECRYPTION_FAILED'],
    // Iterations and salt within range only change the derived key: indistinguishable from a wrong passphrase, still refused.
    ['in-range iterations', (h) => ({ ...h, kdf: { ...h.kdf, iterations: h.kdf.iterations + 1 } }), 'WRONG_PASSPHRASE'],
    ['another 16-byte salt', (h) => ({ ...h, kdf: { ...h.kdf, salt: encodeBase64(new Uint8Array(16)) } }), 'WRONG_PASSPHRASE'],
  ];

  it('fails closed on edits of the stored header and unlocks again once it is restored', async () => {
    const key = await createVaultWithKey();
    lockVault();
    const original = await readHeader();
    for (const [label, tamper, code] of [tampers[0], tampers[6], tampers[8]].filter((entry) => entry !== undefined)) {
      await writeHeader(tamper(structuredClone(original)));
      const outcome = await outcomeOf(unlockVault(PASSPHRASE));
      expect([label, isBYOKError(outcome) ? outcome.code : outcome]).toEqual([label, code]);
      expect(isVaultUnlocked()).toBe(false);
    }
    await writeHeader(original);
    await unlockVault(PASSPHRASE);
    expect(await getDecryptedKey('openai')).toBe(key);
  });

  it('fails closed on every field edit (the checks unlock runs, in parallel)', async () => {
    await createVaultWithKey();
    const original = await readHeader();
    const open = async (candidate: unknown): Promise<CryptoKey> => {
      assertHeaderShape(candidate, true);
      return openHeader(candidate, PASSPHRASE);
    };
    const outcomes = await Promise.all(tampers.map(async ([label, tamper]) => {
      const outcome = await outcomeOf(open(tamper(structuredClone(original))));
      return [label, isBYOKError(outcome) ? outcome.code : outcome];
    }));
    expect(outcomes).toEqual(tampers.map(([label, , code]) => [label, code]));
  });
});

function flipFirstByte(base64: string): string {
  const bytes = decodeBase64(base64);
  bytes[0] = (bytes[0] ?? 0) ^ 0xff;
  return encodeBase64(bytes);
}

describe('T5 records are bound to their vault, record, provider and endpoint', () => {
  it('a ciphertext moved to another record or endpoint does not decrypt', async () => {
    const openaiKey = await createVaultWithKey();
    expect(await addKey('xai', canary('xai-'))).toEqual({ valid: true });
    const openaiRecord = (await readVaultEntry<KeyRecord>(recordEntryKey('openai'))) as KeyRecord;
    const xaiRecord = (await readVaultEntry<KeyRecord>(recordEntryKey('xai'))) as KeyRecord;
    await writeVaultAtomically({ put: [[recordEntryKey('xai'), { ...xaiRecord, secret: openaiRecord.secret }]] });
    await expectCode(getDecryptedKey('xai'), 'DECRYPTION_FAILED');
    await writeVaultAtomically({ put: [[recordEntryKey('openai'), { ...openaiRecord, endpointOrigin: 'https://evil.example' }]] });
    await expectCode(getDecryptedKey('openai'), 'DECRYPTION_FAILED');
    await writeVaultAtomically({ put: [[recordEntryKey('openai'), { ...openaiRecord, recordId: crypto.randomUUID() }]] });
    await expectCode(getDecryptedKey('openai'), 'DECRYPTION_FAILED');
    await writeVaultAtomically({ put: [[recordEntryKey('openai'), openaiRecord]] });
    expect(await getDecryptedKey('openai')).toBe(openaiKey);
  });
});

async function seedLegacyVault(passphrase: string, apiKey: string): Promise<VaultHeader> {
  const dek = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const context = { v: 0 as const, vaultId: crypto.randomUUID(), kdf: { alg: KDF_ALGORITHM as typeof KDF_ALGORITHM, iterations: LEGACY_ITERATIONS, salt: encodeBase64(salt) }, createdAt: 1_700_000_000_000 };
  const kek = await deriveKeyFromPassword(passphrase, salt, LEGACY_ITERATIONS);
  const header: VaultHeader = { ...context, wrappedDek: await wrapDataKey(kek, dek, encodeWrapContext(context)), writeCount: 2 };
  const identity = { recordId: crypto.randomUUID(), provider: 'openai' as const, endpointOrigin: 'https://api.openai.com' };
  const details = { keyPrefix: 'sk-pr••••••••abcd', baseUrl: 'https://api.openai.com/v1', createdAt: 1, lastUsed: null, verification: 'unverified' as const };
  const record = await createKeyRecord(dek, context.vaultId, identity, apiKey, details);
  await writeVaultAtomically({ put: [[HEADER_ENTRY, header], [recordEntryKey('openai'), record]] });
  return header;
}

describe('T11 migration of a legacy v0 vault (100,000 iterations)', () => {
  it('an interrupted migration leaves the old vault unlockable; a completed one re-wraps the same DEK', async () => {
    const key = canary('sk-proj-');
    const legacy = await seedLegacyVault(PASSPHRASE, key);
    await expectCode(unlockVault('not the passphrase at all'), 'WRONG_PASSPHRASE');
    failNextVaultWriteForTests();
    await expectCode(unlockVault(PASSPHRASE, FAST), 'ENCRYPTION_FAILED');
    expect(isVaultUnlocked()).toBe(false);
    expect(await readHeader()).toEqual(legacy);

    await unlockVault(PASSPHRASE, FAST);
    const migrated = await readHeader();
    expect(migrated).toMatchObject({ v: 1, vaultId: legacy.vaultId, createdAt: legacy.createdAt });
    expect(migrated.kdf.iterations).toBeGreaterThanOrEqual(600_000);
    expect(migrated.kdf.salt).not.toBe(legacy.kdf.salt);
    expect(decodeBase64(migrated.kdf.salt)).toHaveLength(16);
    expect(await getDecryptedKey('openai')).toBe(key);
    lockVault();
    await unlockVault(PASSPHRASE);
    expect(await getDecryptedKey('openai')).toBe(key);
  });
});

describe('T12 passphrase normalisation', () => {
  it('unlocks with the decomposed form of a composed passphrase, and with emoji', async () => {
    await createVault('p\u01FBssword vault one', FAST);
    lockVault();
    await unlockVault('pa\u030A\u0301ssword vault one');
    expect(isVaultUnlocked()).toBe(true);
    await resetForTests();
    await createVault('😀password🙏 vault', FAST);
    lockVault();
    await expectCode(unlockVault('password vault'), 'WRONG_PASSPHRASE');
    await unlockVault('😀password🙏 vault');
    expect(isVaultUnlocked()).toBe(true);
  });
});

describe('writes are atomic', () => {
  it('a failed write leaves the previous vault intact and usable', async () => {
    const key = await createVaultWithKey();
    const before = await readAllVaultEntries();
    failNextVaultWriteForTests();
    await expectCode(addKey('xai', canary('xai-')), 'ENCRYPTION_FAILED');
    expect(await readAllVaultEntries()).toEqual(before);
    expect((await listKeys()).map((stored) => stored.provider)).toEqual(['openai']);
    expect(await addKey('mistral', 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6')).toEqual({ valid: true });
    lockVault();
    await unlockVault(PASSPHRASE);
    expect(await getDecryptedKey('openai')).toBe(key);
  });

  it('a failed passphrase change keeps the old passphrase', async () => {
    await createVaultWithKey();
    failNextVaultWriteForTests();
    await expectCode(changePassphrase(PASSPHRASE, 'a brand new passphrase', FAST), 'ENCRYPTION_FAILED');
    lockVault();
    await unlockVault(PASSPHRASE);
  });
});

describe('passphrase change and DEK rotation', () => {
  it('change re-wraps only: new salt, records untouched, old passphrase refused', async () => {
    const key = await createVaultWithKey();
    const header = await readHeader();
    const record = await readVaultEntry(recordEntryKey('openai'));
    await changePassphrase(PASSPHRASE, 'a brand new passphrase', FAST);
    expect((await readHeader()).kdf.salt).not.toBe(header.kdf.salt);
    expect(await readVaultEntry(recordEntryKey('openai'))).toEqual(record);
    lockVault();
    await expectCode(unlockVault(PASSPHRASE), 'WRONG_PASSPHRASE');
    await unlockVault('a brand new passphrase');
    expect(await getDecryptedKey('openai')).toBe(key);
  });

  it('T9 rotates the DEK at unlock once the write counter reaches 2^20', async () => {
    const key = await createVaultWithKey();
    updateSessionHeader({ ...requireSession().header, writeCount: DEK_ROTATION_WRITES });
    await setKeyVerification('openai', 'verified');
    const before = await readHeader();
    const recordBefore = (await readVaultEntry<KeyRecord>(recordEntryKey('openai'))) as KeyRecord;
    expect(before.writeCount).toBeGreaterThan(DEK_ROTATION_WRITES);
    lockVault();
    await unlockVault(PASSPHRASE);
    const after = await readHeader();
    expect(after.writeCount).toBeLessThan(10);
    expect(after.wrappedDek).not.toEqual(before.wrappedDek);
    expect((await readVaultEntry<KeyRecord>(recordEntryKey('openai')))?.secret).not.toEqual(recordBefore.secret);
    expect(await getDecryptedKey('openai')).toBe(key);
    expect((await listKeys())[0]?.verification).toBe('verified');
  });
});

describe('T10 / R33 encrypted backup', () => {
  it('exports ciphertext only and imports after proving the passphrase', async () => {
    const key = await createVaultWithKey();
    const backup = await exportVault();
    for (const form of [key, btoa(key), Array.from(new TextEncoder().encode(key), (byte) => byte.toString(16).padStart(2, '0')).join('')]) {
      expect(backup).not.toContain(form);
    }
    await resetForTests();
    await expectCode(importVault(backup, 'Correct horse battery staple'), 'WRONG_PASSPHRASE');
    expect(await vaultExists()).toBe(false);
    await importVault(backup, PASSPHRASE);
    expect(isVaultUnlocked()).toBe(true);
    expect(await getDecryptedKey('openai')).toBe(key);
  });

  it('refuses downgraded or malformed backups without touching the existing vault', async () => {
    await createVaultWithKey();
    const backup = JSON.parse(await exportVault()) as { header: VaultHeader };
    const before = await readAllVaultEntries();
    const variants = [
      { ...backup, header: { ...backup.header, kdf: { ...backup.header.kdf, iterations: 599_999 } } },
      { ...backup, header: { ...backup.header, kdf: { ...backup.header.kdf, salt: encodeBase64(new Uint8Array(15)) } } },
      { ...backup, header: { ...backup.header, kdf: { ...backup.header.kdf, alg: 'PBKDF2-SHA1' } } },
    ];
    for (const variant of variants) await expect(importVault(JSON.stringify(variant), PASSPHRASE)).rejects.toThrow(/downgrade/);
    await expect(importVault('{"format":"something-else"}', PASSPHRASE)).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
    await expect(importVault('not json', PASSPHRASE)).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
    expect(await readAllVaultEntries()).toEqual(before);
  });

  it('refuses to create a vault below the floor, mentioning a downgrade', async () => {
    await expect(createVault(PASSPHRASE, { iterations: 599_999 })).rejects.toThrow(/downgrade/);
    expect(await vaultExists()).toBe(false);
  });
});
