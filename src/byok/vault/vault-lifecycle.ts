// Creating, unlocking, migrating and re-keying the vault. Each operation that changes stored data
// writes it in one transaction, so an interrupted one leaves the previous vault unlockable. The
// callers (api-key-manager.ts) run every function here under the vault write lock (write-lock.ts).
import { BYOKError } from '../types';
import { chooseIterations } from './kdf-parameters';
import { createKeyRecord, openRecordDetails, openRecordSecret, recordEntryKey, type KeyRecord } from './key-records';
import { assertRecordSet, computeRecordDigest, readRecordSet } from './record-digest';
import { openRetiredDek, wrapRetiredDek } from './retired-key';
import { LEGACY_VAULT_VERSION, assertHeaderShape, buildHeader, openHeader, pickExtensions, sealHeader, unwrapSessionKey, type VaultHeader } from './vault-header';
import { HEADER_ENTRY, readVaultEntry, writeVaultAtomically } from './vault-storage';

/** R6: rotate the DEK long before GCM's 2^32 random-IV limit. Checked at unlock (the passphrase is needed to wrap). */
export const DEK_ROTATION_WRITES = 2 ** 20;

export interface OpenVault {
  header: VaultHeader;
  /** Non-extractable, usages exactly encrypt/decrypt. */
  dek: CryptoKey;
  /** While a rotation re-encrypts conversations: the previous DEK, decrypt only. */
  retiredDek?: CryptoKey;
}

export interface KdfOptions {
  /** Explicit PBKDF2 iterations (still within [600,000; 2,000,000]); default: calibrated to ≈500 ms. */
  iterations?: number;
}

async function generateExtractableDek(): Promise<CryptoKey> {
  // Extractable only so it can be wrapped once; the session uses a non-extractable unwrapped copy.
  return crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
}

export async function readStoredHeader(): Promise<VaultHeader | undefined> {
  return readVaultEntry<VaultHeader>(HEADER_ENTRY);
}

export async function readRequiredHeader(): Promise<VaultHeader> {
  const header = await readStoredHeader();
  if (header === undefined) throw new BYOKError('KEY_NOT_FOUND', 'No vault exists yet: create one first.');
  assertHeaderShape(header, true);
  return header;
}

export async function createNewVault(passphrase: string, options: KdfOptions = {}): Promise<OpenVault> {
  if ((await readStoredHeader()) !== undefined) throw new BYOKError('INVALID_REQUEST', 'A vault already exists on this device.');
  const iterations = await chooseIterations(options.iterations);
  const { header, kek } = await buildHeader({
    passphrase, extractableDek: await generateExtractableDek(), vaultId: crypto.randomUUID(), createdAt: Date.now(), writeCount: 0, iterations,
    extensions: { recordDigest: await computeRecordDigest([]) },
  });
  await writeVaultAtomically({ put: [[HEADER_ENTRY, header]] });
  return { header, dek: await unwrapSessionKey(header, kek) };
}

/** Re-wraps the same DEK under a new salt and iteration count: one header write, records untouched. */
async function rewrapDek(header: VaultHeader, currentPassphrase: string, nextPassphrase: string, options: KdfOptions, beforeCommit?: () => void): Promise<OpenVault> {
  const extractableDek = await openHeader(header, currentPassphrase, true);
  const records = await readRecordSet();
  await assertRecordSet(header, records);
  const iterations = await chooseIterations(options.iterations);
  const rewrapped = await buildHeader({
    passphrase: nextPassphrase, extractableDek, vaultId: header.vaultId, createdAt: header.createdAt, writeCount: header.writeCount, iterations,
    // Passkey wraps stay valid: they wrap the same DEK. A legacy vault gains its record digest here.
    extensions: { ...pickExtensions(header), recordDigest: header.recordDigest ?? (await computeRecordDigest(records)) },
  });
  beforeCommit?.();
  await writeVaultAtomically({ put: [[HEADER_ENTRY, rewrapped.header]] });
  return withRetiredKey({ header: rewrapped.header, dek: await unwrapSessionKey(rewrapped.header, rewrapped.kek) });
}

async function withRetiredKey(opened: OpenVault): Promise<OpenVault> {
  if (opened.header.retiredDek === undefined) return opened;
  return { ...opened, retiredDek: await openRetiredDek(opened.header, opened.dek) };
}

/** A vault sealed before record digests existed gains one at its first unlock (same transaction rules). */
async function addRecordDigest(header: VaultHeader, dek: CryptoKey, records: KeyRecord[]): Promise<VaultHeader> {
  const upgraded = await sealHeader({ ...header, recordDigest: await computeRecordDigest(records), epoch: (header.epoch ?? 0) + 1, writeCount: header.writeCount + 1 }, dek);
  await writeVaultAtomically({ put: [[HEADER_ENTRY, upgraded]] });
  return upgraded;
}

/**
 * Unlocks the stored vault. A legacy v0 vault is migrated first (R7): re-wrapped at current
 * parameters with a new salt in one transaction, before anything else is written. If that write
 * fails the unlock fails and the old vault stays as it was, still unlockable. A record set that
 * does not match the sealed digest fails closed (DECRYPTION_FAILED).
 */
export async function unlockStoredVault(passphrase: string, options: KdfOptions = {}): Promise<OpenVault> {
  let header = await readRequiredHeader();
  if (header.v === LEGACY_VAULT_VERSION) return rewrapDek(header, passphrase, passphrase, options);
  const dek = await openHeader(header, passphrase);
  const records = await readRecordSet();
  await assertRecordSet(header, records);
  if (header.recordDigest === undefined) header = await addRecordDigest(header, dek, records);
  if (header.retiredDek === undefined && header.writeCount >= DEK_ROTATION_WRITES) return rotateStoredDek(passphrase, options);
  return withRetiredKey({ header, dek });
}

/** `beforeCommit` runs once the current passphrase is proven, just before the write (tell other tabs to lock). */
export async function changeStoredPassphrase(current: string, next: string, options: KdfOptions = {}, beforeCommit?: () => void): Promise<OpenVault> {
  const header = await readRequiredHeader();
  return rewrapDek(header, current, next, options, beforeCommit);
}

/** Checks a passphrase against the stored vault without changing anything (step-up for sensitive changes). */
export async function verifyStoredPassphrase(passphrase: string): Promise<void> {
  await openHeader(await readRequiredHeader(), passphrase);
}

/**
 * A new DEK; every key record re-encrypted and the header rewritten in one transaction. The old
 * DEK stays in the header, wrapped under the new one, until every conversation has been
 * re-encrypted in batches (conversation-rekey.ts, resumed at each unlock); then finishRotation
 * drops it. Passkey wraps wrap the old DEK and cannot be renewed without the passkey, so they go.
 */
export async function rotateStoredDek(passphrase: string, options: KdfOptions = {}, beforeCommit?: () => void): Promise<OpenVault> {
  const header = await readRequiredHeader();
  if (header.retiredDek !== undefined) {
    throw new BYOKError('INVALID_REQUEST', 'A previous data-key rotation is still re-encrypting conversations; let it finish (unlock and wait), then rotate again.');
  }
  const oldDek = await openHeader(header, passphrase, true);
  const records = await readRecordSet();
  await assertRecordSet(header, records);
  const extractableDek = await generateExtractableDek();
  const reencrypted: KeyRecord[] = [];
  for (const record of records) {
    const secret = await openRecordSecret(oldDek, header.vaultId, record);
    const details = await openRecordDetails(oldDek, header.vaultId, record);
    const identity = { recordId: record.recordId, provider: record.provider, endpointOrigin: record.endpointOrigin };
    reencrypted.push(await createKeyRecord(extractableDek, header.vaultId, identity, secret, details));
  }
  const { passkeys: _dropped, ...kept } = pickExtensions(header);
  const rotated = await buildHeader({
    passphrase, extractableDek, vaultId: header.vaultId, createdAt: header.createdAt, writeCount: reencrypted.length * 2 + 1,
    iterations: options.iterations ?? header.kdf.iterations,
    extensions: { ...kept, recordDigest: await computeRecordDigest(reencrypted), retiredDek: await wrapRetiredDek(header.vaultId, extractableDek, oldDek) },
  });
  beforeCommit?.();
  await writeVaultAtomically({
    put: [[HEADER_ENTRY, rotated.header], ...reencrypted.map((record): [string, unknown] => [recordEntryKey(record.provider), record])],
  });
  return withRetiredKey({ header: rotated.header, dek: await unwrapSessionKey(rotated.header, rotated.kek) });
}

/** Ends a rotation once no conversation needs the old DEK: the header forgets it. */
export async function finishRotation(header: VaultHeader, dek: CryptoKey, reencryptions: number): Promise<VaultHeader> {
  const { retiredDek: _finished, ...rest } = header;
  const finished = await sealHeader({ ...rest, epoch: (header.epoch ?? 0) + 1, writeCount: header.writeCount + reencryptions + 1 }, dek);
  await writeVaultAtomically({ put: [[HEADER_ENTRY, finished]] });
  return finished;
}
