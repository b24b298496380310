// The vault header: KDF parameters, the wrapped data key (DEK) and the checks that tell a wrong
// passphrase from a damaged or edited header.
//
// How a header is authenticated (security.md R4, R7, R9):
// 1. `keyCheck` is a constant encrypted under the passphrase key (KEK). It fails only when the KEK
//    is wrong: a wrong passphrase, or edited KDF parameters (iterations, salt) — these two cannot be
//    told apart by any scheme, since the KEK is all they change. Both report WRONG_PASSPHRASE,
//    except that parameters outside the allowed range are refused first as a downgrade.
// 2. The DEK wrap's AAD is the canonical header context (version, vaultId, KDF parameters,
//    createdAt). With a correct KEK, a failed unwrap therefore means the header was edited:
//    DECRYPTION_FAILED ("corrupt"), not WRONG_PASSPHRASE.
// 3. `seal` encrypts the canonical form of every other field (wrap, keyCheck, writeCount) under
//    the DEK itself, so the write counter and everything else are authenticated too. The later
//    fields (epoch, record-set digest, retired data key, idle lock, passkey wraps) are sealed as
//    well when present; a header without them seals exactly as before, so older vaults still open.
import { BYOKError } from '../types';
import { decodeBase64, decryptValue, deriveKeyFromPassword, encryptValue, unwrapDataKey, wrapDataKey, type EncryptedValue } from '../crypto';
import { encodeCanonical } from './canonical-encoding';
import { KDF_ALGORITHM, assertKdfParameters, createSalt, type KdfParameters } from './kdf-parameters';

export const VAULT_VERSION = 1;
/** The seed's vault: same layout, 100,000 iterations, no keyCheck or seal. Migrated on first unlock. */
export const LEGACY_VAULT_VERSION = 0;

export interface VaultHeader {
  v: typeof VAULT_VERSION | typeof LEGACY_VAULT_VERSION;
  vaultId: string;
  kdf: KdfParameters;
  wrappedDek: EncryptedValue;
  keyCheck?: EncryptedValue;
  seal?: EncryptedValue;
  /** Encryptions made with this DEK (records and seals); authenticated by the seal (R6). */
  writeCount: number;
  createdAt: number;
  /** +1 on every header write: a tab holding an older epoch must re-read before it writes. */
  epoch?: number;
  /** SHA-256 over every key record (see record-digest.ts): a removed or rolled-back record fails closed. */
  recordDigest?: string;
  /** During a data-key rotation: the previous DEK wrapped under the current one, until every conversation is re-encrypted. */
  retiredDek?: EncryptedValue;
  /** The idle lock in minutes (R11), sealed so no unauthenticated store can stretch it. */
  autoLockMinutes?: number;
  /** Passkey (WebAuthn PRF) wraps of the same DEK, at most 5 (R10). The passphrase wrap above always stays. */
  passkeys?: PasskeyWrap[];
}

export interface PasskeyWrap {
  /** base64url credential id, as WebAuthn's allowCredentials needs it. */
  credentialId: string;
  /** 32 random bytes (base64) sent as the PRF input. */
  prfSalt: string;
  /** 32 random bytes (base64): the HKDF salt of this passkey's KEK. */
  hkdfSalt: string;
  wrappedDek: EncryptedValue;
  label: string;
  createdAt: number;
}

/** The optional sealed fields, carried over when a header is rebuilt (passphrase change, migration). */
export type HeaderExtensions = Pick<VaultHeader, 'epoch' | 'recordDigest' | 'retiredDek' | 'autoLockMinutes' | 'passkeys'>;
const EXTENSION_NAMES = ['epoch', 'recordDigest', 'retiredDek', 'autoLockMinutes', 'passkeys'] as const;

export function pickExtensions(header: VaultHeader): HeaderExtensions {
  const picked: Record<string, unknown> = {};
  for (const name of EXTENSION_NAMES) if (header[name] !== undefined) picked[name] = header[name];
  return picked as HeaderExtensions;
}

/** JSON with sorted object keys: IndexedDB keeps key order, but the seal must not depend on it. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).filter(([, field]) => field !== undefined).sort(([left], [right]) => (left < right ? -1 : 1));
    return `{${entries.map(([key, field]) => `${JSON.stringify(key)}:${stableJson(field)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const KEY_CHECK_PLAINTEXT = 'vivim-byok passphrase check';
const KEY_CHECK_CONTEXT = encodeCanonical(['vivim-byok/key-check', VAULT_VERSION]);

/** AAD of the DEK wrap: R4's "kek-wrap|v|vaultId|method" plus the KDF parameters. */
export function encodeWrapContext(header: Pick<VaultHeader, 'v' | 'vaultId' | 'kdf' | 'createdAt'>): string {
  const { v, vaultId, kdf, createdAt } = header;
  return encodeCanonical(['vivim-byok/kek-wrap', v, vaultId, 'passphrase', kdf.alg, kdf.iterations, kdf.salt, createdAt]);
}

function encodeSealContent(header: VaultHeader): string {
  const check = header.keyCheck ?? { iv: '', ciphertext: '' };
  const fields: Array<string | number> = [
    encodeWrapContext(header), header.wrappedDek.iv, header.wrappedDek.ciphertext, check.iv, check.ciphertext, header.writeCount,
  ];
  const extensions = pickExtensions(header);
  // Only when present, so a header written before these fields existed still verifies.
  if (Object.keys(extensions).length > 0) fields.push(stableJson(extensions));
  return encodeCanonical(fields);
}

const encodeSealAad = (vaultId: string): string => encodeCanonical(['vivim-byok/header-seal', VAULT_VERSION, vaultId]);

export function corruptVaultError(message: string, cause?: unknown): BYOKError {
  return new BYOKError('DECRYPTION_FAILED', `The vault is damaged or was altered: ${message}`, cause === undefined ? {} : { cause });
}

export async function sealHeader(header: VaultHeader, dek: CryptoKey): Promise<VaultHeader> {
  const { seal: _previous, ...unsealed } = header;
  return { ...unsealed, seal: await encryptValue(dek, encodeSealContent(unsealed), encodeSealAad(header.vaultId)) };
}

export interface NewHeaderInput {
  passphrase: string;
  /** Must be extractable: this is the one moment the DEK is exported, wrapped, for storage. */
  extractableDek: CryptoKey;
  vaultId: string;
  createdAt: number;
  writeCount: number;
  iterations: number;
  extensions?: HeaderExtensions;
}

/** A current-version header with a fresh salt; returns the KEK too, to unwrap a non-extractable DEK. */
export async function buildHeader(input: NewHeaderInput): Promise<{ header: VaultHeader; kek: CryptoKey }> {
  const kdf: KdfParameters = { alg: KDF_ALGORITHM, iterations: input.iterations, salt: createSalt() };
  const kek = await deriveKeyFromPassword(input.passphrase, decodeBase64(kdf.salt), kdf.iterations);
  const context = { v: VAULT_VERSION, vaultId: input.vaultId, kdf, createdAt: input.createdAt } as const;
  const wrappedDek = await wrapDataKey(kek, input.extractableDek, encodeWrapContext(context));
  const keyCheck = await encryptValue(kek, KEY_CHECK_PLAINTEXT, KEY_CHECK_CONTEXT);
  const extensions = input.extensions ?? {};
  const header: VaultHeader = { ...context, wrappedDek, keyCheck, writeCount: input.writeCount + 1, ...extensions, epoch: (extensions.epoch ?? 0) + 1 };
  return { header: await sealHeader(header, input.extractableDek), kek };
}

function isEncryptedValue(value: unknown): value is EncryptedValue {
  const candidate = value as Partial<EncryptedValue> | null;
  return typeof candidate === 'object' && candidate !== null && typeof candidate.iv === 'string' && typeof candidate.ciphertext === 'string';
}

function assertExtensionShapes(header: Partial<VaultHeader>): void {
  const optional = (value: unknown, type: 'number' | 'string') => value === undefined || typeof value === type;
  if (!optional(header.epoch, 'number') || !optional(header.recordDigest, 'string') || !optional(header.autoLockMinutes, 'number')) {
    throw corruptVaultError('a sealed header field has the wrong type.');
  }
  if (header.retiredDek !== undefined && !isEncryptedValue(header.retiredDek)) throw corruptVaultError('the retired data key is malformed.');
  if (header.passkeys !== undefined && !(Array.isArray(header.passkeys) && header.passkeys.every((wrap) => isEncryptedValue(wrap?.wrappedDek)))) {
    throw corruptVaultError('a passkey wrap is malformed.');
  }
}

/** Structural check of a stored or imported header; unknown versions are a hard error (R7). */
export function assertHeaderShape(value: unknown, allowLegacy: boolean): asserts value is VaultHeader {
  if (typeof value !== 'object' || value === null) throw corruptVaultError('the header is missing.');
  const header = value as Partial<VaultHeader>;
  const isLegacy = header.v === LEGACY_VAULT_VERSION;
  if (header.v !== VAULT_VERSION && !(allowLegacy && isLegacy)) throw corruptVaultError(`unknown or refused vault version ${String(header.v)}.`);
  if (typeof header.vaultId !== 'string' || header.vaultId === '') throw corruptVaultError('the vault id is missing.');
  if (typeof header.createdAt !== 'number' || typeof header.writeCount !== 'number') throw corruptVaultError('header fields are missing.');
  if (!isEncryptedValue(header.wrappedDek)) throw corruptVaultError('the wrapped data key is missing.');
  if (!isLegacy && (!isEncryptedValue(header.keyCheck) || !isEncryptedValue(header.seal))) throw corruptVaultError('the header is not sealed.');
  // A current header relabelled as legacy would otherwise skip the key check and seal.
  if (isLegacy && (header.keyCheck !== undefined || header.seal !== undefined)) throw corruptVaultError('a legacy header cannot carry a seal.');
  // Unsealed, these would be unauthenticated: a legacy header carries none of them.
  if (isLegacy && Object.keys(pickExtensions(header as VaultHeader)).length > 0) throw corruptVaultError('a legacy header cannot carry sealed settings.');
  assertExtensionShapes(header);
  assertKdfParameters(header.kdf, isLegacy);
}

async function checkPassphraseKey(header: VaultHeader, kek: CryptoKey): Promise<void> {
  if (header.keyCheck === undefined) return;
  let plaintext: string;
  try {
    plaintext = await decryptValue(kek, header.keyCheck, KEY_CHECK_CONTEXT);
  } catch {
    throw new BYOKError('WRONG_PASSPHRASE', 'Wrong passphrase.');
  }
  if (plaintext !== KEY_CHECK_PLAINTEXT) throw corruptVaultError('the passphrase check does not match.');
}

export async function verifySeal(header: VaultHeader, dek: CryptoKey): Promise<void> {
  if (header.seal === undefined) return;
  let sealed: string;
  try {
    sealed = await decryptValue(dek, header.seal, encodeSealAad(header.vaultId));
  } catch (cause) {
    throw corruptVaultError('the header seal does not verify.', cause);
  }
  if (sealed !== encodeSealContent(header)) throw corruptVaultError('a header field was edited.');
}

/**
 * Derives the KEK, checks it, unwraps the DEK and verifies the header seal. `extractable` is only
 * for re-wrapping (migration, passphrase change); the session's DEK is never extractable.
 */
export async function openHeader(header: VaultHeader, passphrase: string, extractable = false): Promise<CryptoKey> {
  const kek = await deriveKeyFromPassword(passphrase, decodeBase64(header.kdf.salt), header.kdf.iterations);
  await checkPassphraseKey(header, kek);
  let dek: CryptoKey;
  try {
    dek = await unwrapDataKey(kek, header.wrappedDek, encodeWrapContext(header), extractable);
  } catch (cause) {
    // A legacy header has no key check: a failed unwrap is the only signal, most likely the passphrase.
    if (header.v === LEGACY_VAULT_VERSION) throw new BYOKError('WRONG_PASSPHRASE', 'Wrong passphrase.');
    throw corruptVaultError('the data key does not unwrap with this header.', cause);
  }
  await verifySeal(header, dek);
  return dek;
}

/** The session's handle: non-extractable, usages exactly encrypt/decrypt (R8). */
export async function unwrapSessionKey(header: VaultHeader, kek: CryptoKey): Promise<CryptoKey> {
  return unwrapDataKey(kek, header.wrappedDek, encodeWrapContext(header), false);
}
