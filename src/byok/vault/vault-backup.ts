// Encrypted backup (security.md R33): the header and the ciphertext records, never plaintext and
// never the DEK. Import enforces the same floors as creation and proves the passphrase opens the
// backup, and every record in it, before anything stored is replaced.
import type { EncryptedValue } from '../crypto';
import { BYOKError } from '../types';
import { openBackupBudgets, replaceWithBudgets, sealBudgets } from './backup-budgets';
import { isSessionOpen, requireSession } from './vault-session';
import { normaliseEndpoint } from './endpoint';
import { isKeyRecord, openRecordDetails, openRecordSecret, recordEntryKey, type KeyRecord } from './key-records';
import { assertRecordSet } from './record-digest';
import { openRetiredDek } from './retired-key';
import { assertHeaderShape, corruptVaultError, openHeader, verifySeal, type VaultHeader } from './vault-header';
import { HEADER_ENTRY, RECORD_ENTRY_PREFIX, readAllVaultEntries, writeVaultAtomically } from './vault-storage';
import { readStoredHeader, type OpenVault } from './vault-lifecycle';

export const BACKUP_FORMAT = 'vivim-byok-vault-backup';
export const BACKUP_VERSION = 1;

interface VaultBackup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: number;
  header: VaultHeader;
  records: KeyRecord[];
  /** Monthly budgets, sealed with the data key (backup-budgets.ts); absent in older backups. */
  budgets?: EncryptedValue;
}

/**
 * The header and the records come from one read (one IndexedDB transaction): read apart, a key
 * write landing in between (the verification that follows adding a key, a last-used mark) paired a
 * header with records it was not sealed for, and the backup then failed its own integrity check.
 * The pair is checked before it is written out, so a damaged vault never yields a broken backup.
 */
export async function exportVault(): Promise<string> {
  const entries = new Map(await readAllVaultEntries());
  const header = entries.get(HEADER_ENTRY) as VaultHeader | undefined;
  if (header === undefined) throw new BYOKError('KEY_NOT_FOUND', 'There is no vault to export.');
  const records = [...entries].filter(([key]) => key.startsWith(RECORD_ENTRY_PREFIX)).map(([, value]) => value);
  if (!records.every(isKeyRecord)) throw corruptVaultError('a stored key record is malformed.');
  await assertRecordSet(header, records);
  const backup: VaultBackup = { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: Date.now(), header, records };
  // Budgets need the data key: sealed when the vault is open (exporting is only offered then).
  if (isSessionOpen()) backup.budgets = await sealBudgets(requireSession().dek, header.vaultId);
  return JSON.stringify(backup);
}

/** Parses and checks the file's structure and floors (no passphrase needed): bad files are refused first. */
export function parseBackup(json: string): VaultBackup {
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
 * Every record's endpoint must pass the same rules as a key added by hand (R21) and match the
 * origin its AAD is bound to: a crafted backup cannot bind a key to an attacker's http endpoint.
 */
async function assertRecordEndpoints(dek: CryptoKey, backup: VaultBackup): Promise<void> {
  for (const record of backup.records) {
    await openRecordSecret(dek, backup.header.vaultId, record);
    const details = await openRecordDetails(dek, backup.header.vaultId, record);
    let endpoint;
    try {
      endpoint = normaliseEndpoint(details.baseUrl);
    } catch (cause) {
      throw new BYOKError('INVALID_REQUEST', `The backup's ${record.provider} key has an endpoint that is not allowed (${details.baseUrl}).`, { cause });
    }
    if (endpoint.origin !== record.endpointOrigin || endpoint.baseUrl !== details.baseUrl) {
      throw new BYOKError('INVALID_REQUEST', `The backup's ${record.provider} key names two different endpoints; it was altered.`);
    }
  }
}

async function opensWithKey(header: VaultHeader | undefined, dek: CryptoKey): Promise<boolean> {
  if (header === undefined || header.seal === undefined) return false;
  try {
    await verifySeal(header, dek);
    return true;
  } catch {
    return false;
  }
}

export interface ImportedVault {
  opened: OpenVault;
  /** The backup holds the data key of the vault it replaced (conversations stay readable). */
  sameDataKeyAsReplaced: boolean;
}

/**
 * Replaces the stored vault with a backup, after checking it opens with `passphrase`
 * (WRONG_PASSPHRASE otherwise, nothing changed), that its record set matches its sealed digest,
 * and that every endpoint is allowed. `beforeCommit` runs just before the write.
 */
export async function importVault(json: string, passphrase: string, beforeCommit?: () => void): Promise<ImportedVault> {
  const backup = parseBackup(json);
  const dek = await openHeader(backup.header, passphrase);
  await assertRecordSet(backup.header, backup.records);
  await assertRecordEndpoints(dek, backup);
  const budgets = await openBackupBudgets(dek, backup.header.vaultId, backup.budgets);
  const replaced = await readStoredHeader();
  const sameDataKeyAsReplaced = replaced?.vaultId === backup.header.vaultId && (await opensWithKey(replaced, dek));
  const existingKeys = (await readAllVaultEntries()).map(([key]) => key);
  await replaceWithBudgets(budgets, async () => {
    beforeCommit?.();
    await writeVaultAtomically({
      delete: existingKeys,
      put: [[HEADER_ENTRY, backup.header], ...backup.records.map((record): [string, unknown] => [recordEntryKey(record.provider), record])],
    });
  });
  const retiredDek = backup.header.retiredDek === undefined ? undefined : await openRetiredDek(backup.header, dek);
  return { opened: { header: backup.header, dek, ...(retiredDek ? { retiredDek } : {}) }, sameDataKeyAsReplaced };
}
