import { afterEach, describe, expect, it, vi } from 'vitest';
import { isBYOKError } from './types';
import {
  GCM_TAG_BITS, decodeBase64, decryptFromBytes, decryptValue, deriveBits, deriveKeyFromPassword, encodeBase64, encryptToBytes, encryptValue, type EncryptedValue,
} from './crypto';

const toHex = (bytes: Uint8Array): string => Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
const encoder = new TextEncoder();

async function createTestKey(): Promise<CryptoKey> {
  return crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

async function expectDecryptionFailure(promise: Promise<unknown>): Promise<void> {
  const outcome = await promise.then(() => 'decrypted', (error: unknown) => error);
  expect(isBYOKError(outcome, 'DECRYPTION_FAILED')).toBe(true);
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('T1 PBKDF2-HMAC-SHA256 known answers (RFC 7914 §11) through deriveBits', () => {
  it('passwd / salt / c=1', async () => {
    expect(toHex(await deriveBits('passwd', encoder.encode('salt'), 1, 512))).toBe(
      '55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783',
    );
  });

  it('Password / NaCl / c=80000', async () => {
    expect(toHex(await deriveBits('Password', encoder.encode('NaCl'), 80_000, 512))).toBe(
      '4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56a1d425a1225833549adb841b51c9b3176a272bdebba1d078478f62b397f33c8d',
    );
  });

  it('T12 normalises NFKD: composed and decomposed pǻssword derive the same bits; emoji works', async () => {
    const salt = encoder.encode('salt-salt-salt-1');
    const composed = 'p\u01FBssword';
    const decomposed = 'pa\u030A\u0301ssword';
    expect(composed).not.toBe(decomposed);
    expect(toHex(await deriveBits(composed, salt, 1000))).toBe(toHex(await deriveBits(decomposed, salt, 1000)));
    expect(toHex(await deriveBits('😀password🙏', salt, 1000))).not.toBe(toHex(await deriveBits('password', salt, 1000)));
    // Never trimmed: a trailing space is part of the passphrase.
    expect(toHex(await deriveBits('password ', salt, 1000))).not.toBe(toHex(await deriveBits('password', salt, 1000)));
  });

  it('refuses non-positive iteration counts', async () => {
    await expect(deriveBits('x', new Uint8Array(16), 0)).rejects.toMatchObject({ code: 'ENCRYPTION_FAILED' });
  });

  it('derives a non-extractable AES-GCM key that encrypts and wraps', async () => {
    const key = await deriveKeyFromPassword('correct horse battery', new Uint8Array(16), 1000);
    expect(key.extractable).toBe(false);
    expect(key.algorithm).toMatchObject({ name: 'AES-GCM', length: 256 });
    expect([...key.usages].sort()).toEqual(['decrypt', 'encrypt', 'unwrapKey', 'wrapKey']);
  });
});

describe('T2 AES-256-GCM known answer (McGrew–Viega test case 14)', () => {
  it('zero key, zero IV, 16 zero bytes', async () => {
    const key = await crypto.subtle.importKey('raw', new Uint8Array(32), 'AES-GCM', false, ['encrypt', 'decrypt']);
    const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv: new Uint8Array(12), tagLength: GCM_TAG_BITS }, key, new Uint8Array(16));
    expect(toHex(new Uint8Array(sealed))).toBe('cea7403d4d606b6e074ec5d3baf39d18' + 'd0d1c8a799996bf0265b98b5d48ab919');
  });
});

describe('encryptToBytes / decryptFromBytes (binary records)', () => {
  it('round-trips as one buffer: 12-byte IV, ciphertext, 16-byte tag', async () => {
    const key = await createTestKey();
    for (const plaintext of ['', 'x', 'clé — 鍵 — 🔑'.repeat(500)]) {
      const packed = await encryptToBytes(key, plaintext, 'aad');
      expect(packed.length).toBe(12 + new TextEncoder().encode(plaintext).length + 16);
      expect(await decryptFromBytes(key, packed, 'aad')).toBe(plaintext);
      // A view into a larger buffer (as IndexedDB may hand back) opens the same.
      const padded = new Uint8Array(packed.length + 8);
      padded.set(packed, 4);
      expect(await decryptFromBytes(key, padded.subarray(4, 4 + packed.length), 'aad')).toBe(plaintext);
    }
  });

  it('fails closed on any flipped byte, truncation, an appended byte, another AAD, no AAD or a non-binary value', async () => {
    const key = await createTestKey();
    const packed = await encryptToBytes(key, 'sk-proj-CANARY-binary', 'aad');
    const attempts: unknown[] = [packed.slice(0, -1), packed.slice(0, -16), packed.slice(0, 27), new Uint8Array([...packed, 0]), encodeBase64(packed), packed.buffer, null];
    for (let index = 0; index < packed.length; index += 1) {
      const flipped = packed.slice();
      flipped[index] = (flipped[index] ?? 0) ^ 0x01;
      attempts.push(flipped);
    }
    for (const attempt of attempts) await expectDecryptionFailure(decryptFromBytes(key, attempt, 'aad'));
    await expectDecryptionFailure(decryptFromBytes(key, packed, 'other'));
    await expectDecryptionFailure(decryptFromBytes(key, packed, ''));
    expect(await decryptFromBytes(key, packed, 'aad')).toBe('sk-proj-CANARY-binary');
  });
});

describe('encryptValue / decryptValue', () => {
  it.each([
    ['empty', ''], ['one byte', 'x'], ['10,000 ASCII', 'k'.repeat(10_000)], ['non-ASCII', 'clé — 鍵 — 🔑'.repeat(500)],
  ])('T3 round-trips %s', async (_label, plaintext) => {
    const key = await createTestKey();
    const sealed = await encryptValue(key, plaintext, 'aad');
    expect(decodeBase64(sealed.iv)).toHaveLength(12);
    expect(decodeBase64(sealed.ciphertext).length).toBe(new TextEncoder().encode(plaintext).length + 16);
    expect(await decryptValue(key, sealed, 'aad')).toBe(plaintext);
  });

  it('T4 fails closed when any single byte of IV, ciphertext or tag is flipped', async () => {
    const key = await createTestKey();
    const sealed = await encryptValue(key, 'sk-proj-CANARY-tamper', 'aad');
    const flipAt = (text: string, index: number): string => {
      const bytes = decodeBase64(text);
      bytes[index] = (bytes[index] ?? 0) ^ 0x01;
      return encodeBase64(bytes);
    };
    const ivLength = decodeBase64(sealed.iv).length;
    const dataLength = decodeBase64(sealed.ciphertext).length;
    const attempts: EncryptedValue[] = [];
    for (let index = 0; index < ivLength; index += 1) attempts.push({ ...sealed, iv: flipAt(sealed.iv, index) });
    for (let index = 0; index < dataLength; index += 1) attempts.push({ ...sealed, ciphertext: flipAt(sealed.ciphertext, index) });
    expect(attempts).toHaveLength(12 + 21 + 16);
    for (const attempt of attempts) await expectDecryptionFailure(decryptValue(key, attempt, 'aad'));
    expect(await decryptValue(key, sealed, 'aad')).toBe('sk-proj-CANARY-tamper');
  });

  it('T5 fails with another AAD and still decrypts with the original', async () => {
    const key = await createTestKey();
    const sealed = await encryptValue(key, 'secret', 'record-1');
    await expectDecryptionFailure(decryptValue(key, sealed, 'record-2'));
    expect(await decryptValue(key, sealed, 'record-1')).toBe('secret');
  });

  it('T7 fails on truncation by 1 and 16 bytes and on one appended byte', async () => {
    const key = await createTestKey();
    const sealed = await encryptValue(key, 'a secret longer than sixteen bytes', 'aad');
    const bytes = decodeBase64(sealed.ciphertext);
    for (const variant of [bytes.slice(0, -1), bytes.slice(0, -16), new Uint8Array([...bytes, 0])]) {
      await expectDecryptionFailure(decryptValue(key, { ...sealed, ciphertext: encodeBase64(variant) }, 'aad'));
    }
  });

  it('T8 uses 10,000 unique 12-byte IVs and distinct ciphertexts for the same plaintext', async () => {
    const key = await createTestKey();
    const ivs = new Set<string>();
    const ciphertexts = new Set<string>();
    for (let index = 0; index < 10_000; index += 1) {
      const sealed = await encryptValue(key, 'same plaintext', 'aad');
      expect(decodeBase64(sealed.iv)).toHaveLength(12);
      ivs.add(sealed.iv);
      ciphertexts.add(sealed.ciphertext);
    }
    expect(ivs.size).toBe(10_000);
    expect(ciphertexts.size).toBe(10_000);
  });

  it('T9 refuses 8- and 16-byte IVs and a missing or empty AAD before calling Web Crypto', async () => {
    const key = await createTestKey();
    const sealed = await encryptValue(key, 'secret', 'aad');
    const decrypt = vi.spyOn(crypto.subtle, 'decrypt');
    const encrypt = vi.spyOn(crypto.subtle, 'encrypt');
    for (const ivLength of [8, 16]) {
      await expectDecryptionFailure(decryptValue(key, { ...sealed, iv: encodeBase64(new Uint8Array(ivLength)) }, 'aad'));
    }
    await expectDecryptionFailure(decryptValue(key, sealed, ''));
    await expectDecryptionFailure(decryptValue(key, sealed, undefined as unknown as string));
    await expect(encryptValue(key, 'secret', '')).rejects.toMatchObject({ code: 'ENCRYPTION_FAILED' });
    await expect(encryptValue(key, 'secret', new Uint8Array(0))).rejects.toMatchObject({ code: 'ENCRYPTION_FAILED' });
    expect(decrypt).not.toHaveBeenCalled();
    expect(encrypt).not.toHaveBeenCalled();
  });

  it('T9 pins the tag at 128 bits and the IV at 12 bytes on every call', async () => {
    const key = await createTestKey();
    const encrypt = vi.spyOn(crypto.subtle, 'encrypt');
    const decrypt = vi.spyOn(crypto.subtle, 'decrypt');
    await decryptValue(key, await encryptValue(key, 'secret', 'aad'), 'aad');
    for (const call of [...encrypt.mock.calls, ...decrypt.mock.calls]) {
      const parameters = call[0] as AesGcmParams;
      expect(parameters.tagLength).toBe(128);
      expect((parameters.iv as Uint8Array).length).toBe(12);
      expect((parameters.additionalData as Uint8Array).length).toBeGreaterThan(0);
    }
  });

  it('throws ENCRYPTION_FAILED when Web Crypto refuses, never a raw error', async () => {
    const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['decrypt']);
    await expect(encryptValue(key, 'secret', 'aad')).rejects.toMatchObject({ code: 'ENCRYPTION_FAILED' });
  });

  it('refuses a ciphertext that is not base64', async () => {
    await expectDecryptionFailure(decryptValue(await createTestKey(), { iv: '!!', ciphertext: '??' }, 'aad'));
  });
});
