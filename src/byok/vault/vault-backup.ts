// Encrypted backup (security.md R33): the header and the ciphertext records, never plaintext and
// never the DEK. Import enforces the same floors as creation and proves the passphrase opens the
// backup, and every record in it, before anything stored is replaced.
import { BYOKError } from '../types';
import { isKeyRecord, openRecordDetails, openRecordSecret, recordEntryKey, type KeyRecord } from './key-records';
import { assertHeaderShape, openHeader, type VaultHeader } from './vault-header';
import { HEADER_ENTRY, readAllVaultEntries, writeVaultAtomically } from './vault-storage';
import { readStoredHeader, readStoredRecords, type OpenVault } from './vault-lifecycle';

export const BACKUP_FORMAT = 'vivim-byok-vault-backup';
export const BACKUP_VERSION = 1;

interface VaultBackup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: number;
  header: VaultHeader;
  records: KeyRecord[];
}

export async function exportVault(): Promise<string> {
  const header = await readStoredHeader();
  if (header === undefined) throw new BYOKError('KEY_NOT_FOUND', 'There is no vault to export.');
  const backup: VaultBackup = { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: Date.now(), header, records: await readStoredRecords() };
  return JSON.stringify(backup);
}

function parseBackup(json: string): VaultBackup {
  let parsed: Partial<VaultBackup>;
  try {
    parsed = JSON.parse(json) as Partial<VaultBackup>;
  } catch (cause) {
    throw new BYOKError('INVALID_REQUEST', 'This file is not a vault backup (invalid JSON).', { cause });
  }
  if (typeof parsed !== 'object' || parsed === null || parsed.format !== BACKUP_FORMAT) {
    throw new BYOKError('INVALID_REQUEST', 'This file is not a VIVIM vault backup.');
  }
  if (parsed.version !== BACKUP_VERSION) throw new BYOKError('INVALID_REQUEST', `Unsupported backup version ${String(parsed.version)}.`);
  // No legacy headers on import: a backup below the floor is a downgrade, whatever its origin.
  assertHeaderShape(parsed.header, false);
  if (!Array.isArray(parsed.records) || !parsed.records.every(isKeyRecord)) throw new BYOKError('INVALID_REQUEST', 'The backup has malformed key records.');
  const providers = parsed.records.map((record) => record.provider);
  if (new Set(providers).size !== providers.length) throw new BYOKError('INVALID_REQUEST', 'The backup has two keys for one provider.');
  return parsed as VaultBackup;
}

/**
 * Replaces the stored vault with a backup, after checking it opens with `passphrase`
 * (WRONG_PASSPHRASE otherwise, nothing changed). Returns the opened vault.
 */
export async function importVault(json: string, passphrase: string): Promise<OpenVault> {
  const backup = parseBackup(json);
  const dek = await openHeader(backup.header, passphrase);
  for (const record of backup.records) {
    await openRecordSecret(dek, backup.header.vaultId, record);
    await openRecordDetails(dek, backup.header.vaultId, record);
  }
  const existingKeys = (await readAllVaultEntries()).map(([key]) => key);
  await writeVaultAtomically({
    delete: existingKeys,
    put: [[HEADER_ENTRY, backup.header], ...backup.records.map((record): [string, unknown] => [recordEntryKey(record.provider), record])],
  });
  return { header: backup.header, dek };
}
