// Monthly budgets travel in the encrypted backup (issue 11): sealed with the vault's data key,
// bound to the vault id, so the file still holds only ciphertext. An optional field: backups
// without it import as before, and older readers ignore it.
import { decryptValue, encryptValue, type EncryptedValue } from '../crypto';
import { BYOKError, BYOK_PROVIDERS, type BYOKProvider } from '../types';
import { readAllBudgets, replaceAllBudgets } from '../usage-ledger';

const budgetsAad = (vaultId: string): string => `vivim-byok:budgets:${vaultId}`;

export async function sealBudgets(dek: CryptoKey, vaultId: string): Promise<EncryptedValue> {
  return encryptValue(dek, JSON.stringify(await readAllBudgets()), budgetsAad(vaultId));
}

/** Opens sealed budgets (DECRYPTION_FAILED when altered); only positive numbers for known providers are kept. */
export async function openBudgets(dek: CryptoKey, vaultId: string, sealed: EncryptedValue): Promise<Partial<Record<BYOKProvider, number>>> {
  const parsed: unknown = JSON.parse(await decryptValue(dek, sealed, budgetsAad(vaultId)));
  const budgets: Partial<Record<BYOKProvider, number>> = {};
  if (typeof parsed !== 'object' || parsed === null) return budgets;
  for (const provider of BYOK_PROVIDERS) {
    const value = (parsed as Record<string, unknown>)[provider];
    if (typeof value === 'number' && Number.isFinite(value) && value > 0) budgets[provider] = value;
  }
  return budgets;
}

/**
 * The backup's budgets, opened before anything stored is replaced: budgets altered in the file
 * refuse the import (DECRYPTION_FAILED), as an altered key record does, instead of being dropped
 * without a word. Undefined for a backup made before budgets travelled.
 */
export async function openBackupBudgets(dek: CryptoKey, vaultId: string, sealed: EncryptedValue | undefined): Promise<Partial<Record<BYOKProvider, number>> | undefined> {
  if (sealed === undefined) return undefined;
  try {
    return await openBudgets(dek, vaultId, sealed);
  } catch (cause) {
    throw new BYOKError('DECRYPTION_FAILED', 'The backup\'s monthly budgets were altered or damaged, so nothing was imported. Use another copy of the backup.', { cause });
  }
}

/**
 * Writes the backup's budgets (all or none), before the vault is replaced: a write that fails (a
 * full disk) refuses the import while nothing has changed yet. Nothing to write for a backup
 * made before budgets travelled.
 */
export async function restoreBudgets(budgets: Partial<Record<BYOKProvider, number>> | undefined): Promise<void> {
  if (budgets === undefined) return;
  try {
    await replaceAllBudgets(budgets);
  } catch (cause) {
    throw new BYOKError('ENCRYPTION_FAILED', 'Saving the backup\'s monthly budgets failed, so nothing was imported.', { cause });
  }
}
