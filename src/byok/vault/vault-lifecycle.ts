// Creating, unlocking, migrating and re-keying the vault. Each operation that changes stored data
// writes it in one transaction, so an interrupted one leaves the previous vault unlockable.
import { BYOKError } from '../types';
import { chooseIterations } from './kdf-parameters';
import { createKeyRecord, isKeyRecord, openRecordDetails, openRecordSecret, recordEntryKey, type KeyRecord } from './key-records';
import { LEGACY_VAULT_VERSION, assertHeaderShape, buildHeader, openHeader, unwrapSessionKey, type VaultHeader } from './vault-header';
import { HEADER_ENTRY, RECORD_ENTRY_PREFIX, readAllVaultEntries, readVaultEntry, writeVaultAtomically } from './vault-storage';

/** R6: rotate the DEK long before GCM's 2^32 random-IV limit. Checked at unlock (the passphrase is needed to wrap). */
export const DEK_ROTATION_WRITES = 2 ** 20;

export interface OpenVault {
  header: VaultHeader;
  /** Non-extractable, usages exactly encrypt/decrypt. */
  dek: CryptoKey;
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

async function readRequiredHeader(): Promise<VaultHeader> {
  const header = await readStoredHeader();
  if (header === undefined) throw new BYOKError('KEY_NOT_FOUND', 'No vault exists yet: create one first.');
  assertHeaderShape(header, true);
  return header;
}

export async function readStoredRecords(): Promise<KeyRecord[]> {
  const entries = await readAllVaultEntries();
  return entries.filter(([key, value]) => key.startsWith(RECORD_ENTRY_PREFIX) && isKeyRecord(value)).map(([, value]) => value as KeyRecord);
}

export async function createNewVault(passphrase: string, options: KdfOptions = {}): Promise<OpenVault> {
  if ((await readStoredHeader()) !== undefined) throw new BYOKError('INVALID_REQUEST', 'A vault already exists on this device.');
  const iterations = await chooseIterations(options.iterations);
  const { header, kek } = await buildHeader({
    passphrase, extractableDek: await generateExtractableDek(), vaultId: crypto.randomUUID(), createdAt: Date.now(), writeCount: 0, iterations,
  });
  await writeVaultAtomically({ put: [[HEADER_ENTRY, header]] });
  return { header, dek: await unwrapSessionKey(header, kek) };
}

/** Re-wraps the same DEK under a new salt and iteration count: one header write, records untouched. */
async function rewrapDek(header: VaultHeader, currentPassphrase: string, nextPassphrase: string, options: KdfOptions): Promise<OpenVault> {
  const extractableDek = await openHeader(header, currentPassphrase, true);
  const iterations = await chooseIterations(options.iterations);
  const rewrapped = await buildHeader({
    passphrase: nextPassphrase, extractableDek, vaultId: header.vaultId, createdAt: header.createdAt, writeCount: header.writeCount, iterations,
  });
  await writeVaultAtomically({ put: [[HEADER_ENTRY, rewrapped.header]] });
  return { header: rewrapped.header, dek: await unwrapSessionKey(rewrapped.header, rewrapped.kek) };
}

/**
 * Unlocks the stored vault. A legacy v0 vault is migrated first (R7): re-wrapped at current
 * parameters with a new salt in one transaction, before anything else is written. If that write
 * fails the unlock fails and the old vault stays as it was, still unlockable.
 */
export async function unlockStoredVault(passphrase: string, options: KdfOptions = {}): Promise<OpenVault> {
  const header = await readRequiredHeader();
  if (header.v === LEGACY_VAULT_VERSION) return rewrapDek(header, passphrase, passphrase, options);
  const dek = await openHeader(header, passphrase);
  if (header.writeCount >= DEK_ROTATION_WRITES) return rotateDek(header, dek, passphrase, options);
  return { header, dek };
}

export async function changeStoredPassphrase(current: string, next: string, options: KdfOptions = {}): Promise<OpenVault> {
  const header = await readRequiredHeader();
  return rewrapDek(header, current, next, options);
}

/** Checks a passphrase against the stored vault without changing anything (step-up for sensitive changes). */
export async function verifyStoredPassphrase(passphrase: string): Promise<void> {
  await openHeader(await readRequiredHeader(), passphrase);
}

/** A new DEK; every record re-encrypted; all in one transaction. */
async function rotateDek(header: VaultHeader, oldDek: CryptoKey, passphrase: string, options: KdfOptions): Promise<OpenVault> {
  const extractableDek = await generateExtractableDek();
  const records = await readStoredRecords();
  const reencrypted: Array<[string, unknown]> = [];
  for (const record of records) {
    const secret = await openRecordSecret(oldDek, header.vaultId, record);
    const details = await openRecordDetails(oldDek, header.vaultId, record);
    const identity = { recordId: record.recordId, provider: record.provider, endpointOrigin: record.endpointOrigin };
    reencrypted.push([recordEntryKey(record.provider), await createKeyRecord(extractableDek, header.vaultId, identity, secret, details)]);
  }
  const rotated = await buildHeader({
    passphrase, extractableDek, vaultId: header.vaultId, createdAt: header.createdAt, writeCount: reencrypted.length * 2,
    iterations: options.iterations ?? header.kdf.iterations,
  });
  await writeVaultAtomically({ put: [[HEADER_ENTRY, rotated.header], ...reencrypted] });
  return { header: rotated.header, dek: await unwrapSessionKey(rotated.header, rotated.kek) };
}
