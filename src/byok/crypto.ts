// PBKDF2 + AES-256-GCM over Web Crypto. Web Crypto accepts unsafe GCM parameters (8/16-byte IVs,
// 96-bit tags, no AAD: security.md §2), so every call goes through these wrappers, which pin them.
import { decodeBase64, encodeBase64 } from './base64';
import { BYOKError } from './types';

export { decodeBase64, encodeBase64 }; // the codec lives in base64.ts; callers import it from here

export const GCM_IV_BYTES = 12;
export const GCM_TAG_BITS = 128;
const GCM_TAG_BYTES = GCM_TAG_BITS / 8;

export interface EncryptedValue {
  /** base64 of the 12-byte IV. */
  iv: string;
  /** base64 of ciphertext followed by the 16-byte tag. */
  ciphertext: string;
}

export type AdditionalData = string | Uint8Array;

/**
 * NFKD so that the same passphrase typed on another keyboard or OS (composed "ǻ" vs "a" + accents)
 * derives the same key, as 1Password does (security.md R3). Never trimmed: spaces are part of it.
 */
export function encodePassphrase(passphrase: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(passphrase.normalize('NFKD'));
}

async function importPassphrase(passphrase: string): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', encodePassphrase(passphrase), 'PBKDF2', false, ['deriveBits', 'deriveKey']);
}

function assertIterations(iterations: number): void {
  if (!Number.isSafeInteger(iterations) || iterations < 1) {
    throw new BYOKError('ENCRYPTION_FAILED', 'PBKDF2 iterations must be a positive integer.');
  }
}

/** Raw PBKDF2-HMAC-SHA256 output, for known-answer tests and for deriving more than one key. */
export async function deriveBits(passphrase: string, salt: Uint8Array, iterations: number, bitLength = 256): Promise<Uint8Array> {
  assertIterations(iterations);
  const baseKey = await importPassphrase(passphrase);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', salt: new Uint8Array(salt), iterations, hash: 'SHA-256' }, baseKey, bitLength);
  return new Uint8Array(bits);
}

/**
 * PBKDF2-HMAC-SHA256 → non-extractable AES-GCM-256 key that can encrypt values and wrap the vault's
 * data key. The default is the floor (security.md R1); the vault passes its own calibrated count.
 */
export async function deriveKeyFromPassword(passphrase: string, salt: Uint8Array, iterations = 600_000): Promise<CryptoKey> {
  assertIterations(iterations);
  const baseKey = await importPassphrase(passphrase);
  const pbkdf2 = { name: 'PBKDF2', salt: new Uint8Array(salt), iterations, hash: 'SHA-256' };
  return crypto.subtle.deriveKey(pbkdf2, baseKey, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt', 'wrapKey', 'unwrapKey']);
}

function encodeAdditionalData(aad: AdditionalData | undefined, failure: 'ENCRYPTION_FAILED' | 'DECRYPTION_FAILED'): Uint8Array<ArrayBuffer> {
  const bytes = typeof aad === 'string' ? new TextEncoder().encode(aad) : aad instanceof Uint8Array ? new Uint8Array(aad) : undefined;
  // An empty AAD would silently drop the record's binding to its vault, provider and endpoint.
  if (bytes === undefined || bytes.length === 0) throw new BYOKError(failure, 'Additional authenticated data is required.');
  return bytes;
}

function createGcmParameters(iv: Uint8Array<ArrayBuffer>, additionalData: Uint8Array<ArrayBuffer>): AesGcmParams {
  return { name: 'AES-GCM', iv, additionalData, tagLength: GCM_TAG_BITS };
}

function decodeStoredBase64(text: string): Uint8Array<ArrayBuffer> {
  try {
    return decodeBase64(text);
  } catch (cause) {
    throw new BYOKError('DECRYPTION_FAILED', 'The encrypted value is not valid base64.', { cause });
  }
}

/** Decodes and checks a stored {iv, ciphertext} before any Web Crypto call. */
function decodeEncryptedValue(value: EncryptedValue): { iv: Uint8Array<ArrayBuffer>; data: Uint8Array<ArrayBuffer> } {
  const iv = decodeStoredBase64(value.iv);
  const data = decodeStoredBase64(value.ciphertext);
  if (iv.length !== GCM_IV_BYTES) throw new BYOKError('DECRYPTION_FAILED', `The IV must be exactly ${GCM_IV_BYTES} bytes.`);
  if (data.length < GCM_TAG_BYTES) throw new BYOKError('DECRYPTION_FAILED', 'The ciphertext is shorter than its tag.');
  return { iv, data };
}

/** IV ‖ ciphertext ‖ tag in one buffer: what binary records keep in IndexedDB (no base64 strings). */
export async function encryptToBytes(key: CryptoKey, plaintext: string, aad: AdditionalData): Promise<Uint8Array<ArrayBuffer>> {
  const additionalData = encodeAdditionalData(aad, 'ENCRYPTION_FAILED');
  // A fresh random 96-bit IV per encryption: reusing an (IV, key) pair breaks GCM entirely.
  const iv = crypto.getRandomValues(new Uint8Array(GCM_IV_BYTES));
  try {
    const sealed = new Uint8Array(await crypto.subtle.encrypt(createGcmParameters(iv, additionalData), key, new TextEncoder().encode(plaintext)));
    const packed = new Uint8Array(GCM_IV_BYTES + sealed.length);
    packed.set(iv);
    packed.set(sealed, GCM_IV_BYTES);
    return packed;
  } catch (cause) {
    throw new BYOKError('ENCRYPTION_FAILED', 'Encryption failed.', { cause });
  }
}

export async function encryptValue(key: CryptoKey, plaintext: string, aad: AdditionalData): Promise<EncryptedValue> {
  const packed = await encryptToBytes(key, plaintext, aad);
  return { iv: encodeBase64(packed.subarray(0, GCM_IV_BYTES)), ciphertext: encodeBase64(packed.subarray(GCM_IV_BYTES)) };
}

async function decryptParts(key: CryptoKey, iv: Uint8Array<ArrayBuffer>, data: Uint8Array<ArrayBuffer>, aad: AdditionalData): Promise<string> {
  const additionalData = encodeAdditionalData(aad, 'DECRYPTION_FAILED');
  try {
    // GCM checks the tag before releasing anything, so a failure never yields partial plaintext.
    const opened = await crypto.subtle.decrypt(createGcmParameters(iv, additionalData), key, data);
    return new TextDecoder('utf-8', { fatal: true }).decode(opened);
  } catch (cause) {
    throw new BYOKError('DECRYPTION_FAILED', 'Decryption failed: wrong key, or the data was altered.', { cause });
  }
}

export async function decryptValue(key: CryptoKey, value: EncryptedValue, aad: AdditionalData): Promise<string> {
  const { iv, data } = decodeEncryptedValue(value);
  return decryptParts(key, iv, data, aad);
}

/** Opens what encryptToBytes sealed; anything else (wrong type, too short, altered) is DECRYPTION_FAILED. */
export async function decryptFromBytes(key: CryptoKey, packed: unknown, aad: AdditionalData): Promise<string> {
  if (!(packed instanceof Uint8Array)) throw new BYOKError('DECRYPTION_FAILED', 'The encrypted value is not binary.');
  if (packed.length < GCM_IV_BYTES + GCM_TAG_BYTES) throw new BYOKError('DECRYPTION_FAILED', 'The ciphertext is shorter than its IV and tag.');
  // Views, not copies: the IV and the data are read straight from the stored buffer.
  const bytes = new Uint8Array(packed.buffer as ArrayBuffer, packed.byteOffset, packed.length);
  return decryptParts(key, bytes.subarray(0, GCM_IV_BYTES), bytes.subarray(GCM_IV_BYTES), aad);
}

/** Wraps a data key (which must be extractable for this one call) under a passphrase-derived key. */
export async function wrapDataKey(wrappingKey: CryptoKey, dataKey: CryptoKey, aad: AdditionalData): Promise<EncryptedValue> {
  const additionalData = encodeAdditionalData(aad, 'ENCRYPTION_FAILED');
  const iv = crypto.getRandomValues(new Uint8Array(GCM_IV_BYTES));
  try {
    const wrapped = await crypto.subtle.wrapKey('raw', dataKey, wrappingKey, createGcmParameters(iv, additionalData));
    return { iv: encodeBase64(iv), ciphertext: encodeBase64(new Uint8Array(wrapped)) };
  } catch (cause) {
    throw new BYOKError('ENCRYPTION_FAILED', 'Wrapping the data key failed.', { cause });
  }
}

/** Unwraps the data key as non-extractable with usages exactly encrypt/decrypt (security.md R8). */
export async function unwrapDataKey(wrappingKey: CryptoKey, wrapped: EncryptedValue, aad: AdditionalData, extractable = false): Promise<CryptoKey> {
  const additionalData = encodeAdditionalData(aad, 'DECRYPTION_FAILED');
  const { iv, data } = decodeEncryptedValue(wrapped);
  try {
    return await crypto.subtle.unwrapKey('raw', data, wrappingKey, createGcmParameters(iv, additionalData), { name: 'AES-GCM', length: 256 }, extractable, ['encrypt', 'decrypt']);
  } catch (cause) {
    throw new BYOKError('DECRYPTION_FAILED', 'Unwrapping the data key failed.', { cause });
  }
}
